## Percakapan di chat (Telegram dan Slack).

chat-not-linked = Akun chat Anda belum terhubung dengan Pandu. Mintalah kode undangan kepada admin, lalu kirim: /start KODE (di Slack: /pandu link KODE).
chat-invite-unknown = Kode undangan tidak dikenal. Periksa kembali kodenya atau minta kode baru kepada admin.
chat-invite-used = Kode undangan ini sudah dipakai. Minta kode baru kepada admin.
chat-invite-expired = Kode undangan ini sudah kedaluwarsa. Minta kode baru kepada admin.
chat-welcome = Selamat datang, { $name } ({ $position }, { $unit }). Akun Anda sudah terhubung dengan Pandu.
chat-help =
    Pandu membantu Anda menjalankan SOP langkah demi langkah.
    /tugas — tugas Anda yang masih terbuka
    /status NOMOR-AGENDA — riwayat sebuah permohonan
    /ajukan — ajukan permohonan baru (ULP)
    /templat — templat daftar PPK (XLSX dan CSV)
    /register KODE-UNIT — register SPSE: PPK, ULP/Pokja, dan pengguna unit
    /daftar NOMOR-AGENDA — daftar akun PPK yang telah diotentikasi (XLSX)
    /wakil — tunjuk pelaksana harian selama Anda berhalangan
    /kanal telegram|slack — pilih platform penerima tugas (bila terhubung di keduanya)
    /bahasa — ganti bahasa (Indonesia/English)
    /batal — batalkan isian yang sedang berjalan
    /gangguan mulai CATATAN | selesai — catat awal atau akhir gangguan SPSE; jam standar waktu berhenti selama gangguan (admin)
    /bantuan — bantuan ini
chat-help-slack =
    Pandu membantu Anda menjalankan SOP langkah demi langkah.
    /pandu tugas — tugas Anda yang masih terbuka
    /pandu status NOMOR-AGENDA — riwayat sebuah permohonan
    /pandu ajukan PERIHAL — ajukan permohonan baru (ULP)
    /pandu templat — templat daftar PPK
    /pandu register KODE-UNIT — register SPSE sebuah unit
    /pandu daftar NOMOR-AGENDA — daftar akun terotentikasi (XLSX)
    /pandu wakil — tunjuk pelaksana harian
    /pandu bahasa — ganti bahasa (Indonesia/English)
    /pandu link KODE — hubungkan akun Slack Anda
    /pandu gangguan mulai CATATAN | selesai — catat awal atau akhir gangguan SPSE (admin)
    /pandu bantuan — bantuan ini
chat-unknown-command = Perintah /{ $command } tidak dikenal. Ketik /bantuan untuk daftar perintah.
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
chat-preferred-channel-set = Tugas akan dikirim ke { $platform ->
    [slack] Slack
   *[telegram] Telegram
  }.
chat-command-batal = Batalkan isian
chat-kanal-usage = Tulis platform tujuan tugas Anda: /kanal telegram atau /kanal slack.
chat-command-kanal = Pilih Telegram atau Slack untuk tugas
chat-kanal-not-linked = Akun { $platform ->
    [slack] Slack
   *[telegram] Telegram
  } Anda belum terhubung. Hubungkan dulu dengan kode undangan.
