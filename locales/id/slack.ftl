## Slack: perintah /pandu, formulir (modal), dan halaman Beranda (App Home).

slack-error = ⚠️ Mohon maaf, permintaan Anda belum dapat diproses karena gangguan sistem. Silakan coba beberapa saat lagi.
slack-file-failed = ⚠️ Berkas { $name } tidak dapat diambil dari Slack. Silakan kirim ulang berkasnya.
slack-disposition-unavailable = Tidak ada penerima disposisi yang dapat dipilih untuk tugas ini. Mohon hubungi admin.

slack-modal-submit = Kirim
slack-modal-cancel = Batal
slack-disposition-title = Disposisi
slack-disposition-recipients = Penerima disposisi
slack-disposition-recipients-placeholder = Pilih satu atau lebih penerima
slack-disposition-instruction = Arahan
slack-disposition-note = Catatan
slack-disposition-note-placeholder = Catatan untuk penerima (tidak wajib)
slack-return-title = Kembalikan tugas
slack-return-reason = Alasan pengembalian
slack-return-reason-placeholder = Jelaskan apa yang perlu diperbaiki

slack-home-title = Pandu — pendamping SOP Anda
slack-home-not-linked = Akun Slack Anda belum terhubung dengan Pandu. Mintalah kode undangan kepada admin, lalu ketik `/pandu link KODE`.
slack-home-tasks-title = Tugas terbuka ({ $count })
slack-home-task = { $overdue ->
    [yes] 🔴 *Melewati batas waktu*
   *[no] ⏳ Berjalan
  } · *{ $step }*
    No. agenda { $agenda } · { $subject }
    Batas waktu { $due }
slack-home-task-no-due = 📄 *{ $step }*
    No. agenda { $agenda } · { $subject }
slack-home-tasks-hint = Ketik `/pandu tugas` untuk menerima tugas beserta tombolnya di pesan langsung.
slack-home-actions-title = Tindakan terakhir Anda
slack-home-no-actions = Belum ada tindakan yang tercatat.
slack-home-action = { $at } · { $type ->
    [instance-started] mengajukan permohonan
    [agenda-registered] mencatat nomor agenda
    [dispositioned] memberi disposisi
    [file-attached] melampirkan berkas
    [approved] menyetujui
    [returned] mengembalikan
    [step-completed] menyelesaikan langkah
   *[other] { $type }
  } · { $step } · { $subject }
slack-home-unit-title = Permohonan di unit Anda ({ $unit })
slack-home-no-instances = Belum ada permohonan di unit Anda.
slack-home-instance = { $status ->
    [completed] ✅ Selesai
   *[active] ⏳ { $step }
  } · No. agenda { $agenda } · { $subject }
slack-fail-title = Akun gagal diotentikasi
slack-fail-reason = Alasan kegagalan
slack-fail-reason-placeholder = Jelaskan mengapa akun ini tidak dapat diotentikasi
