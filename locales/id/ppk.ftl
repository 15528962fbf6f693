# Daftar PPK (langkah 5–7 SOP Fasilitasi Layanan Pemanfaatan SPSE): unggah, periksa, ringkasan.
# Setiap kode kesalahan di src/files/ppk/error-codes.ts memiliki satu pesan ppk-error-<kode>.
# Pesan kesalahan baris menerima { $row } dan { $column } (judul kolom sebagaimana tertulis di berkas).

## Kesalahan berkas

ppk-error-file-empty = Berkas kosong. Mohon kirim daftar PPK dalam format XLSX atau CSV.
ppk-error-file-too-large = Ukuran berkas { $sizeMb } MB melebihi batas { $limitMb } MB. Mohon hapus lembar, gambar, atau format yang tidak diperlukan, lalu kirim kembali.
ppk-error-file-type-pdf = Berkas ini berformat PDF. Daftar PPK harus dikirim dalam format XLSX atau CSV; silakan gunakan templat yang disediakan.
ppk-error-file-type-legacy-office = Berkas ini berformat Excel lama (.xls) atau dilindungi kata sandi. Mohon simpan ulang sebagai “Buku Kerja Excel (.xlsx)” tanpa kata sandi, lalu kirim kembali.
ppk-error-file-type-executable = Berkas ini adalah program, bukan lembar kerja, sehingga tidak dapat diterima.
ppk-error-file-type-zip-not-xlsx = Berkas ini adalah arsip terkompresi, tetapi bukan buku kerja Excel (.xlsx). Mohon kirim berkas XLSX atau CSV.
ppk-error-file-type-markup = Berkas ini berisi halaman web (HTML/XML), bukan lembar kerja, walaupun namanya berakhiran .xls atau .csv. Mohon buka berkas di Excel, simpan sebagai .xlsx, lalu kirim kembali.
ppk-error-file-type-binary = Isi berkas tidak dikenali sebagai XLSX maupun CSV. Mohon kirim berkas XLSX atau CSV sesuai templat.
ppk-error-file-type-not-utf8 = Berkas CSV tidak menggunakan pengodean UTF-8. Di Excel, pilih Simpan Sebagai “CSV UTF-8 (Comma delimited)”, lalu kirim kembali.
ppk-error-zip-invalid = Berkas XLSX rusak atau tidak lengkap. Mohon buka dan simpan ulang di Excel, lalu kirim kembali.
ppk-error-zip-encrypted = Berkas XLSX ini terenkripsi. Mohon hapus kata sandinya, lalu kirim kembali.
ppk-error-zip-too-many-entries = Berkas XLSX memuat { $count } bagian, melebihi batas { $limit } bagian. Demi keamanan, berkas ini ditolak.
ppk-error-zip-too-large = Isi berkas XLSX setelah diekstrak berukuran { $sizeMb } MB, melebihi batas { $limitMb } MB. Demi keamanan, berkas ini ditolak.
ppk-error-zip-compression-ratio = Bagian “{ $entry }” dalam berkas XLSX dimampatkan { $ratio } kali (batas { $limit } kali), ciri berkas berbahaya. Demi keamanan, berkas ini ditolak.
ppk-error-zip-macro = Berkas ini memuat makro (“{ $entry }”). Demi keamanan, mohon simpan sebagai “Buku Kerja Excel (.xlsx)” tanpa makro, lalu kirim kembali.
ppk-error-xlsx-invalid = Berkas XLSX tidak dapat dibaca. Mohon buka dan simpan ulang di Excel, lalu kirim kembali.
ppk-error-xlsx-no-worksheet = Berkas XLSX tidak memuat lembar kerja.
ppk-error-csv-invalid = Berkas CSV tidak dapat dibaca sejak baris { $line }, misalnya karena tanda kutip yang tidak ditutup. Mohon periksa baris tersebut.
ppk-error-sheet-empty = Lembar kerja pertama kosong. Mohon isi daftar pada lembar pertama sesuai templat.
ppk-error-too-many-rows = Daftar melebihi batas { $limit } baris data per berkas. Mohon periksa apakah ada baris yang tidak diperlukan.
ppk-error-no-data-rows = Daftar hanya berisi judul kolom tanpa data. Mohon isi sekurang-kurangnya satu baris di bawah judul kolom.
ppk-error-column-missing = Kolom “{ $column }” tidak ditemukan. Mohon tambahkan kolom tersebut sesuai templat (urutan kolom bebas).
ppk-error-column-duplicate = Kolom “{ $column }” muncul lebih dari sekali (“{ $first }” dan “{ $second }”). Mohon sisakan satu saja.

