# Letter metadata under Tata Naskah Dinas (sifat, derajat, archive classification, the sender's number
# and date, lampiran, tembusan): refusals of values outside their lists, always with the allowed values.

paper-refusal-sifat = “{ $value }” is not a known sifat (security grading). Choose one of: { $allowed }.
paper-refusal-derajat = “{ $value }” is not a known derajat (urgency). Choose one of: { $allowed }.
paper-refusal-klasifikasi-missing = An archive classification code is required before the letter gets its agenda number. Example codes: { $allowed }{ $more ->
    [0] {""}
   *[other] {" "}(and { $more } more)
}.
paper-refusal-klasifikasi-unknown = The archive classification code “{ $value }” is not in the list. Available codes: { $allowed }{ $more ->
    [0] {""}
   *[other] {" "}(and { $more } more)
}.
paper-refusal-sender-number-missing = The sender's letter number is required.
paper-refusal-sender-number-too-long = The letter number is too long: at most { $max } characters.
paper-refusal-sender-date-missing = The date on the sender's letter is required (as YYYY-MM-DD, e.g. 2026-11-23).
paper-refusal-sender-date-invalid = “{ $value }” is not a valid date. Write it as YYYY-MM-DD, e.g. 2026-11-23.
paper-refusal-sender-date-future = The letter date { $value } is after today ({ $today }). Please check it.
paper-refusal-lampiran = “{ $value }” is not a valid number of attachments. Write a whole number from 0 to { $max }.
paper-refusal-tembusan-too-many = The copy list (tembusan) has { $count } recipients, more than the limit of { $max }.
paper-refusal-tembusan-empty = Copy recipient { $position } is empty. Write the name of a person or a unit.
paper-refusal-tembusan-too-long = The name of copy recipient { $position } is too long: at most { $max } characters.
paper-refusal-tembusan-duplicate = { $name } is listed more than once among the copies.

## In the service: letter metadata, generated documents, agenda books, verification, archives.

chat-help-surat = the letter's metadata (sifat, derajat, klasifikasi, the letter's number and date, attachments, copies)
chat-args-surat = {" "}[AGENDA-NUMBER] [sifat=… derajat=… klasifikasi=… nomor=… tanggal=YYYY-MM-DD lampiran=N tembusan="A; B"]
chat-command-surat = Letter metadata
chat-help-agenda = the incoming or outgoing letters register (XLSX or CSV), for TU and admins
chat-args-agenda = {" "}[masuk | keluar] [YEAR] [csv]
chat-command-agenda = Letters register
chat-help-arsip = a letter's complete archive (ZIP with manifest, files, documents, audit trail, summary)
chat-args-arsip = {" "}AGENDA-NUMBER
chat-command-arsip = Letter archive

paper-button-sifat = Grading: { $label }
paper-button-derajat = Urgency: { $label }
paper-letter-ask-requester = 📨 Request “{ $subject }” received. Choose the letter's grading (sifat) and urgency (derajat); the default is ordinary. The letter's number and date, attachments and copies: type /surat nomor=… tanggal=YYYY-MM-DD lampiran=N tembusan="…".
paper-letter-ask-tu = 🗂 Check the metadata of “{ $subject }” before numbering it; correct it with the buttons or /surat (e.g. /surat klasifikasi=027.1).
paper-letter-summary = Grading: { $sifat } · Urgency: { $derajat } · Klasifikasi: { $klasifikasi } · Letter number: { $number } · Letter date: { $date } · Attachments: { $lampiran } · Copies: { $tembusan }
paper-letter-saved = ✔ The metadata of “{ $subject }” is saved.
paper-letter-current = The metadata of “{ $subject }”:
paper-letter-closed = ⛔ You can no longer change this letter's metadata: it has its agenda number. Ask TU or an admin.
paper-letter-none = There is no letter whose metadata you can see or change. Give its agenda number: /surat AGENDA-NUMBER.
paper-letter-usage = /surat not understood (unknown fields: { $unknown }). Example: /surat sifat=rahasia derajat=segera nomor=027/1184/BU tanggal=2026-11-20 lampiran=1 tembusan="Sekretaris Jenderal; Sari Handayani"
paper-lembar-caption = 📝 Disposition sheet { $agenda } (version { $version }). Verification code: { $code }
paper-nota-dinas-draft-caption = 📝 Draft memo (version { $version }) for your approval: the PDF to read, the DOCX to edit.
paper-nota-dinas-final-caption = 📨 Memo { $number }, numbered and filed. Verification code: { $code }
paper-agenda-not-allowed = ⛔ The letters register is for the administration office (TU) and admins only.
paper-agenda-chat-usage = Type: /agenda [masuk | keluar] [YEAR] [csv], e.g. /agenda keluar 2026.
paper-agenda-sent = { $book ->
    [incoming] Incoming
   *[outgoing] Outgoing
} letters register { $year }: { $rows } letters.
paper-agenda-usage = Usage: pandu agenda export --book incoming|outgoing --year YYYY [--format xlsx|csv] [--out FILE]
paper-agenda-written = ✔ { $file }: { $rows } letters.
paper-archive-chat-usage = Type: /arsip AGENDA-NUMBER, e.g. /arsip 001/ND-M/PUSDATINKOMTEL/XI/2026.
paper-archive-not-found = There is no letter with agenda number { $agenda } that you can access.
paper-archive-sent = 🗄 Archive of { $agenda }: { $entries } entries (manifest.json inside).
paper-archive-usage = Usage: pandu archive export AGENDA-NUMBER [--out FILE]
paper-archive-unknown = ✖ There is no letter with agenda number { $agenda }.
paper-archive-written = ✔ { $file }: { $entries } entries.
paper-kind-lembar-disposisi = Disposition sheet
paper-kind-nota-dinas = Memo (nota dinas)
paper-kind-archive-summary = Archive summary
paper-verify-title = Pandu document verification
paper-verify-kind = Document
paper-verify-agenda = Agenda number
paper-verify-version = Version
paper-verify-generated = Generated (UTC)
paper-verify-status = Status
paper-verify-current = current version
paper-verify-superseded = superseded by a newer version
paper-verify-note = This page confirms that the file with the SHA-256 above was made by Pandu and has not changed since. It is an integrity check, not a certified electronic signature (BSrE).
paper-verify-usage = Usage: pandu verify FILE.pdf
paper-verify-not-pdf = ✖ { $file } is not a PDF.
paper-verify-no-mark = ✖ { $file } carries no Pandu verification mark.
paper-verify-unknown = ✖ { $file }: verification code { $id } is unknown.
paper-verify-changed = ✖ { $file } does NOT match the stored { $kind } { $agenda } version { $version }: stored SHA-256 { $sha }, this file { $actual }.
paper-verify-ok = ✔ { $file } matches { $kind } { $agenda } version { $version } (the current version), SHA-256 { $sha }.
paper-verify-ok-superseded = ⚠ { $file } matches { $kind } { $agenda } version { $version }, but that version has been superseded; SHA-256 { $sha }.
# The notification preview of a confidential letter's messages (the chat layer's, without their content).
chat-confidential-preview = 🔒 Confidential letter: open Pandu to read it.
paper-badge-derajat = ⚡ { $label }
paper-badge-sifat = 🔒 { $label }
paper-badge-both = { $first } · { $second }
paper-tembusan-incoming = 📋 Copy (tembusan): incoming letter { $agenda } — { $subject }. For your information; nothing for you to do.
paper-tembusan-outgoing = 📋 Copy (tembusan): memo { $agenda } — { $subject }. For your information.
paper-confidential-subject = Confidential letter
chat-confidential-subject = Confidential letter
