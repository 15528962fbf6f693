## Core messages: tasks, results, notices and refusals. English is the second language.

task-header = 📄 { $sop } · Agenda no. { $agenda }
    Subject: { $subject } · Unit: { $unit }
task-step = Step { $number }/{ $total }: { $title }
task-instruction = What to do: { $text }
task-kelengkapan-title = Required items:
task-item = { $state ->
    [done] ☑ { $label }
    [required] ☐ { $label } (required)
   *[open] • { $label }
  }
task-output = Output: { $label }
task-files = Attached files ({ $count }): { $names }
task-due = ⏰ Due { $due } · standard { $standard }
task-returned-reason = ↩️ Returned by { $by }: { $reason }
task-disposition = ✍️ Disposition from { $by }: { $instruction }{ $note }
task-checklist-progress = Progress: { $done } of { $total } items done{ $failed ->
    [0] {""}
   *[other] , { $failed } failed
  }.
task-item-failed = ✖ { $label } — failed: { $reason }

action-register = 📒 Register & number
action-dispose = ✍️ Disposition
action-submit = 📤 Done & send
action-approve = ✅ Approve
action-return = ↩️ Return
action-check = { $label }
action-item-failed = ✖ { $label }
action-fail = ✖ Failed

task-result-submitted = 📨 Submitted by { $by } at { $at }
task-result-registered = 📒 Registered by { $by } at { $at } · Agenda no. { $agenda }
task-result-dispositioned = ✍️ Dispositioned by { $by } at { $at }
task-result-completed = ✅ Completed by { $by } at { $at }
task-result-approved = ✅ Approved by { $by } at { $at }
task-result-returned = ↩️ Returned by { $by } at { $at }
task-result-reassigned = 🔀 Reassigned by { $by } at { $at }

notice-no-performer = ⚠️ Nobody holds the position { $position } for the step "{ $step }". An admin must reassign this task.
notice-disposition-copy = ✍️ Copy of a disposition from { $by }: { $instruction } { $note }
notice-progress = 🔔 Step { $number }/{ $total } done: { $step } (by { $by }).
notice-progress-returned = ↩️ "{ $step }" was returned to "{ $to }" for revision.
notice-task-reassigned = 🔀 The task "{ $step }" was reassigned to { $to }.
notice-instance-completed = 🎉 Your request has been processed. Outgoing letter no. { $agenda } has been registered and distributed.

reply-request-started = Request "{ $subject }" received and passed on for registration.
reply-checklist-complete = All items done. This step is closed.
reply-item-checked = Item marked done.
reply-item-unchecked = Item unmarked.
reply-item-failed = Item marked as failed, with its reason.
reply-file-attached = File { $name } attached.
reply-registered = Registered as agenda no. { $agenda }.
reply-completed = Step "{ $step }" completed.
reply-dispositioned = Disposition sent to { $names }.
reply-approved = Approved.
reply-returned = Returned to "{ $to }".
reply-reassigned = Task reassigned to { $name }.

refusal-unknown-flow = Unknown SOP "{ $flow }".
refusal-unknown-person = Your account is not linked to a staff record yet.
refusal-not-requester = Only { $position } can submit this request.
refusal-subject-required = The request needs a subject.
refusal-instance-completed = This request has already been processed.
refusal-unknown-task = This task was not found.
refusal-already-done = { $outcome ->
    [reassigned] This task was already handed over by { $by } at { $at }.
    [returned] This task was already returned by { $by } at { $at }.
   *[other] This task was already completed by { $by } at { $at }.
  }
refusal-not-your-task = This task is not yours; it belongs to { $assignee }.
refusal-action-not-allowed = This action does not apply to this step.
refusal-unknown-item = Unknown item.
refusal-missing-items = Not complete yet: { $items }.
refusal-reason-required = A reason for returning is required.
refusal-failure-reason-required = A reason for the failure is required.
refusal-invalid-return-target = This step cannot be returned there.
refusal-recipient-required = Choose who receives the disposition.
refusal-invalid-recipient = { $name } cannot receive this disposition (must be a { $position } in your unit).
refusal-invalid-instruction = Unknown disposition instruction.
refusal-not-allowed-to-reassign = Only a superior or an admin can reassign this task.
refusal-invalid-reassign-target = The task can only be reassigned to another { $position }.
refusal-file-type-not-accepted = File type not accepted. Send: { $accept }.
refusal-agenda-number-missing = The agenda number could not be given yet. Please try again.