## Kesalahan pada baris

ppk-error-required = Wajib diisi.
ppk-error-too-long = Isian terlalu panjang, paling banyak { $max } karakter.
ppk-error-nip-not-digits = NIP hanya boleh berisi angka (spasi diperbolehkan).
ppk-error-nip-length = NIP harus terdiri atas 18 angka; yang tertulis { $length } angka.
ppk-error-nip-number-cell = NIP tersimpan sebagai bilangan sehingga Excel mengubah angka-angka terakhirnya. Mohon ubah format kolom NIP menjadi Teks, ketik ulang NIP, lalu kirim kembali.
ppk-error-nip-birth-date = Delapan angka pertama NIP ({ $value }) bukan tanggal lahir yang sah (format TTTTBBHH).
ppk-error-nip-birth-year = Tahun lahir pada NIP ({ $year }) berada di luar rentang { $min }–{ $max }.
ppk-error-nip-appointment-date = Angka ke-9 sampai ke-14 NIP ({ $value }) bukan tahun dan bulan pengangkatan yang sah (format TTTTBB).
ppk-error-nip-appointment-too-early = Menurut NIP, pengangkatan terjadi sebelum usia { $minAge } tahun. Mohon periksa kembali NIP.
ppk-error-nip-appointment-future = Tahun dan bulan pengangkatan pada NIP ({ $value }) lebih dari satu tahun ke depan. Mohon periksa kembali NIP.
ppk-error-nip-gender = Angka ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan); yang tertulis { $digit }.
ppk-error-nip-name-mismatch = NIP { $nip } sudah tercantum pada baris { $otherRow } dengan nama “{ $otherName }”. Satu NIP harus ditulis dengan nama yang sama.
ppk-error-email-invalid = Alamat email tidak valid.
ppk-error-phone-invalid = Nomor HP tidak valid. Gunakan format 08…, +628…, atau 628….
ppk-error-phone-not-mobile = Nomor ini bukan nomor ponsel; nomor ponsel diawali 08, +628, atau 628.
ppk-error-phone-length = Nomor HP terdiri atas { $digits } angka, sedangkan nomor ponsel Indonesia terdiri atas 10 sampai 13 angka (diawali 08).
ppk-error-role-unknown = Peran “{ $value }” tidak dikenal. Pilih salah satu: { $allowed }.
ppk-error-pagu-abbreviation = Pagu tidak boleh disingkat (misalnya “1,5 M” atau “750 jt”). Tulis nilai lengkap dalam rupiah, misalnya 1.500.000.000.
ppk-error-pagu-ambiguous = Penulisan pagu dapat dibaca lebih dari satu cara karena pemisah titik dan koma. Gunakan titik sebagai pemisah ribuan (1.500.000.000) atau tulis tanpa pemisah (1500000000).
ppk-error-pagu-cents = Pagu harus dalam rupiah penuh, tanpa sen.
ppk-error-pagu-negative = Pagu tidak boleh bernilai negatif.
ppk-error-pagu-zero = Pagu tidak boleh nol.
ppk-error-pagu-not-number = Pagu harus berupa angka, misalnya 1500000000 atau Rp 1.500.000.000.
ppk-error-pagu-too-large = Pagu melebihi batas kewajaran ({ $max }). Mohon periksa jumlah angkanya.
ppk-error-pagu-inconsistent = Paket “{ $package }” sudah tercantum pada baris { $otherRow } dengan pagu { $otherPagu }. Satu paket harus memiliki pagu yang sama pada setiap baris.
ppk-error-year-invalid = Tahun anggaran harus terdiri atas empat angka, misalnya 2025.
ppk-error-year-range = Tahun anggaran harus antara { $min } dan { $max }.
ppk-error-duplicate-row = Baris ini sama dengan baris { $firstRow } (NIP, peran, dan paket yang sama). Mohon hapus salah satunya.

