## Pesan inti: tugas, hasil, pemberitahuan, dan penolakan. Bahasa Indonesia adalah bahasa pertama.

task-header = 📄 { $sop } · No. agenda { $agenda }
    Perihal: { $subject } · Unit: { $unit }
task-step = Langkah { $number }/{ $total }: { $title }
task-instruction = Yang perlu dilakukan: { $text }
task-kelengkapan-title = Kelengkapan:
task-item = { $state ->
    [done] ☑ { $label }
    [required] ☐ { $label } (wajib)
   *[open] • { $label }
  }
task-output = Output: { $label }
task-files = Berkas terlampir ({ $count }): { $names }
task-due = ⏰ Batas waktu { $due } · standar { $standard }
task-returned-reason = ↩️ Dikembalikan oleh { $by }: { $reason }
task-disposition = ✍️ Disposisi { $by }: { $instruction }{ $note }
task-checklist-progress = Kemajuan: { $done } dari { $total } butir selesai{ $failed ->
    [0] {""}
   *[other] , { $failed } gagal
  }.
task-item-failed = ✖ { $label } — gagal: { $reason }

action-register = 📒 Catat & beri nomor agenda
action-dispose = ✍️ Disposisi
action-submit = 📤 Selesai & kirim
action-approve = ✅ Setujui
action-return = ↩️ Kembalikan
action-check = { $label }
action-item-failed = ✖ { $label }
action-fail = ✖ Gagal

task-result-submitted = 📨 Diajukan oleh { $by } pukul { $at }
task-result-registered = 📒 Dicatat oleh { $by } pukul { $at } · No. agenda { $agenda }
task-result-dispositioned = ✍️ Didisposisi oleh { $by } pukul { $at }
task-result-completed = ✅ Diselesaikan oleh { $by } pukul { $at }
task-result-approved = ✅ Disetujui oleh { $by } pukul { $at }
task-result-returned = ↩️ Dikembalikan oleh { $by } pukul { $at }
task-result-reassigned = 🔀 Dialihkan oleh { $by } pukul { $at }

notice-no-performer = ⚠️ Tidak ada pegawai dengan jabatan { $position } untuk langkah "{ $step }". Mohon admin mengalihkan tugas ini.
notice-disposition-copy = ✍️ Tembusan disposisi dari { $by }: { $instruction } { $note }
notice-progress = 🔔 Langkah { $number }/{ $total } selesai: { $step } (oleh { $by }).
notice-progress-returned = ↩️ "{ $step }" dikembalikan ke "{ $to }" untuk diperbaiki.
notice-task-reassigned = 🔀 Tugas "{ $step }" dialihkan kepada { $to }.
notice-instance-completed = 🎉 Permohonan selesai diproses. Surat keluar No. { $agenda } telah diagendakan dan didistribusikan.

reply-request-started = Permohonan "{ $subject }" diterima dan diteruskan untuk dicatat.
reply-checklist-complete = Semua butir selesai. Langkah ini ditutup.
reply-item-checked = Butir ditandai selesai.
reply-item-unchecked = Tanda butir dibatalkan.
reply-item-failed = Butir ditandai gagal beserta alasannya.
reply-file-attached = Berkas { $name } dilampirkan.
reply-registered = Dicatat dengan nomor agenda { $agenda }.
reply-completed = Langkah "{ $step }" selesai.
reply-dispositioned = Disposisi dikirim kepada { $names }.
reply-approved = Disetujui.
reply-returned = Dikembalikan ke "{ $to }".
reply-reassigned = Tugas dialihkan kepada { $name }.

refusal-unknown-flow = SOP "{ $flow }" tidak dikenal.
refusal-unknown-person = Akun Anda belum terhubung dengan data pegawai.
refusal-not-requester = Hanya { $position } yang dapat mengajukan permohonan ini.
refusal-subject-required = Perihal permohonan wajib diisi.
refusal-instance-completed = Permohonan ini sudah selesai diproses.
refusal-unknown-task = Tugas ini tidak ditemukan.
refusal-already-done = { $outcome ->
    [reassigned] Tugas ini sudah dialihkan oleh { $by } pukul { $at }.
    [returned] Tugas ini sudah dikembalikan oleh { $by } pukul { $at }.
   *[other] Tugas ini sudah diselesaikan oleh { $by } pukul { $at }.
  }
refusal-not-your-task = Tugas ini bukan untuk Anda; tugas ini milik { $assignee }.
refusal-action-not-allowed = Tindakan ini tidak berlaku untuk langkah ini.
refusal-unknown-item = Butir kelengkapan tidak dikenal.
refusal-missing-items = Belum lengkap: { $items }.
refusal-reason-required = Alasan pengembalian wajib diisi.
refusal-failure-reason-required = Alasan kegagalan wajib diisi.
refusal-invalid-return-target = Langkah ini tidak dapat dikembalikan ke sana.
refusal-recipient-required = Pilih penerima disposisi.
refusal-invalid-recipient = { $name } tidak dapat menerima disposisi ini (harus { $position } di unit Anda).
refusal-invalid-instruction = Arahan disposisi tidak dikenal.
refusal-not-allowed-to-reassign = Hanya atasan atau admin yang dapat mengalihkan tugas ini.
refusal-invalid-reassign-target = Tugas hanya dapat dialihkan kepada pegawai lain dengan jabatan { $position }.
refusal-file-type-not-accepted = Jenis berkas tidak diterima. Kirim berkas: { $accept }.
refusal-agenda-number-missing = Nomor agenda belum dapat diberikan. Coba lagi.
