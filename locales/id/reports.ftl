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