## Penyajian kesalahan

ppk-errors-title = Berkas belum dapat diterima. Ditemukan { $count } kesalahan:
ppk-error-line-cell = Baris { $row }, kolom “{ $column }”: { $message }
ppk-error-line-row = Baris { $row }: { $message }
ppk-error-line-file = { $message }

## Ringkasan daftar yang valid

ppk-summary-title = Daftar PPK valid dan siap diverifikasi.
ppk-summary-rows = Jumlah baris: { $rows }
ppk-summary-people = Jumlah orang: { $people }
ppk-summary-role = • { $role }: { $count } orang
ppk-summary-packages = Jumlah paket: { $packages }
ppk-summary-total-pagu = Total pagu anggaran: { $total }
ppk-summary-fiscal-years = Tahun anggaran: { $years }
ppk-summary-ignored-columns = Kolom yang tidak dibaca: { $columns }

## Perintah pandu ppk check

ppk-cli-usage = Penggunaan: pandu ppk check <berkas> [--json]
ppk-cli-missing-file = Mohon sebutkan berkas yang akan diperiksa.
ppk-cli-too-many-files = Mohon sebutkan satu berkas saja.
ppk-cli-unknown-option = Opsi tidak dikenal: { $option }
ppk-cli-file-unreadable = Berkas { $file } tidak dapat dibaca ({ $reason }).

## Unggahan di chat (langkah 5)

# Satu baris kesalahan yang sudah diterjemahkan (teks dibuat dari pesan-pesan di atas).
ppk-line = { $text }
ppk-errors-more = … dan { $count } kesalahan lainnya. Daftar lengkapnya ada pada berkas laporan terlampir.
ppk-report-file = laporan-kesalahan-daftar-ppk.xlsx
ppk-report-sheet = Kesalahan
ppk-report-col-row = Baris
ppk-report-col-column = Kolom
ppk-report-col-message = Kesalahan
ppk-report-caption = Laporan { $count } kesalahan pada berkas { $name }. Mohon perbaiki seluruhnya, lalu kirim kembali.
ppk-upload-diff = Dibandingkan dengan daftar terverifikasi terakhir unit ini: { $added } baris baru, { $removed } baris dihapus, { $changed } baris berubah.
ppk-upload-diff-first = Unit ini belum memiliki daftar terverifikasi; seluruh baris akan diperiksa sebagai data baru.
ppk-upload-duplicates = ⚠️ { $count } orang sudah tercatat dengan peran yang sama di unit lain; rinciannya ditampilkan kepada verifikator.
ppk-template-sent = Templat daftar PPK terlampir dalam format XLSX dan CSV. Isi satu baris untuk setiap orang, peran, dan paket, lalu kirim berkasnya sebagai dokumen pada tugas langkah 5.

## Verifikasi (langkah 6)

ppk-review-file = 📎 Daftar PPK versi { $version }: { $name }, diunggah oleh { $by } pada { $at }.
ppk-diff-first = Perbandingan: unit ini belum memiliki daftar terverifikasi sebelumnya; seluruh { $rows } baris merupakan data baru.
ppk-diff-title = Perbandingan dengan daftar terverifikasi { $at } (No. agenda { $agenda }): { $added } baru, { $removed } dihapus, { $changed } berubah, { $unchanged } tetap.
ppk-diff-added = ➕ Baris { $row }: { $name } ({ $nip }) — { $role }, paket { $package }
ppk-diff-removed = ➖ { $name } ({ $nip }) — { $role }, paket { $package }
ppk-diff-changed = ✏️ Baris { $row }: { $name } ({ $nip }) — { $role }: { $changes }
ppk-diff-more = … dan { $count } baris lainnya.
ppk-duplicates-none = Tidak ada NIP yang tercatat dengan peran yang sama di unit lain.
ppk-duplicates-title = ⚠️ Tercatat juga di unit lain ({ $count }):
ppk-duplicate = • Baris { $row }: { $name } ({ $nip }) sudah tercatat sebagai { $role } di { $unit }.

## Daftar terotentikasi (langkah 7)

