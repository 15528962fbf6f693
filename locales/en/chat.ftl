## Chat conversations (Telegram and Slack).

chat-not-linked = Your chat account is not linked to Pandu yet. Ask an admin for an invite code, then send: /start CODE (in Slack: /pandu link CODE).
chat-invite-unknown = Unknown invite code. Check it or ask an admin for a new one.
chat-invite-used = This invite code has already been used. Ask an admin for a new one.
chat-invite-expired = This invite code has expired. Ask an admin for a new one.
chat-welcome = Welcome, { $name } ({ $position }, { $unit }). Your account is now linked to Pandu.
chat-help-title = Pandu walks you through the SOP step by step.
chat-help-line = { $command }{ $args } — { $text }
chat-help-tugas = your open tasks
chat-help-status = the history of a request
chat-help-ajukan = submit a new request (ULP)
chat-help-templat = the PPK list template (XLSX and CSV)
chat-help-register = the SPSE register: a unit's PPK, ULP/committee and users
chat-help-daftar = the authenticated PPK accounts (XLSX)
chat-help-wakil = name a deputy while you are away
chat-help-kanal = choose where tasks arrive (when linked on several platforms)
chat-help-bahasa = switch language (Indonesia/English)
chat-help-batal = cancel what you are filling in
chat-help-gangguan = declare the start or end of an SPSE disruption; standard-time clocks stop meanwhile (admin)
chat-help-bantuan = this help
chat-help-start = link your chat account with an invite code
chat-args-status = {" "}AGENDA-NUMBER
chat-args-ajukan = {" "}[SUBJECT]
chat-args-register = {" "}[UNIT-CODE]
chat-args-daftar = {" "}AGENDA-NUMBER
chat-args-wakil = {" "}[PERSON-ID DAYS | batal | tolak PERSON-ID]
chat-args-kanal = {" "}PLATFORM
chat-args-gangguan = {" "}mulai NOTE | selesai
chat-args-start = {" "}CODE
chat-unknown-command = Unknown command { $command }. Type { $help } for the list of commands.
chat-no-tasks = You have no open tasks right now. 👍
chat-task-list = You have { $count } open { $count ->
    [one] task
   *[other] tasks
  }{ $overdue ->
    [0] .
   *[other] , { $overdue } past the due time.
  }
chat-status-usage = Give the agenda number, for example: /status 001/ND-M/PUSDATINKOMTEL/XI/2026
chat-status-not-found = No request with agenda number { $agenda } was found, or you take no part in it.
chat-language-set = Language switched to English.
chat-request-not-allowed = Only a work unit's procurement unit (ULP) can submit a request.
chat-request-ask-subject = Write the subject of your request (for example: Use of SPSE for the 2027 procurement).
chat-request-ask-file = Now send the memo (nota dinas) as a document (PDF or a scan).
chat-cancelled = Cancelled.
chat-button-unknown = This button is no longer valid. Type /tugas to see your tasks.
chat-button-not-yours = This button is not for you.
chat-ask-return-reason = Reply with the reason for returning it.
chat-ask-fail-reason = Reply with the reason this item failed (for example: NIP not found in SPSE).
chat-ask-file = Send the file now as a document.
chat-text-hint = Message received, but Pandu is not waiting for an answer. Type /tugas to see your tasks or /bantuan.
chat-file-too-big = The file is too large ({ $size } MB). The upload limit is { $max } MB.
chat-file-no-task = None of your tasks is waiting for a file.
chat-file-which-task = Several of your tasks are waiting for a file. Tap "📎 Send file" on the task you mean, then send the file.
chat-send-file-hint = 📎 Send the file ({ $accept }) as a document in this chat.
chat-action-attach = 📎 Send file
chat-next = Next ›
chat-disposition-choose-recipients = ✍️ Disposition: choose the recipient(s), then tap Next.
chat-disposition-choose-instruction = ✍️ Disposition: choose the instruction.
chat-disposition-ask-note = ✍️ Reply to this message with a note, or tap Send without a note.
chat-disposition-send = 📨 Send without a note
chat-disposition-done = ✍️ Disposition done.
chat-command-start = Start and link your account
chat-command-tugas = My open tasks
chat-command-status = History of a request (agenda number)
chat-command-ajukan = Submit a new request
chat-command-templat = PPK list template
chat-command-register = A unit's SPSE register
chat-command-daftar = Authenticated accounts (agenda number)
chat-command-wakil = Name a deputy
chat-command-bahasa = Switch language
chat-command-gangguan = SPSE disruption: start/end (admin)
chat-command-bantuan = Help

