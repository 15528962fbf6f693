## Percakapan di chat (Telegram dan Slack).

chat-not-linked = Akun chat Anda belum terhubung dengan Pandu. Mintalah kode undangan kepada admin, lalu kirim: /start KODE (di Slack: /pandu link KODE).
chat-invite-unknown = Kode undangan tidak dikenal. Periksa kembali kodenya atau minta kode baru kepada admin.
chat-invite-used = Kode undangan ini sudah dipakai. Minta kode baru kepada admin.
chat-invite-expired = Kode undangan ini sudah kedaluwarsa. Minta kode baru kepada admin.
chat-welcome = Selamat datang, { $name } ({ $position }, { $unit }). Akun Anda sudah terhubung dengan Pandu.
chat-help-title = Pandu membantu Anda menjalankan SOP langkah demi langkah.
chat-help-line = { $command }{ $args } — { $text }
chat-help-tugas = tugas Anda yang masih terbuka
chat-help-status = riwayat sebuah permohonan
chat-help-ajukan = ajukan permohonan baru (ULP)
chat-help-templat = templat daftar PPK (XLSX dan CSV)
chat-help-register = register SPSE: PPK, ULP/Pokja, dan pengguna unit
chat-help-daftar = daftar akun PPK yang telah diotentikasi (XLSX)
chat-help-wakil = tunjuk pelaksana harian selama Anda berhalangan
chat-help-kanal = pilih platform penerima tugas (bila terhubung di beberapa platform)
chat-help-bahasa = ganti bahasa (Indonesia/English)
chat-help-batal = batalkan isian yang sedang berjalan
chat-help-gangguan = catat awal atau akhir gangguan SPSE; jam standar waktu berhenti selama gangguan (admin)
chat-help-bantuan = bantuan ini
chat-help-start = hubungkan akun chat Anda dengan kode undangan
chat-args-status = {" "}NOMOR-AGENDA
chat-args-ajukan = {" "}[PERIHAL]
chat-args-register = {" "}[KODE-UNIT]
chat-args-daftar = {" "}NOMOR-AGENDA
chat-args-wakil = {" "}[ID-ORANG HARI | batal | tolak ID-ORANG]
chat-args-kanal = {" "}PLATFORM
chat-args-gangguan = {" "}mulai CATATAN | selesai
chat-args-start = {" "}KODE
chat-unknown-command = Perintah { $command } tidak dikenal. Ketik { $help } untuk daftar perintah.
chat-no-tasks = Tidak ada tugas terbuka untuk Anda saat ini. 👍
chat-task-list = Anda memiliki { $count } tugas terbuka{ $overdue ->
    [0] .
   *[other] , { $overdue } di antaranya melewati batas waktu.
  }
chat-status-usage = Tulis nomor agendanya, misalnya: /status 001/ND-M/PUSDATINKOMTEL/XI/2026
chat-status-not-found = Permohonan dengan nomor agenda { $agenda } tidak ditemukan, atau Anda tidak terlibat di dalamnya.
chat-language-set = Bahasa diganti ke Bahasa Indonesia.
chat-request-not-allowed = Hanya ULP komponen/unit kerja yang dapat mengajukan permohonan.
chat-request-ask-subject = Tulis perihal permohonan Anda (misalnya: Permohonan pemanfaatan SPSE untuk pengadaan TA 2027).
chat-request-ask-file = Sekarang kirim nota dinasnya sebagai dokumen (PDF atau hasil pindai).
chat-cancelled = Isian dibatalkan.
chat-button-unknown = Tombol ini sudah tidak berlaku. Ketik /tugas untuk melihat tugas Anda.
chat-button-not-yours = Tombol ini bukan untuk Anda.
chat-ask-return-reason = Tulis alasan pengembalian sebagai balasan.
chat-ask-fail-reason = Tulis alasan kegagalan butir ini sebagai balasan (misalnya: NIP tidak ditemukan di SPSE).
chat-ask-file = Kirim berkasnya sekarang sebagai dokumen.
chat-text-hint = Pesan diterima, tetapi Pandu tidak sedang menunggu jawaban. Ketik /tugas untuk melihat tugas Anda atau /bantuan.
chat-file-too-big = Berkas terlalu besar ({ $size } MB). Batas unggah { $max } MB.
chat-file-no-task = Tidak ada tugas Anda yang sedang menunggu berkas.
chat-file-which-task = Anda memiliki beberapa tugas yang menunggu berkas. Ketuk "📎 Kirim berkas" pada tugas yang dimaksud, lalu kirim berkasnya.
chat-send-file-hint = 📎 Kirim berkas ({ $accept }) sebagai dokumen di chat ini.
chat-action-attach = 📎 Kirim berkas
chat-next = Lanjut ›
chat-disposition-choose-recipients = ✍️ Disposisi: pilih penerima (boleh lebih dari satu), lalu ketuk Lanjut.
chat-disposition-choose-instruction = ✍️ Disposisi: pilih arahan.
chat-disposition-ask-note = ✍️ Tambahkan catatan dengan membalas pesan ini, atau ketuk Kirim tanpa catatan.
chat-disposition-send = 📨 Kirim tanpa catatan
chat-disposition-done = ✍️ Disposisi selesai.
chat-command-start = Mulai dan hubungkan akun
chat-command-tugas = Tugas saya yang terbuka
chat-command-status = Riwayat permohonan (nomor agenda)
chat-command-ajukan = Ajukan permohonan baru
chat-command-templat = Templat daftar PPK
chat-command-register = Register SPSE sebuah unit
chat-command-daftar = Daftar akun terotentikasi (nomor agenda)
chat-command-wakil = Tunjuk pelaksana harian
chat-command-bahasa = Ganti bahasa
chat-command-gangguan = Gangguan SPSE: mulai/selesai (admin)
chat-command-bantuan = Bantuan

