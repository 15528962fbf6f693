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
refusal-no-superior = Tidak ada atasan lagi di atas pelaksana untuk eskalasi.
refusal-clock-paused = Jam standar waktu sedang berhenti karena gangguan.
refusal-clock-running = Jam standar waktu tidak sedang berhenti.
refusal-no-standard-time = Langkah ini tidak memiliki standar waktu.
