## Time standards: reminders, escalation, disruptions, deputies.

notice-reminder = 🔔 Reminder: "{ $step }" is due at { $due }.
notice-escalation = ⏫ Escalation level { $level }: { $performer } is { $late } past the due time { $due }. Please act: nudge, reassign or take it over.
notice-escalated-to-superior = ⏫ The task "{ $step }" went past its standard time and was escalated to { $to }.
notice-nudge = 🔔 { $by } reminds you to finish "{ $step }" soon.
action-nudge = 🔔 Nudge
action-reassign = 🔀 Reassign
action-take-over = 🙋 Take over
reply-reminded = Reminder sent.
reply-escalated = Escalated to { $to }.
reply-nudged = { $name } has been reminded.
reply-paused = The standard-time clock is stopped.
reply-resumed = The standard-time clock is running again.

refusal-system-only = Only the system or an admin can do this.
refusal-not-due-yet = Not yet: the due time has not passed.
refusal-already-reminded = The reminder for this step was already sent.
refusal-already-escalated = This step was already escalated at this level.
refusal-reminder-after-escalation = No reminder: this step was already escalated to a superior.
refusal-no-superior = There is no further superior above the performer to escalate to.
refusal-clock-paused = The standard-time clock is stopped because of a disruption.
refusal-clock-running = The standard-time clock is not stopped.
refusal-no-standard-time = This step has no standard time.

## Escalation buttons: reassign to another person.
esc-reassign-choose = 🔀 Reassign "{ $step }" from { $name } to:
esc-reassign-none = Nobody else holds the position { $position } to take this task. Use "Take over" if needed.

## /wakil: a deputy while out of office.
wakil-usage = Send /wakil <person-id> <days> to name a deputy (1–{ $max } days), or /wakil batal to end it; /wakil tolak <person-id> declines standing in for someone.
wakil-none = You have not named a deputy.
wakil-current = Your deputy: { $name }, until { $until }.
wakil-standing-in = You are standing in for: { $names }.
wakil-set = ✅ { $name } is your deputy for { $days } days, until { $until }. New tasks and escalations for you go to them.
wakil-ended = ✅ Your deputy has been withdrawn. New tasks come to you again.
wakil-bad-days = The number of days must be a whole number from 1 to { $max }.
wakil-unknown-person = There is no person with the id "{ $id }".
wakil-self = You cannot name yourself as your deputy.
wakil-admins-only = ⛔ Only admins can name or end a deputy for someone else.
wakil-external = { $name } is an external requester and cannot stand in for anyone.
wakil-not-allowed = { $name } cannot be the deputy: a deputy must hold the position { $position } in the same unit, or be named for you in the org file.
wakil-cycle = { $name } (or their deputy) is standing in for you: this would make a cycle.
wakil-set-for = ✅ { $name } is { $person }'s deputy for { $days } days, until { $until }.
wakil-told = 📋 You are named deputy (Plh) for { $name } until { $until }. Their new tasks and escalations come to you. Send /wakil tolak { $id } if you cannot.
wakil-set-by-admin = 📋 Admin { $admin } named { $name } as your deputy until { $until }.
wakil-declined = ✅ You declined to stand in for { $name }. Their new tasks go to them again.
wakil-declined-notice = ⚠️ { $name } declined to be your deputy. New tasks come to you again; name another deputy with /wakil.
wakil-nothing-to-decline = You are not standing in for { $name }.

## /gangguan and `pandu disruption`: SPSE infrastructure disruptions (the SOP's 4th warning).
disruption-usage = Send /gangguan mulai <note> when the SPSE infrastructure is disrupted, and /gangguan selesai when it is back.
disruption-admins-only = ⛔ Only admins can declare a disruption.
disruption-status-on = ⚠️ An SPSE disruption is declared since { $since } by { $by }: { $note }. Standard-time clocks are stopped.
disruption-status-off = No SPSE disruption is declared. Standard-time clocks are running.
disruption-started = ⚠️ SPSE disruption declared since { $since }: { $note }. The standard-time clocks of { $count } open steps are stopped; new steps start with their clock stopped.
disruption-ended = ✅ The SPSE disruption is over. The clocks of { $count } steps are running again; their due times moved { $paused } later.
disruption-already = An SPSE disruption is already declared since { $since } by { $by }: { $note }.
disruption-not-on = No SPSE disruption is declared.
