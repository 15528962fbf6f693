## Laporan kepatuhan terhadap Mutu Baku (standar waktu), grafik, ekspor, ringkasan mingguan.

report-usage = Penggunaan: pandu report compliance [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--unit ID | --person ID] [--flow ID] [--json] [--xlsx BERKAS]
report-error-bad-date = { $option } "{ $value }" bukan tanggal YYYY-MM-DD yang sah.
report-error-date-out-of-range = { $option } { $value } di luar rentang yang masuk akal ({ $earliest } sampai { $latest }).
report-error-from-after-to = Tanggal awal { $from } jatuh setelah tanggal akhir { $to }.
report-error-period-too-long = Periode { $days } hari terlalu panjang (paling lama { $max } hari).
report-error-unknown-unit = Unit "{ $unit }" tidak ada di berkas organisasi. Unit yang dikenal: { $known }.
report-error-unknown-person = Pegawai "{ $person }" tidak ada di berkas organisasi.
report-error-unknown-flow = Alur "{ $flow }" tidak dikenal. Alur yang ada: { $known }.
report-error-unknown-option = Pilihan tidak dikenal: { $option }.
report-error-conflicting-options = Pilihan { $first } dan { $second } tidak dapat dipakai bersama.
report-error-missing-value = Pilihan { $option } memerlukan nilai.
report-xlsx-written = Tabel disimpan ke { $file }.
report-xlsx-failed = Berkas { $file } tidak dapat ditulis ({ $reason }).

report-scope-all = semua unit
report-scope-unit = { $unit } beserta unit di bawahnya
report-scope-person = { $name }
report-heading = Kepatuhan terhadap standar waktu (Mutu Baku), { $from } s.d. { $to }, { $scope }
report-summary = { $instances } permohonan · { $attempts } langkah selesai · { $share } dalam standar waktu
report-time-note = Waktu dihitung dalam jam kerja kantor (tanpa akhir pekan, hari libur, dan cuti bersama); waktu selama gangguan SPSE yang dinyatakan tidak dihitung. Setiap pengerjaan ulang setelah dikembalikan dihitung sebagai satu pelaksanaan langkah itu. Median dan persentil ke-90 seperti PERCENTILE.INC di Excel.
report-performers = Per pelaksana
report-units = Per unit
report-weeks = Tren per minggu (ISO)

report-col-number = No
report-col-step = Langkah
report-col-step-id = Id langkah
report-col-flow = Alur
report-col-standard = Standar (menit)
report-col-count = Jumlah
report-col-median = Median (menit)
report-col-p90 = P90 (menit)
report-col-timed = Bertarget
report-col-within-count = Dalam standar
report-col-within = % dalam standar
report-col-reminders = Pengingat
report-col-escalations = Eskalasi
report-col-returns = Dikembalikan
report-col-reruns = Dikerjakan ulang
report-col-paused = Gangguan (menit)
report-col-name = Nama
report-col-id = Id
report-col-week = Minggu
report-col-monday = Senin
report-col-field = Keterangan
report-col-value = Isi

report-sheet-steps = Per langkah
report-sheet-performers = Per pelaksana
report-sheet-units = Per unit
report-sheet-weeks = Per minggu
report-sheet-about = Keterangan
report-about-period = Periode
report-about-scope = Cakupan
report-about-instances = Jumlah permohonan
report-about-method = Cara menghitung

chart-share-title = Langkah yang selesai dalam standar waktu
chart-subtitle = { $from } s.d. { $to } · { $scope }
chart-share-axis = Selesai dalam standar (%)
chart-step-label = { $number }. { $title } (standar { $standard } mnt)
chart-step-label-untimed = { $number }. { $title } (tanpa standar)
chart-share-colours = Hijau: 80% atau lebih dalam standar · jingga: 50–79% · merah: di bawah 50%. Langkah tanpa standar waktu tidak ditampilkan.
chart-trend-title = Tren mingguan kepatuhan standar waktu
chart-trend-share = Dalam standar (%)
chart-trend-count = Langkah selesai
chart-no-data = Belum ada langkah yang selesai pada periode ini.

