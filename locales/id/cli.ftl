## Baris perintah admin `pandu`.

cli-usage =
    pandu — baris perintah admin Pandu
    
      pandu flow check <berkas> [--json]          periksa berkas alur (SOP)
      pandu org check <berkas>                    periksa berkas organisasi
      pandu org invite <id-orang> [--days N]      buat kode undangan sekali pakai
      pandu ppk check <berkas> [--json]           periksa daftar PPK seperti saat diunggah
      pandu calendar check [DIR] [--json]         periksa kalender kantor, daftar hari libur per tahun
      pandu calendar new TTTT [--out BERKAS]      tulis berkas kalender sementara untuk satu tahun (periksa!)
      pandu outbox list [--failed] | retry <id>   pesan tertahan atau gagal; kirim ulang satu pesan
      pandu disruption start|end|status [--note T] catat awal/akhir gangguan SPSE, atau lihat statusnya
      pandu register export [--format xlsx|csv] [--out BERKAS]   tulis register SPSE
      pandu report compliance [--from …] [--to …] [--unit ID] [--flow ID] [--json]   kepatuhan Mutu Baku
    
    Opsi untuk semua perintah: --lang id|en (bahasa keluaran), --help (penjelasan perintah).
    Perintah yang memakai data memakai MONGODB_URI, atau basis data bawaan dari `npm start` yang sedang berjalan.
cli-help-flow =
    pandu flow check <berkas> [--json]
      Memeriksa berkas alur seperti saat layanan dimulai; kesalahan menyebut berkas, langkah, dan kolomnya.
      --json  cetak alur yang sudah dinormalkan sebagai baris terakhir
cli-help-org =
    pandu org check <berkas>
      Memeriksa berkas organisasi: unit, jabatan, atasan, akun chat.
    pandu org invite <id-orang> [--days N]
      Membuat kode undangan sekali pakai (berlaku N hari, 1–90; bawaan INVITE_TTL_DAYS). Baris terakhir: kodenya.
cli-help-ppk =
    pandu ppk check <berkas> [--json]
      Memeriksa daftar PPK (XLSX/CSV) persis seperti saat diunggah di chat: 0 valid, 1 ada kesalahan.
cli-help-calendar =
    pandu calendar check [DIR] [--json]
      Memeriksa berkas kalender (satu per tahun) dan mendaftar hari libur dan cuti bersama beserta harinya.
    pandu calendar new TTTT [--out BERKAS]
      Menulis berkas kalender satu tahun dari aturan pustaka hari libur; periksa setiap tanggal terhadap SKB.
cli-help-outbox =
    pandu outbox list [--failed]   pesan yang belum terkirim (pending) atau gagal (failed), terbaru lebih dulu
    pandu outbox retry <id>        antrekan lagi pesan yang gagal (layanan yang berjalan mengirimnya)
cli-outbox-none = ✔ Tidak ada pesan yang tertahan.
cli-outbox-line = { $id }  { $status }  kepada { $to }  ({ $kind }, { $instance })  percobaan { $attempts }  galat: { $error }
cli-outbox-bad-id = ✖ "{ $id }" bukan id pesan (24 karakter heksadesimal seperti yang ditampilkan outbox list, atau id pesan yang disebut pemberitahuan di chat).
cli-outbox-not-failed = ✖ Tidak ada pesan gagal dengan id { $id }.
cli-outbox-retried = ✔ Pesan { $id } diantrekan lagi.
cli-help-disruption =
    pandu disruption start [--note CATATAN]   catat awal gangguan SPSE (jam standar waktu berhenti)
    pandu disruption end [--note CATATAN]     catat akhir gangguan (jam berjalan kembali)
    pandu disruption status                   apakah sedang ada gangguan
cli-help-register =
    pandu register export [--format xlsx|csv] [--out BERKAS]
      Menulis register SPSE (setiap unit, setiap akun terotentikasi); --out - menulis CSV ke layar.
cli-help-report =
    pandu report compliance [--from TTTT-BB-HH] [--to TTTT-BB-HH] [--unit ID | --person ID] [--flow ID] [--json] [--xlsx BERKAS]
      Kepatuhan terhadap standar waktu Mutu Baku per langkah untuk satu periode.
cli-help-agenda =
    pandu agenda export --book incoming|outgoing --year TTTT [--format xlsx|csv] [--out BERKAS]
      Menulis buku agenda surat masuk atau keluar satu tahun (kolom buku agenda kertas).
cli-help-verify =
    pandu verify BERKAS.pdf
      Memeriksa dokumen buatan Pandu terhadap yang tersimpan (SHA-256, versi terkini atau sudah digantikan).
cli-help-archive =
    pandu archive export NOMOR-AGENDA [--out BERKAS]
      Menulis arsip surat: ZIP dengan manifest.json, setiap berkas setiap versi, dokumen, jejak audit, ringkasan.
cli-unknown-command = ✖ Perintah tidak dikenal: { $command }. Ketik pandu --help untuk daftar perintah.
cli-bad-lang = ✖ Bahasa "{ $lang }" tidak dikenal: pakai --lang id atau --lang en.
cli-no-database = ✖ Tidak ada basis data: atur MONGODB_URI, atau jalankan layanan dulu (npm start) agar basis data bawaannya mendengarkan di port { $port }.
cli-failed = ✖ Gagal: { $message }
cli-flow-ok = ✔ { $file }: { $number } — { $name }
cli-flow-no-standard = tanpa standar waktu
cli-flow-standard = { $minutes }
cli-org-ok = ✔ { $file }: { $units } unit, { $people } orang, jabatan { $positions }
cli-org-no-person = ✖ Tidak ada orang "{ $id }" di { $file }.
cli-invite-code = Kode undangan untuk { $name } ({ $position }): { $code }
cli-invite-until = Berlaku sampai { $until } dan hanya sekali pakai.
cli-invite-how = Telegram: kirim "/start { $code }" ke bot · Slack: "/pandu link { $code }"
