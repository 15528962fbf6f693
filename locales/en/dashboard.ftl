# The leaders' dashboard in the browser and the Telegram Mini App (src/features/reports/dashboard).

chat-help-dasbor = a sign-in link to the leaders' dashboard in the browser (one use, 10 minutes)
dash-menu-button = Dashboard
chat-command-dasbor = Dashboard in the browser
dash-chat-link = 🔐 Dashboard sign-in link (one use, valid for 10 minutes): { $url }
dash-chat-no-url = The dashboard cannot be opened: the service's address (PUBLIC_URL) is not set. Ask an admin.

dash-nav-overview = Overview
dash-nav-search = Find letters
dash-nav-compliance = Compliance
dash-sign-out = Sign out
dash-sign-in-title = Sign in to the dashboard
dash-sign-in-intro = Press the button below to sign in to the Pandu dashboard. This link works only once.
dash-sign-in-button = Sign in
dash-sign-in-invalid = This sign-in link does not work: it was used, it expired (10 minutes), or it is wrong. Ask for a new one with /dasbor in chat.
dash-sign-in-needed = You are not signed in. Type /dasbor in the Pandu chat to get a sign-in link.
dash-signed-out-title = Signed out
dash-signed-out = You have signed out of the dashboard.
dash-error-origin = Request refused: it does not come from this dashboard's pages.
dash-error-csrf = Request refused: the session or the form's token does not match. Reload the page and try again.
dash-mini-app-wait = Checking your Telegram account…
dash-mini-app-no-data = Open this page from the Pandu bot's menu button in Telegram.
dash-mini-app-failed = Could not sign in. Close it and open it again from Telegram.
dash-mini-app-off = Signing in through Telegram is not enabled on this service.
dash-mini-app-invalid = The sign-in data from Telegram is not valid (the signature does not match).
dash-mini-app-stale = The sign-in data from Telegram has expired. Close it and open it again from Telegram.
dash-mini-app-unknown = This Telegram account is not linked to Pandu yet. Link it with an invite code first.

dash-refused-title = Cannot be shown
dash-error-unit-and-person = Choose a unit or a person, not both.
dash-error-unknown-unit = Unit "{ $unit }" is not known.
dash-error-unknown-person = Person "{ $person }" is not known.
dash-error-forbidden-scope = You may not see this scope.
dash-error-not-in-org = You are not in the organisation chart.
dash-error-no-letter = Letter not found, or you may not see it.
dash-error-no-file = File not found.
dash-error-state = State "{ $state }" is not known (choose running or finished).

dash-overview-title = Open work
dash-unit = Unit
dash-unit-all-mine = (all of my scope)
dash-show = Show
dash-scope = Scope: { $scope }
dash-period = Period { $from } to { $to }
dash-count-open = open
dash-count-due-today = due today
dash-count-overdue = overdue
dash-count-escalated = escalated
dash-count-paused = waiting on a disruption
dash-open-work = Open steps (overdue first)
dash-open-none = No open work in this scope.
dash-my-requests = My running requests
dash-open-more = Showing { $shown } of { $open } open steps.
dash-badge-overdue = overdue
dash-badge-escalated = escalation { $level }
dash-badge-paused = paused
dash-when = { $at }
dash-minutes = { $m }
dash-col-letter = Letter
dash-col-flow = SOP
dash-col-step = Step
dash-col-unit = Unit
dash-col-person = Performer
dash-col-due = Due
dash-col-late = Late by
dash-col-when = When
dash-col-event = Event
dash-col-made = Made
dash-col-week = Week
dash-col-standard = Standard
dash-col-runs = Runs
dash-col-median = Median
dash-col-p90 = P90
dash-col-within = Within standard
dash-col-reminders = Reminders
dash-col-escalations = Escalations
dash-col-returns = Returns

dash-letter-title = Letter
dash-state-active = running
dash-state-completed = finished
dash-timeline = Steps so far
dash-dispositions = Disposition chain
dash-documents = Documents
dash-file-by = by { $who }, { $at }
dash-audit = Audit trail
dash-none = —

dash-search-title = Find letters
dash-search-words = Words in the subject
dash-search-agenda = Agenda number
dash-search-unit = Requesting unit
dash-search-from = From
dash-search-to = To
dash-search-state = State
dash-search-button = Search
dash-search-none = No letter matches that you may see.
dash-search-more = Only the newest { $shown } letters are shown; narrow the search.

dash-compliance-title = Compliance with the standard times
dash-compliance-total = { $count } steps finished on { $instances } requests, { $percent }% within the standard time.
dash-compliance-none = No step finished in this period and scope yet.
dash-xlsx = Download XLSX
dash-by-unit = By unit
dash-by-person = By performer
dash-by-week = Weekly trend
dash-undelivered-title = Undelivered messages
dash-undelivered-none = No message failed to be delivered.
dash-undelivered-help = Messages that could not be delivered (refused by the platform, no linked chat account, or too many attempts). Once the cause is mended, send one again with the command in the last column.
dash-undelivered-count = { $count ->
    [one] ⚠️ 1 message could not be delivered
   *[other] ⚠️ { $count } messages could not be delivered
  }
dash-col-reason = Reason
dash-col-retry = Send again