ppk-authenticated-file = daftar-ppk-terotentikasi-{ $unit }-{ $date }.xlsx
ppk-authenticated-sheet = Daftar Terotentikasi
ppk-authenticated-caption = Daftar akun terotentikasi (No. agenda { $agenda }): { $count } akun{ $failed ->
    [0] {""}
   *[other] ; { $failed } akun gagal diotentikasi (alasannya tercantum pada tugas)
  }.
ppk-list-usage = Penggunaan: /daftar NOMOR-AGENDA — mengirim daftar akun yang telah diotentikasi pada permohonan tersebut.
ppk-list-not-found = Permohonan dengan nomor agenda { $agenda } tidak ditemukan atau tidak dapat Anda lihat.
ppk-list-not-authenticated = Daftar PPK pada permohonan { $agenda } belum selesai diotentikasi.
ppk-list-sent = Daftar akun terotentikasi untuk permohonan { $agenda } terlampir.

## Register SPSE (Pencatatan dan Pendataan)

ppk-register-empty = Register SPSE masih kosong: belum ada daftar PPK yang selesai diotentikasi.
ppk-register-list-title = 📚 Komponen/unit kerja yang memanfaatkan SPSE ({ $count }):
ppk-register-list-item = • { $unitId } — { $unit }: { $ppk } PPK, { $ulp } ULP/Pokja, { $agency } pengguna lain
ppk-register-usage = Ketik /register KODE-UNIT untuk melihat rincian satu unit.
ppk-register-unknown = Unit “{ $unit }” belum tercatat dalam register SPSE.
ppk-register-title = 📚 Register SPSE — { $unit } ({ $unitId })
ppk-register-source = Diperbarui { $at } dari permohonan No. agenda { $agenda } ({ $count } akun).
ppk-register-group = { $group ->
    [ppk] PPK
    [ulp] ULP / Pokja Pemilihan
   *[agency] Pengguna lain (user agency)
  } ({ $count }):
ppk-register-account = • { $name } — { $role }, paket { $package } (TA { $year }) · NIP { $nip } · { $email } · { $phone }
ppk-register-more = … dan { $count } akun lainnya. Daftar lengkap: pandu register export.
ppk-register-masked = 🔒 NIP, email, dan nomor HP disamarkan: hanya pihak yang terlibat dalam permohonan unit ini dan admin yang dapat melihatnya.
ppk-register-group-name = { $group ->
    [ppk] PPK
    [ulp] ULP / Pokja Pemilihan
   *[agency] Pengguna lain (user agency)
  }

## Perintah pandu register export

ppk-register-export-usage = Penggunaan: pandu register export [--format xlsx|csv] [--out BERKAS]
ppk-register-export-unknown-option = Opsi tidak dikenal: { $option }
ppk-register-export-missing-value = Opsi { $option } memerlukan nilai.
ppk-register-export-bad-format = Format { $format } tidak dikenal. Pilih xlsx atau csv.
ppk-register-export-stdout-csv = Hanya format csv yang dapat ditulis ke layar (--out -).
ppk-register-export-failed = Berkas { $file } tidak dapat ditulis ({ $reason }).
ppk-register-export-done = Register SPSE ({ $units } unit, { $accounts } akun) ditulis ke { $file }.
ppk-register-sheet = Register SPSE
ppk-register-col-unit-id = Kode Unit
ppk-register-col-unit = Komponen/Unit Kerja
ppk-register-col-group = Kelompok
ppk-register-col-nip = NIP
ppk-register-col-name = Nama
ppk-register-col-position = Jabatan
ppk-register-col-role = Peran
ppk-register-col-email = Email
ppk-register-col-phone = Nomor HP
ppk-register-col-work-unit = Unit Kerja
ppk-register-col-package = Nama Paket
ppk-register-col-pagu = Pagu Anggaran (Rp)
ppk-register-col-year = Tahun Anggaran
ppk-register-col-decree = Nomor SK Penetapan
ppk-register-col-authenticated-at = Tanggal Otentikasi
ppk-register-col-agenda = No. Agenda Permohonan
ppk-preview-title = 📋 Isi daftar ({ $shown } dari { $rows } baris):
ppk-preview-row = { "   " }{ $row }. { $nip } · { $name } · { $role } · { $package } · { $pagu }
ppk-preview-more = { "   " }… dan { $more } baris lainnya (lihat berkasnya).
