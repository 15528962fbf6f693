# Metadata surat menurut Tata Naskah Dinas (sifat, derajat, klasifikasi arsip, nomor dan tanggal surat,
# lampiran, tembusan): penolakan atas nilai di luar daftar, selalu dengan nilai yang diperbolehkan.

paper-refusal-sifat = Sifat surat “{ $value }” tidak dikenal. Pilih salah satu: { $allowed }.
paper-refusal-derajat = Derajat surat “{ $value }” tidak dikenal. Pilih salah satu: { $allowed }.
paper-refusal-klasifikasi-missing = Kode klasifikasi arsip wajib diisi sebelum surat diberi nomor agenda. Contoh kode: { $allowed }{ $more ->
    [0] {""}
   *[other] {" "}(dan { $more } kode lain)
}.
paper-refusal-klasifikasi-unknown = Kode klasifikasi arsip “{ $value }” tidak ada dalam daftar. Kode yang tersedia: { $allowed }{ $more ->
    [0] {""}
   *[other] {" "}(dan { $more } kode lain)
}.
paper-refusal-sender-number-missing = Nomor surat dari pengirim wajib diisi.
paper-refusal-sender-number-too-long = Nomor surat terlalu panjang, paling banyak { $max } karakter.
paper-refusal-sender-date-missing = Tanggal surat dari pengirim wajib diisi (format TTTT-BB-HH, misalnya 2026-11-23).
paper-refusal-sender-date-invalid = Tanggal surat “{ $value }” bukan tanggal yang sah. Tulis dengan format TTTT-BB-HH, misalnya 2026-11-23.
paper-refusal-sender-date-future = Tanggal surat { $value } jatuh setelah hari ini ({ $today }). Mohon periksa kembali.
paper-refusal-lampiran = Jumlah lampiran “{ $value }” tidak sah. Tulis bilangan bulat dari 0 sampai { $max }.
paper-refusal-tembusan-too-many = Tembusan berisi { $count } penerima, melebihi batas { $max }.
paper-refusal-tembusan-empty = Penerima tembusan ke-{ $position } kosong. Tulis nama orang atau unit kerja.
paper-refusal-tembusan-too-long = Nama penerima tembusan ke-{ $position } terlalu panjang, paling banyak { $max } karakter.
paper-refusal-tembusan-duplicate = { $name } tercantum lebih dari sekali dalam tembusan.
