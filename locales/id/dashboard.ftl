# The leaders' dashboard in the browser and the Telegram Mini App (src/features/reports/dashboard).

chat-help-dasbor = tautan masuk ke dasbor pimpinan di peramban (sekali pakai, 10 menit)
dash-menu-button = Dasbor
chat-command-dasbor = Dasbor di peramban
dash-chat-link = 🔐 Tautan masuk dasbor (sekali pakai, berlaku 10 menit): { $url }
dash-chat-no-url = Dasbor belum dapat dibuka: alamat layanan (PUBLIC_URL) belum diatur. Hubungi admin.

dash-nav-overview = Ringkasan
dash-nav-search = Cari surat
dash-nav-compliance = Kepatuhan
dash-sign-out = Keluar
dash-sign-in-title = Masuk ke dasbor
dash-sign-in-intro = Tekan tombol di bawah untuk masuk ke dasbor Pandu. Tautan ini hanya dapat dipakai sekali.
dash-sign-in-button = Masuk
dash-sign-in-invalid = Tautan masuk tidak berlaku: sudah dipakai, kedaluwarsa (10 menit), atau salah. Minta tautan baru dengan /dasbor di chat.
dash-sign-in-needed = Anda belum masuk. Ketik /dasbor di chat Pandu untuk mendapat tautan masuk.
dash-signed-out-title = Keluar
dash-signed-out = Anda sudah keluar dari dasbor.
dash-error-origin = Permintaan ditolak: tidak berasal dari halaman dasbor ini.
dash-error-csrf = Permintaan ditolak: sesi atau token formulir tidak cocok. Muat ulang halaman lalu coba lagi.
dash-mini-app-wait = Memeriksa akun Telegram Anda…
dash-mini-app-no-data = Halaman ini dibuka dari tombol menu bot Pandu di Telegram.
dash-mini-app-failed = Tidak dapat masuk. Tutup lalu buka lagi dari Telegram.
dash-mini-app-off = Masuk lewat Telegram tidak diaktifkan di layanan ini.
dash-mini-app-invalid = Data masuk dari Telegram tidak sah (tanda tangan tidak cocok).
dash-mini-app-stale = Data masuk dari Telegram sudah kedaluwarsa. Tutup lalu buka lagi dari Telegram.
dash-mini-app-unknown = Akun Telegram ini belum terhubung ke Pandu. Hubungkan dulu dengan kode undangan.

dash-refused-title = Tidak dapat ditampilkan
dash-error-unit-and-person = Pilih unit atau orang, tidak keduanya.
dash-error-unknown-unit = Unit "{ $unit }" tidak dikenal.
dash-error-unknown-person = Orang "{ $person }" tidak dikenal.
dash-error-forbidden-scope = Anda tidak berwenang melihat lingkup ini.
dash-error-not-in-org = Anda tidak tercatat di struktur organisasi.
dash-error-no-letter = Surat tidak ditemukan, atau Anda tidak berwenang melihatnya.
dash-error-no-file = Berkas tidak ditemukan.
dash-error-state = Status "{ $state }" tidak dikenal (pilih berjalan atau selesai).

dash-overview-title = Pekerjaan terbuka
dash-unit = Unit
dash-unit-all-mine = (seluruh lingkup saya)
dash-show = Tampilkan
dash-scope = Lingkup: { $scope }
dash-period = Periode { $from } s.d. { $to }
dash-count-open = terbuka
dash-count-due-today = jatuh tempo hari ini
dash-count-overdue = terlambat
dash-count-escalated = dieskalasi
dash-count-paused = menunggu gangguan
dash-open-work = Langkah terbuka (yang terlambat lebih dulu)
dash-open-none = Tidak ada pekerjaan terbuka di lingkup ini.
dash-my-requests = Permohonan saya yang berjalan
dash-open-more = Ditampilkan { $shown } dari { $open } langkah terbuka.
dash-badge-overdue = terlambat
dash-badge-escalated = eskalasi { $level }
dash-badge-paused = dijeda
dash-when = { $at }
dash-minutes = { $m }
dash-col-letter = Surat
dash-col-flow = SOP
dash-col-step = Langkah
dash-col-unit = Unit
dash-col-person = Pelaksana
dash-col-due = Batas waktu
dash-col-late = Terlambat
dash-col-when = Waktu
dash-col-event = Kejadian
dash-col-made = Dibuat
dash-col-week = Minggu
dash-col-standard = Standar
dash-col-runs = Jumlah
dash-col-median = Median
dash-col-p90 = P90
dash-col-within = Dalam standar
dash-col-reminders = Pengingat
dash-col-escalations = Eskalasi
dash-col-returns = Dikembalikan

dash-letter-title = Surat
dash-state-active = berjalan
dash-state-completed = selesai
dash-timeline = Riwayat langkah
dash-dispositions = Rantai disposisi
dash-documents = Dokumen
dash-file-by = oleh { $who }, { $at }
dash-audit = Jejak audit
dash-none = —

dash-search-title = Cari surat
dash-search-words = Kata di perihal
dash-search-agenda = Nomor agenda
dash-search-unit = Unit pemohon
dash-search-from = Dari tanggal
dash-search-to = Sampai tanggal
dash-search-state = Status
dash-search-button = Cari
dash-search-none = Tidak ada surat yang cocok dan boleh Anda lihat.
dash-search-more = Hanya { $shown } surat terbaru yang ditampilkan; persempit pencarian.

dash-compliance-title = Kepatuhan standar waktu
dash-compliance-total = { $count } langkah selesai pada { $instances } permohonan, { $percent }% dalam standar waktu.
dash-compliance-none = Belum ada langkah yang selesai dalam periode dan lingkup ini.
dash-xlsx = Unduh XLSX
dash-by-unit = Per unit
dash-by-person = Per pelaksana
dash-by-week = Tren mingguan
dash-undelivered-title = Pesan tak terkirim
dash-undelivered-none = Tidak ada pesan yang gagal dikirim.
dash-undelivered-help = Pesan yang tidak dapat dikirim (ditolak platform, akun chat belum ditautkan, atau terlalu banyak percobaan). Setelah sebabnya diatasi, kirim ulang dengan perintah di kolom terakhir.
dash-undelivered-count = { $count ->
    [one] ⚠️ 1 pesan tidak dapat dikirim
   *[other] ⚠️ { $count } pesan tidak dapat dikirim
  }
dash-col-reason = Sebab
dash-col-retry = Kirim ulang
