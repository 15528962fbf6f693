## Compliance with the Mutu Baku (standard times), charts, exports, the weekly digest.

report-usage = Usage: pandu report compliance [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--unit ID | --person ID] [--flow ID] [--json] [--xlsx FILE]
report-error-bad-date = { $option } "{ $value }" is not a valid date YYYY-MM-DD.
report-error-date-out-of-range = { $option } { $value } is outside the sane range ({ $earliest } to { $latest }).
report-error-from-after-to = The start date { $from } is after the end date { $to }.
report-error-period-too-long = A period of { $days } days is too long (at most { $max } days).
report-error-unknown-unit = Unit "{ $unit }" is not in the org file. Known units: { $known }.
report-error-unknown-person = Person "{ $person }" is not in the org file.
report-error-unknown-flow = Unknown flow "{ $flow }". Flows: { $known }.
report-error-unknown-option = Unknown option: { $option }.
report-error-conflicting-options = Options { $first } and { $second } cannot be used together.
report-error-missing-value = Option { $option } needs a value.
report-xlsx-written = Tables saved to { $file }.
report-xlsx-failed = Could not write { $file } ({ $reason }).

report-scope-all = all units
report-scope-unit = { $unit } and the units under it
report-scope-person = { $name }
report-heading = Compliance with the standard times (Mutu Baku), { $from } to { $to }, { $scope }
report-summary = { $instances } requests · { $attempts } steps finished · { $share } within the standard time
report-time-note = Times are office hours (no weekends, public holidays or collective leave); time under a declared SPSE disruption is not counted. Each rerun after a return counts as one run of that step. Median and 90th percentile as Excel's PERCENTILE.INC.
report-performers = By performer
report-units = By unit
report-weeks = Trend by (ISO) week

report-col-number = No
report-col-step = Step
report-col-step-id = Step id
report-col-flow = Flow
report-col-standard = Standard (min)
report-col-count = Count
report-col-median = Median (min)
report-col-p90 = P90 (min)
report-col-timed = With a standard
report-col-within-count = Within standard
report-col-within = % within standard
report-col-reminders = Reminders
report-col-escalations = Escalations
report-col-returns = Returned
report-col-reruns = Reruns
report-col-paused = Disruption (min)
report-col-name = Name
report-col-id = Id
report-col-week = Week
report-col-monday = Monday
report-col-field = Item
report-col-value = Value

report-sheet-steps = By step
report-sheet-performers = By performer
report-sheet-units = By unit
report-sheet-weeks = By week
report-sheet-about = About
report-about-period = Period
report-about-scope = Scope
report-about-instances = Requests
report-about-method = How it is counted

chart-share-title = Steps finished within the standard time
chart-subtitle = { $from } to { $to } · { $scope }
chart-share-axis = Finished within standard (%)
chart-step-label = { $number }. { $title } (standard { $standard } min)
chart-step-label-untimed = { $number }. { $title } (no standard)
chart-share-colours = Green: 80% or more within the standard · amber: 50–79% · red: below 50%. Steps without a standard time are not shown.
chart-trend-title = Weekly trend of compliance with the standard times
chart-trend-share = Within standard (%)
chart-trend-count = Steps finished
chart-no-data = No step was finished in this period.

digest-title-all = 📊 Weekly digest: all units
digest-title-unit = 📊 Weekly digest: { $unit } and the units under it
digest-title-person = 📊 Weekly digest: work of { $name }
digest-open = Open work: { $open } · due today: { $dueToday } · overdue: { $overdue } · escalated: { $escalated } · stopped by a disruption: { $paused }
digest-last-week = Last week ({ $from } to { $to }): { $count } steps finished, { $percent }% within the standard time, { $escalations } escalations, { $returns } returned.
digest-last-week-none = Last week ({ $from } to { $to }): no step was finished.
digest-weakest-step = Furthest from its standard: step { $number } "{ $title }", { $percent }% within { $standard } (median { $median }).
digest-overdue-item = ⏰ { $subject }: step { $number } by { $name }, late by { $late }
digest-footer = Details: /laporan. This digest can be turned off with /laporan mingguan mati.

report-chat-usage = Usage: /laporan (the last 30 days) · /laporan 7 (the last 7 days, up to 366) · /laporan xlsx (the full tables as XLSX) · /laporan mingguan mati or /laporan mingguan nyala (the weekly digest off or on).
report-chat-weekly-on = Weekly digest on: you get it at the first office hour of every week.
report-chat-weekly-off = Weekly digest off. Turn it on again with /laporan mingguan nyala.
report-chat-not-in-org = You are not in the organisation file yet, so there is no report scope for you. Ask an admin.
report-chat-title = 📊 Report { $from } to { $to }: { $scope }
report-chat-none = No step was finished in this period.
report-chat-total = { $count } steps finished in { $instances } requests, { $percent }% within the standard time, { $escalations } escalations, { $returns } returned.
report-chat-flow = — { $flow } —
report-chat-step = { $number }. { $title }: { $count }× · { $percent }% within { $standard } · median { $median }
report-chat-step-untimed = { $number }. { $title }: { $count }× · median { $median } (no standard time)
report-chat-overdue-title = Most overdue now:
report-chat-footer = { $chart ->
    [yes] The chart is attached.{" "}
   *[no] {""}
  }Full tables: /laporan xlsx · another period: /laporan 7 · weekly digest { $weekly ->
    [on] on (turn off: /laporan mingguan mati)
   *[off] off (turn on: /laporan mingguan nyala)
  }.
report-chat-xlsx-sent = The tables of compliance with the standard times, { $from } to { $to }, are attached (steps, performers, units and weeks; one sheet each).

search-usage = Write the words to look for, for example: /cari server procurement, /cari 001/ND-M, or /cari Biro Umum.
search-none = No letter you may see matches "{ $query }".
search-title = 🔎 { $count } letters match "{ $query }"{ $more ->
    [yes] {" "}(the newest; narrow the words to see others)
   *[no] {""}
  }:
search-item = 📄 { $agenda } · { $subject } · { $unit } · { $date } · { $state }
search-state-step = step { $number } "{ $title }"
search-state-active = in progress
search-state-done = done
search-footer = A letter's whole history: /status AGENDA-NUMBER · its files: /berkas AGENDA-NUMBER