status-title = Status: { $status ->
    [completed] completed
   *[active] in progress
  }
status-run = { $number }. { $title } — { $who } · started { $started } · ended { $ended } · { $verdict ->
    [ontime] ✅ within standard
    [late] ⚠️ past the standard
    [open] ⏳ running
   *[none] no standard time
  }
status-reminder-sent = { "   " }🔔 reminder at { $at }
status-escalated = { "   " }⏫ escalated to { $to } at { $at }
chat-preferred-channel-set = Tasks will be sent to { $platform }.
chat-command-batal = Cancel what you are filling in
chat-kanal-usage = Name the platform for your tasks: { $choices }.
chat-command-kanal = Choose Telegram or Slack for tasks
chat-kanal-not-linked = Your { $platform } account is not linked yet. Link it first with an invite code.
chat-error = Sorry, something went wrong while handling your request; nothing was changed. Please try again in a moment.
chat-error-after = Sorry, something went wrong after this was recorded: { $done }. The rest was not done; check /tugas or try again.
chat-file-download-failed = The file could not be downloaded from the chat platform. Please send it again.
chat-file-too-big-to-send = ⚠️ The file { $name } ({ $size }) is too large to send on this platform. Please ask an admin.
chat-document-not-yours = This file is not from a request you take part in.
chat-document-coming = 📎 { $name } is on its way.
notice-document = 📎 { $label }: { $name } (v{ $version })
chat-berkas-usage = Give the agenda number, e.g. /berkas 001/ND-M/PUSDATINKOMTEL/XII/2026
chat-berkas-none = Request { $agenda } has no files yet.
chat-berkas-title = 📁 Files of request { $agenda } ({ $count }). Tap one to receive it:
chat-berkas-button = S{ $step } · { $name } (v{ $version })
chat-berkas-more = Showing the newest { $shown } of { $total } versions.
chat-notifikasi-usage = Choose how often you hear about your requests (now: { $current }): /notifikasi langkah (every step), /notifikasi ringkas (one status card, kept up to date), or /notifikasi selesai (only when done).
chat-notifikasi-set = { $mode ->
    [langkah] You will hear about every step.
    [selesai] You will hear only when a request is done.
   *[ringkas] You will get one status card per request, updated as it moves.
  }
chat-command-berkas = Files of a request (agenda number)
chat-help-berkas = every file of a request, every version
chat-args-berkas = {" "}AGENDA-NUMBER
chat-command-notifikasi = How you hear about your requests
chat-help-notifikasi = how often you hear about your requests (ULP)
chat-args-notifikasi = {" "}langkah | ringkas | selesai
chat-help-laporan = compliance with the standard times and open work in your scope, with a chart
chat-args-laporan = {" "}[DAYS | xlsx | mingguan mati]
chat-command-laporan = Compliance report
chat-help-cari = find a letter by subject, agenda number or requesting unit
chat-args-cari = {" "}WORDS
chat-command-cari = Find a letter
outbox-undeliverable = ⚠️ A message to { $person } ({ $personId }) could not be delivered. Reason: { $cause ->
    [unlinked] their chat account is not linked to Pandu
   *[refused] { $reason }
  }
outbox-undeliverable-where = Request { $instance }, step { $step }
outbox-undeliverable-todo-superior = Please let { $person } know directly that Pandu has a task or message for them (/tugas). The admins have been told and will send it again.
outbox-undeliverable-todo = { $cause ->
    [unlinked] Ask { $person } to link their chat account (npm run pandu -- org invite { $personId }), then send it again: npm run pandu -- outbox retry { $id }
   *[refused] Once the cause is mended, send it again: npm run pandu -- outbox retry { $id } (list: npm run pandu -- outbox list --failed)
  }
outbox-undeliverable-today = You will not be told again today about other messages to { $person } held back because their account is not linked.
outbox-undeliverable-today-admin = You will not be told again today about other messages to { $person } held back because their account is not linked. Everything held back: npm run pandu -- outbox list --failed
chat-reply-later = { $text }
chat-reply-later-buttons = (This reply was delayed by a chat platform outage; its buttons did not come along. Open /tugas to act on it.)