digest-title-all = 📊 Ringkasan mingguan: semua unit
digest-title-unit = 📊 Ringkasan mingguan: { $unit } beserta unit di bawahnya
digest-title-person = 📊 Ringkasan mingguan: pekerjaan { $name }
digest-open = Pekerjaan terbuka: { $open } · jatuh tempo hari ini: { $dueToday } · terlambat: { $overdue } · dieskalasi: { $escalated } · berhenti karena gangguan: { $paused }
digest-last-week = Minggu lalu ({ $from } s.d. { $to }): { $count } langkah selesai, { $percent }% dalam standar waktu, { $escalations } eskalasi, { $returns } dikembalikan.
digest-last-week-none = Minggu lalu ({ $from } s.d. { $to }): tidak ada langkah yang selesai.
digest-weakest-step = Paling jauh dari standar: langkah { $number } "{ $title }", { $percent }% dalam standar { $standard } (median { $median }).
digest-overdue-item = ⏰ { $subject }: langkah { $number } oleh { $name }, terlambat { $late }
digest-footer = Rinciannya: /laporan. Ringkasan ini dapat dimatikan dengan /laporan mingguan mati.

report-chat-usage = Penggunaan: /laporan (30 hari terakhir) · /laporan 7 (7 hari terakhir, hingga 366) · /laporan xlsx (tabel lengkap sebagai XLSX) · /laporan mingguan mati atau /laporan mingguan nyala (ringkasan mingguan).
report-chat-weekly-on = Ringkasan mingguan dinyalakan: Anda menerimanya pada jam kerja pertama setiap minggu.
report-chat-weekly-off = Ringkasan mingguan dimatikan. Nyalakan lagi dengan /laporan mingguan nyala.
report-chat-not-in-org = Anda belum tercatat dalam susunan organisasi, jadi belum ada lingkup laporan untuk Anda. Hubungi admin.
report-chat-title = 📊 Laporan { $from } s.d. { $to }: { $scope }
report-chat-none = Belum ada langkah yang selesai pada periode ini.
report-chat-total = { $count } langkah selesai pada { $instances } permohonan, { $percent }% dalam standar waktu, { $escalations } eskalasi, { $returns } dikembalikan.
report-chat-flow = — { $flow } —
report-chat-step = { $number }. { $title }: { $count }× · { $percent }% dalam standar { $standard } · median { $median }
report-chat-step-untimed = { $number }. { $title }: { $count }× · median { $median } (tanpa standar waktu)
report-chat-overdue-title = Paling terlambat sekarang:
report-chat-footer = { $chart ->
    [yes] Grafiknya terlampir.{" "}
   *[no] {""}
  }Tabel lengkap: /laporan xlsx · periode lain: /laporan 7 · ringkasan mingguan { $weekly ->
    [on] menyala (matikan: /laporan mingguan mati)
   *[off] mati (nyalakan: /laporan mingguan nyala)
  }.
report-chat-xlsx-sent = Tabel kepatuhan standar waktu { $from } s.d. { $to } terlampir (langkah, pelaksana, unit, dan minggu; satu lembar masing-masing).

search-usage = Tulis kata yang dicari, misalnya: /cari pengadaan server, /cari 001/ND-M, atau /cari Biro Umum.
search-none = Tidak ada surat yang cocok dengan "{ $query }" di antara surat yang boleh Anda lihat.
search-title = 🔎 { $count } surat cocok dengan "{ $query }"{ $more ->
    [yes] {" "}(yang terbaru; persempit kata carinya untuk melihat yang lain)
   *[no] {""}
  }:
search-item = 📄 { $agenda } · { $subject } · { $unit } · { $date } · { $state }
search-state-step = langkah { $number } "{ $title }"
search-state-active = sedang berjalan
search-state-done = selesai
search-footer = Riwayat lengkap sebuah surat: /status NOMOR-AGENDA · berkasnya: /berkas NOMOR-AGENDA
