## Standar waktu (Mutu Baku): pengingat, eskalasi, gangguan, pelaksana harian.

notice-reminder = 🔔 Pengingat: "{ $step }" harus selesai pukul { $due }.
notice-escalation = ⏫ Eskalasi tingkat { $level }: { $performer } terlambat { $late } dari batas waktu { $due }. Mohon tindak lanjut: ingatkan, alihkan, atau ambil alih.
notice-escalated-to-superior = ⏫ Tugas "{ $step }" melewati standar waktu dan telah dieskalasi kepada { $to }.
notice-nudge = 🔔 { $by } mengingatkan Anda untuk segera menyelesaikan "{ $step }".
action-nudge = 🔔 Ingatkan
action-reassign = 🔀 Alihkan
action-take-over = 🙋 Ambil alih
reply-reminded = Pengingat dikirim.
reply-escalated = Dieskalasi kepada { $to }.
reply-nudged = { $name } sudah diingatkan.
reply-paused = Jam standar waktu dihentikan.
reply-resumed = Jam standar waktu berjalan kembali.

refusal-system-only = Tindakan ini hanya dapat dilakukan oleh sistem atau admin.
refusal-not-due-yet = Belum waktunya: batas waktu belum terlewati.
refusal-already-reminded = Pengingat untuk langkah ini sudah dikirim.
refusal-already-escalated = Langkah ini sudah dieskalasi pada tingkat ini.
refusal-reminder-after-escalation = Pengingat tidak dikirim: langkah ini sudah dieskalasi kepada atasan.
refusal-no-superior = Tidak ada atasan lagi di atas pelaksana untuk eskalasi.
refusal-clock-paused = Jam standar waktu sedang berhenti karena gangguan.
refusal-clock-running = Jam standar waktu tidak sedang berhenti.
refusal-no-standard-time = Langkah ini tidak memiliki standar waktu.

## Tombol eskalasi: alihkan kepada pegawai lain.
esc-reassign-choose = 🔀 Alihkan "{ $step }" dari { $name } kepada:
esc-reassign-none = Tidak ada pegawai lain dengan jabatan { $position } yang dapat menerima tugas ini. Gunakan "Ambil alih" bila perlu.

## /wakil: pelaksana harian selama tidak di kantor.
wakil-usage = Ketik /wakil <id-pegawai> <jumlah-hari> untuk menunjuk wakil (1–{ $max } hari), atau /wakil batal untuk mengakhirinya; /wakil tolak <id-pegawai> menolak mewakili seseorang.
wakil-none = Anda tidak sedang menunjuk wakil.
wakil-current = Wakil Anda: { $name }, sampai { $until }.
wakil-standing-in = Anda sedang mewakili: { $names }.
wakil-set = ✅ { $name } menjadi wakil Anda selama { $days } hari, sampai { $until }. Tugas dan eskalasi baru untuk Anda dikirim kepadanya.
wakil-ended = ✅ Penunjukan wakil diakhiri. Tugas baru kembali dikirim kepada Anda.
wakil-bad-days = Jumlah hari harus bilangan bulat dari 1 sampai { $max }.
wakil-unknown-person = Pegawai dengan id "{ $id }" tidak dikenal.
wakil-self = Anda tidak dapat menunjuk diri sendiri sebagai wakil.
wakil-admins-only = ⛔ Hanya admin yang dapat menunjuk atau mengakhiri wakil untuk orang lain.
wakil-external = { $name } adalah pemohon dari luar dan tidak dapat menjadi pelaksana harian.
wakil-not-allowed = { $name } tidak dapat menjadi wakil: wakil harus pemegang jabatan { $position } di unit yang sama, atau disebut untuk Anda dalam berkas organisasi.
wakil-cycle = { $name } (atau wakilnya) sedang mewakili Anda: penunjukan ini akan membuat lingkaran.
wakil-set-for = ✅ { $name } menjadi wakil { $person } selama { $days } hari, sampai { $until }.
wakil-told = 📋 Anda ditunjuk sebagai pelaksana harian (Plh) untuk { $name } sampai { $until }. Tugas dan eskalasi baru untuknya dikirim kepada Anda. Ketik /wakil tolak { $id } bila Anda tidak dapat.
wakil-set-by-admin = 📋 Admin { $admin } menunjuk { $name } sebagai wakil Anda sampai { $until }.
wakil-declined = ✅ Anda menolak mewakili { $name }. Tugas barunya kembali dikirim kepadanya.
wakil-declined-notice = ⚠️ { $name } menolak menjadi wakil Anda. Tugas baru kembali dikirim kepada Anda; tunjuk wakil lain dengan /wakil.
wakil-nothing-to-decline = Anda tidak sedang mewakili { $name }.

## /gangguan dan `pandu disruption`: gangguan infrastruktur SPSE (peringatan ke-4 SOP).
disruption-usage = Ketik /gangguan mulai <catatan> bila infrastruktur SPSE terganggu, dan /gangguan selesai bila sudah pulih.
disruption-admins-only = ⛔ Hanya admin yang dapat mencatat gangguan.
disruption-status-on = ⚠️ Gangguan SPSE tercatat sejak { $since } oleh { $by }: { $note }. Jam standar waktu berhenti.
disruption-status-off = Tidak ada gangguan SPSE yang tercatat. Jam standar waktu berjalan.
disruption-started = ⚠️ Gangguan SPSE dicatat sejak { $since }: { $note }. Jam standar waktu { $count } langkah yang terbuka dihentikan; langkah baru dimulai dengan jam berhenti.
disruption-ended = ✅ Gangguan SPSE selesai. Jam standar waktu { $count } langkah berjalan kembali; batas waktunya digeser { $paused }.
disruption-already = Gangguan SPSE sudah tercatat sejak { $since } oleh { $by }: { $note }.
disruption-not-on = Tidak ada gangguan SPSE yang sedang tercatat.
