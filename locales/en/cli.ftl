## The `pandu` admin command line.

cli-usage =
    pandu — the Pandu admin command line
    
      pandu flow check <file> [--json]            validate a flow (SOP) file
      pandu org check <file>                      validate an org file
      pandu org invite <person-id> [--days N]     issue a one-time invite code
      pandu ppk check <file> [--json]             validate a PPK list as an upload would
      pandu calendar check [DIR] [--json]         validate the office calendar, list each year's days off
      pandu calendar new YYYY [--out FILE]        write a provisional calendar file for a year (check it!)
      pandu outbox list [--failed] | retry <id>   messages held back or given up on; send one again
      pandu disruption start|end|status [--note T] declare or end an SPSE disruption, or show it
      pandu register export [--format xlsx|csv] [--out FILE]   write the SPSE register
      pandu report compliance [--from …] [--to …] [--unit ID] [--flow ID] [--json]   compliance with the Mutu Baku
    
    Options for every command: --lang id|en (the output's language), --help (about a command).
    Commands that use data use MONGODB_URI, or the embedded database of a running `npm start`.
cli-help-flow =
    pandu flow check <file> [--json]
      Validates a flow file as the service does at start; errors name the file, the step and the field.
      --json  print the normalised flow as the last line
cli-help-org =
    pandu org check <file>
      Validates an org file: units, positions, superiors, chat accounts.
    pandu org invite <person-id> [--days N]
      Issues a one-time invite code (valid N days, 1–90; default INVITE_TTL_DAYS). Last line: the code.
cli-help-ppk =
    pandu ppk check <file> [--json]
      Validates a PPK list (XLSX/CSV) exactly as a chat upload would: 0 valid, 1 with errors.
cli-help-calendar =
    pandu calendar check [DIR] [--json]
      Validates the calendar files (one per year) and lists the holidays and cuti bersama with their weekdays.
    pandu calendar new YYYY [--out FILE]
      Writes a year's calendar file from the holiday library's rules; check every date against the SKB.
cli-help-outbox =
    pandu outbox list [--failed]   the messages not delivered yet (pending) or given up on (failed), newest first
    pandu outbox retry <id>        queue a failed message again (a running service sends it)
cli-outbox-none = ✔ No messages held back.
cli-outbox-line = { $id }  { $status }  to { $to }  ({ $kind }, { $instance })  attempts { $attempts }  error: { $error }
cli-outbox-bad-id = ✖ "{ $id }" is not a message id (24 hexadecimal characters as outbox list shows, or the message id a notice in chat names).
cli-outbox-not-failed = ✖ No failed message with id { $id }.
cli-outbox-retried = ✔ Message { $id } queued again.
cli-help-disruption =
    pandu disruption start [--note NOTE]   declare the start of an SPSE disruption (standard-time clocks stop)
    pandu disruption end [--note NOTE]     declare its end (the clocks run again)
    pandu disruption status                whether a disruption is declared
cli-help-register =
    pandu register export [--format xlsx|csv] [--out FILE]
      Writes the SPSE register (every unit, every authenticated account); --out - writes CSV to the screen.
cli-help-report =
    pandu report compliance [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--unit ID | --person ID] [--flow ID] [--json] [--xlsx FILE]
      Compliance with the Mutu Baku's standard times, per step, for a period.
cli-help-agenda =
    pandu agenda export --book incoming|outgoing --year YYYY [--format xlsx|csv] [--out FILE]
      Writes a year's incoming or outgoing letters register (the paper agenda book's columns).
cli-help-verify =
    pandu verify FILE.pdf
      Checks a document Pandu generated against the stored one (SHA-256, current or superseded).
cli-help-archive =
    pandu archive export AGENDA-NUMBER [--out FILE]
      Writes a letter's archive: a ZIP with manifest.json, every file of every version, the documents, the audit trail, the summary.
cli-unknown-command = ✖ Unknown command: { $command }. Type pandu --help for the list of commands.
cli-bad-lang = ✖ Unknown language "{ $lang }": use --lang id or --lang en.
cli-no-database = ✖ No database: set MONGODB_URI, or start the service first (npm start) so its embedded database listens on port { $port }.
cli-failed = ✖ Failed: { $message }
cli-flow-ok = ✔ { $file }: { $number } — { $name }
cli-flow-no-standard = no standard time
cli-flow-standard = { $minutes }
cli-org-ok = ✔ { $file }: { $units } units, { $people } people, positions { $positions }
cli-org-no-person = ✖ No person "{ $id }" in { $file }.
cli-invite-code = Invite code for { $name } ({ $position }): { $code }
cli-invite-until = Valid until { $until }, and for one use only.
cli-invite-how = Telegram: send "/start { $code }" to the bot · Slack: "/pandu link { $code }"
