## Kalender kantor: hari libur nasional dan cuti bersama, satu berkas per tahun.

calendar-warning-current-year-missing = ⚠️ Berkas kalender kantor { $year } belum ada. Batas waktu tahun ini dihitung dengan hari libur SEMENTARA dari aturan pustaka: hari raya yang mengikuti kalender bulan hanya perkiraan dan cuti bersama tidak ada. Tambahkan berkas kalender { $year } sesuai SKB.
calendar-warning-next-year-missing = ⚠️ Berkas kalender kantor { $year } belum ada. Mulai 1 Januari { $year } batas waktu dihitung dengan hari libur SEMENTARA dari aturan pustaka (hari raya berdasarkan kalender bulan hanya perkiraan, tanpa cuti bersama) sampai berkas { $year } sesuai SKB ditambahkan.
calendar-warning-current-year-provisional = ⚠️ Kalender kantor { $year } ({ $file }) masih SEMENTARA: tanggalnya belum diperiksa dengan SKB. Periksa setiap tanggal dan cuti bersama, lalu hapus baris "provisional: true".
calendar-warning-next-year-provisional = ⚠️ Kalender kantor { $year } ({ $file }) masih SEMENTARA: tanggalnya belum diperiksa dengan SKB. Periksa setiap tanggal dan cuti bersama sebelum 1 Januari { $year }, lalu hapus baris "provisional: true".
calendar-warning-library-gaps = ⚠️ Aturan pustaka tidak memuat hari libur berikut untuk { $year }: { $holidays }. Hari-hari itu dihitung sebagai hari kerja sampai berkas kalender { $year } ditambahkan.

## Pengingat mingguan untuk admin.
calendar-reminder-title = 📅 Kalender kantor perlu diperbarui (pengingat mingguan untuk admin):
calendar-reminder-howto = Untuk tahun tanpa berkas, jalankan "npm run pandu -- calendar new TAHUN". Periksa setiap tanggal dengan SKB 3 Menteri, tambahkan cuti bersama, hapus baris "provisional: true", periksa dengan "npm run pandu -- calendar check", lalu mulai ulang layanan. Pengingat ini dikirim sekali seminggu sampai kalendernya lengkap.

## pandu calendar check / calendar new
calendar-check-ok = ✔ Kalender kantor valid: { $count } berkas.
calendar-check-failed = ✖ Kalender kantor tidak valid (layanan tidak akan mulai):
calendar-check-year-file = 📅 { $year }: { $file }
calendar-check-year-provisional-file = 📅 { $year }: { $file } — SEMENTARA (provisional: true): periksa setiap tanggal dengan SKB
calendar-check-year-library = 📅 { $year }: tanpa berkas — SEMENTARA dari aturan pustaka (hari raya berdasarkan kalender bulan hanya perkiraan, tanpa cuti bersama)
calendar-check-holidays = Libur nasional ({ $count }):
calendar-check-cuti-bersama = Cuti bersama ({ $count }):
calendar-check-none = (tidak ada)
calendar-check-estimated = perkiraan
calendar-check-not-workday = bukan hari kerja
calendar-check-missing = Tidak ada di aturan pustaka: { $holidays }
calendar-check-notices = Catatan (diizinkan):
calendar-check-warnings = Peringatan:
calendar-check-provisional-years = Tahun SEMENTARA: { $years }
calendar-check-no-provisional-years = Tidak ada tahun sementara.
calendar-new-written = ✔ { $file } ditulis: { $count } hari libur { $year } dari aturan pustaka, SEMENTARA. Periksa setiap tanggal dengan SKB, tambahkan cuti bersama, lalu hapus baris "provisional: true".
calendar-new-exists = ✖ { $file } sudah ada dan tidak ditimpa.
calendar-new-year-taken = ✖ Tahun { $year } sudah punya berkas kalender: { $file }.
calendar-new-bad-year = ✖ Tahun harus angka 1970–9999, bukan "{ $year }".
