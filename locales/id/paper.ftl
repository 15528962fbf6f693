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

## Di dalam layanan: metadata surat, dokumen yang dibuat, buku agenda, verifikasi, arsip.

chat-help-surat = metadata surat (sifat, derajat, klasifikasi, nomor dan tanggal surat, lampiran, tembusan)
chat-args-surat = {" "}[NOMOR-AGENDA] [sifat=… derajat=… klasifikasi=… nomor=… tanggal=TTTT-BB-HH lampiran=N tembusan="A; B"]
chat-command-surat = Metadata surat
chat-help-agenda = buku agenda surat masuk atau keluar (XLSX atau CSV), untuk TU dan admin
chat-args-agenda = {" "}[masuk | keluar] [TAHUN] [csv]
chat-command-agenda = Buku agenda
chat-help-arsip = arsip lengkap suatu surat (ZIP dengan manifest, berkas, dokumen, jejak audit, ringkasan)
chat-args-arsip = {" "}NOMOR-AGENDA
chat-command-arsip = Arsip surat

paper-button-sifat = Sifat: { $label }
paper-button-derajat = Derajat: { $label }
paper-letter-ask-requester = 📨 Permohonan “{ $subject }” diterima. Pilih sifat dan derajat suratnya (bawaan: Biasa). Nomor dan tanggal surat, lampiran, dan tembusan: ketik /surat nomor=… tanggal=TTTT-BB-HH lampiran=N tembusan="…".
paper-letter-ask-tu = 🗂 Periksa metadata surat “{ $subject }” sebelum memberi nomor agenda; koreksi dengan tombol atau /surat (misalnya /surat klasifikasi=027.1).
paper-letter-summary = Sifat: { $sifat } · Derajat: { $derajat } · Klasifikasi: { $klasifikasi } · Nomor surat: { $number } · Tanggal surat: { $date } · Lampiran: { $lampiran } · Tembusan: { $tembusan }
paper-letter-saved = ✔ Metadata surat “{ $subject }” disimpan.
paper-letter-current = Metadata surat “{ $subject }”:
paper-letter-closed = ⛔ Metadata surat ini tidak dapat Anda ubah lagi: surat sudah diberi nomor agenda. Hubungi TU atau admin.
paper-letter-none = Tidak ada surat yang metadatanya dapat Anda lihat atau ubah. Sebutkan nomor agendanya: /surat NOMOR-AGENDA.
paper-letter-usage = Penulisan /surat tidak dikenali (kolom tidak dikenal: { $unknown }). Contoh: /surat sifat=rahasia derajat=segera nomor=027/1184/BU tanggal=2026-11-20 lampiran=1 tembusan="Sekretaris Jenderal; Sari Handayani"
paper-lembar-caption = 📝 Lembar disposisi { $agenda } (versi { $version }). Kode verifikasi: { $code }
paper-nota-dinas-draft-caption = 📝 Konsep nota dinas (versi { $version }) untuk persetujuan Anda: PDF untuk dibaca, DOCX untuk diedit.
paper-nota-dinas-final-caption = 📨 Nota dinas { $number }, sudah bernomor dan diarsipkan. Kode verifikasi: { $code }
paper-agenda-not-allowed = ⛔ Buku agenda hanya untuk Tata Usaha dan admin.
paper-agenda-chat-usage = Tulis: /agenda [masuk | keluar] [TAHUN] [csv], misalnya /agenda keluar 2026.
paper-agenda-sent = Buku agenda { $book ->
    [incoming] surat masuk
   *[outgoing] surat keluar
} { $year }: { $rows } surat.
paper-agenda-usage = Penggunaan: pandu agenda export --book incoming|outgoing --year TTTT [--format xlsx|csv] [--out BERKAS]
paper-agenda-written = ✔ { $file }: { $rows } surat.
paper-archive-chat-usage = Tulis: /arsip NOMOR-AGENDA, misalnya /arsip 001/ND-M/PUSDATINKOMTEL/XI/2026.
paper-archive-not-found = Tidak ada surat dengan nomor agenda { $agenda } yang dapat Anda akses.
paper-archive-sent = 🗄 Arsip { $agenda }: { $entries } entri (manifest.json di dalamnya).
paper-archive-usage = Penggunaan: pandu archive export NOMOR-AGENDA [--out BERKAS]
paper-archive-unknown = ✖ Tidak ada surat dengan nomor agenda { $agenda }.
paper-archive-written = ✔ { $file }: { $entries } entri.
paper-kind-lembar-disposisi = Lembar disposisi
paper-kind-nota-dinas = Nota dinas
paper-kind-archive-summary = Ringkasan arsip
paper-verify-title = Verifikasi dokumen Pandu
paper-verify-kind = Jenis dokumen
paper-verify-agenda = Nomor agenda
paper-verify-version = Versi
paper-verify-generated = Dibuat (UTC)
paper-verify-status = Status
paper-verify-current = versi terkini
paper-verify-superseded = sudah digantikan oleh versi yang lebih baru
paper-verify-note = Halaman ini memastikan bahwa berkas dengan SHA-256 di atas dibuat oleh Pandu dan tidak berubah sejak itu. Ini pemeriksaan keutuhan, bukan tanda tangan elektronik tersertifikasi (BSrE).
paper-verify-usage = Penggunaan: pandu verify BERKAS.pdf
paper-verify-not-pdf = ✖ { $file } bukan berkas PDF.
paper-verify-no-mark = ✖ { $file } tidak membawa tanda verifikasi Pandu.
paper-verify-unknown = ✖ { $file }: kode verifikasi { $id } tidak dikenal.
paper-verify-changed = ✖ { $file } TIDAK sama dengan { $kind } { $agenda } versi { $version } yang tersimpan: SHA-256 tersimpan { $sha }, berkas ini { $actual }.
paper-verify-ok = ✔ { $file } sama dengan { $kind } { $agenda } versi { $version } (versi terkini), SHA-256 { $sha }.
paper-verify-ok-superseded = ⚠ { $file } sama dengan { $kind } { $agenda } versi { $version }, tetapi versi ini sudah digantikan; SHA-256 { $sha }.
# Teks pratinjau notifikasi untuk surat rahasia (dipakai lapisan chat, tanpa isi pesan).
chat-confidential-preview = 🔒 Surat rahasia: buka Pandu untuk membacanya.
paper-badge-derajat = ⚡ { $label }
paper-badge-sifat = 🔒 { $label }
paper-badge-both = { $first } · { $second }
paper-tembusan-incoming = 📋 Tembusan: surat masuk { $agenda } — { $subject }. Untuk diketahui; Anda tidak perlu menindaklanjutinya.
paper-tembusan-outgoing = 📋 Tembusan: nota dinas { $agenda } — { $subject }. Untuk diketahui.
paper-confidential-subject = Surat rahasia
chat-confidential-subject = Surat rahasia
