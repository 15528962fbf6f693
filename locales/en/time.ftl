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
refusal-no-superior = There is no further superior above the performer to escalate to.
refusal-clock-paused = The standard-time clock is stopped because of a disruption.
refusal-clock-running = The standard-time clock is not stopped.
refusal-no-standard-time = This step has no standard time.