status-title = Status: { $status ->
    [completed] selesai
   *[active] sedang diproses
  }
status-run = { $number }. { $title } — { $who } · mulai { $started } · selesai { $ended } · { $verdict ->
    [ontime] ✅ sesuai standar
    [late] ⚠️ melewati standar
    [open] ⏳ berjalan
   *[none] tanpa standar waktu
  }
status-reminder-sent = { "   " }🔔 pengingat pukul { $at }
status-escalated = { "   " }⏫ dieskalasi kepada { $to } pukul { $at }
chat-preferred-channel-set = Tugas akan dikirim ke { $platform }.
chat-command-batal = Batalkan isian
chat-kanal-usage = Tulis platform tujuan tugas Anda: { $choices }.
chat-command-kanal = Pilih Telegram atau Slack untuk tugas
chat-kanal-not-linked = Akun { $platform } Anda belum terhubung. Hubungkan dulu dengan kode undangan.
chat-error = Maaf, terjadi gangguan saat memproses permintaan Anda; tidak ada yang berubah. Silakan coba lagi sebentar lagi.
chat-error-after = Maaf, terjadi gangguan setelah ini tercatat: { $done }. Sisanya belum diproses; silakan periksa /tugas atau coba lagi.
chat-file-download-failed = Berkas tidak dapat diunduh dari platform chat. Silakan kirim ulang berkasnya.
chat-file-too-big-to-send = ⚠️ Berkas { $name } ({ $size }) terlalu besar untuk dikirim lewat platform ini. Mintalah kepada admin.
chat-document-not-yours = Berkas ini bukan dari permohonan yang Anda ikuti.
chat-document-coming = 📎 { $name } sedang dikirim.
notice-document = 📎 { $label }: { $name } (v{ $version })
chat-berkas-usage = Tulis nomor agendanya, misalnya: /berkas 001/ND-M/PUSDATINKOMTEL/XII/2026
chat-berkas-none = Permohonan { $agenda } belum memiliki berkas.
chat-berkas-title = 📁 Berkas permohonan { $agenda } ({ $count }). Ketuk untuk menerimanya:
chat-berkas-button = L{ $step } · { $name } (v{ $version })
chat-berkas-more = Ditampilkan { $shown } versi terbaru dari { $total }.
chat-notifikasi-usage = Pilih seberapa sering Anda diberi kabar tentang permohonan Anda (sekarang: { $current }): /notifikasi langkah (setiap langkah), /notifikasi ringkas (satu kartu status yang diperbarui), atau /notifikasi selesai (hanya saat selesai).
chat-notifikasi-set = { $mode ->
    [langkah] Anda akan diberi kabar di setiap langkah.
    [selesai] Anda hanya akan diberi kabar saat permohonan selesai.
   *[ringkas] Anda akan menerima satu kartu status per permohonan yang diperbarui setiap ada kemajuan.
  }
chat-command-berkas = Berkas sebuah permohonan (nomor agenda)
chat-help-berkas = semua berkas sebuah permohonan, setiap versi
chat-args-berkas = {" "}NOMOR-AGENDA
chat-command-notifikasi = Atur kabar permohonan Anda
chat-help-notifikasi = seberapa sering Anda diberi kabar tentang permohonan Anda (ULP)
chat-args-notifikasi = {" "}langkah | ringkas | selesai
chat-help-laporan = laporan kepatuhan standar waktu dan pekerjaan terbuka di lingkup Anda, dengan grafik
chat-args-laporan = {" "}[HARI | xlsx | mingguan mati]
chat-command-laporan = Laporan kepatuhan standar waktu
chat-help-cari = cari surat menurut perihal, nomor agenda, atau unit pemohon
chat-args-cari = {" "}KATA
chat-command-cari = Cari surat
outbox-undeliverable = ⚠️ Pesan untuk { $person } ({ $personId }) tidak dapat dikirim. Sebab: { $cause ->
    [unlinked] akun chat-nya belum ditautkan ke Pandu
   *[refused] { $reason }
  }
outbox-undeliverable-where = Permohonan { $instance }, langkah { $step }
outbox-undeliverable-todo-superior = Mohon kabari { $person } secara langsung bahwa ada tugas atau pesan untuknya di Pandu (/tugas). Admin sudah diberi tahu dan akan mengirim ulang.
outbox-undeliverable-todo = { $cause ->
    [unlinked] Minta { $person } menautkan akun chat-nya (npm run pandu -- org invite { $personId }), lalu kirim ulang: npm run pandu -- outbox retry { $id }
   *[refused] Setelah sebabnya diatasi, kirim ulang: npm run pandu -- outbox retry { $id } (daftar: npm run pandu -- outbox list --failed)
  }
outbox-undeliverable-today = Hari ini Anda tidak diberi tahu lagi tentang pesan lain untuk { $person } yang tertahan karena akunnya belum ditautkan.
outbox-undeliverable-today-admin = Hari ini Anda tidak diberi tahu lagi tentang pesan lain untuk { $person } yang tertahan karena akunnya belum ditautkan. Semua yang tertahan: npm run pandu -- outbox list --failed
chat-reply-later = { $text }
chat-reply-later-buttons = (Balasan ini tertunda karena gangguan platform chat; tombolnya tidak ikut. Buka /tugas untuk menindaklanjuti.)
