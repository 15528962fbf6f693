## Slack: the /pandu command, forms (modals) and the App Home tab.

slack-error = ⚠️ Sorry, your request could not be processed because of a system problem. Please try again in a moment.
slack-file-failed = ⚠️ The file { $name } could not be fetched from Slack. Please send it again.
slack-disposition-unavailable = There is nobody to choose as the recipient of this disposition. Please contact an admin.

slack-modal-submit = Send
slack-modal-cancel = Cancel
slack-disposition-title = Disposition
slack-disposition-recipients = Recipients
slack-disposition-recipients-placeholder = Choose one or more recipients
slack-disposition-instruction = Instruction
slack-disposition-note = Note
slack-disposition-note-placeholder = A note for the recipients (optional)
slack-return-title = Return the task
slack-return-reason = Reason for returning
slack-return-reason-placeholder = Say what needs to be fixed

slack-home-title = Pandu — your SOP companion
slack-home-not-linked = Your Slack account is not linked to Pandu yet. Ask an admin for an invite code, then type `/pandu link CODE`.
slack-home-tasks-title = Open tasks ({ $count })
slack-home-task = { $overdue ->
    [yes] 🔴 *Past the deadline*
   *[no] ⏳ In progress
  } · *{ $step }*
    Agenda no. { $agenda } · { $subject }
    Due { $due }
slack-home-task-no-due = 📄 *{ $step }*
    Agenda no. { $agenda } · { $subject }
slack-home-tasks-hint = Type `/pandu tugas` to get your tasks with their buttons in a direct message.
slack-home-actions-title = Your recent actions
slack-home-no-actions = No actions recorded yet.
slack-home-action = { $at } · { $type ->
    [instance-started] submitted a request
    [agenda-registered] registered an agenda number
    [dispositioned] gave a disposition
    [file-attached] attached a file
    [approved] approved
    [returned] returned
    [step-completed] completed a step
   *[other] { $type }
  } · { $step } · { $subject }
slack-home-unit-title = Requests in your unit ({ $unit })
slack-home-no-instances = No requests in your unit yet.
slack-home-instance = { $status ->
    [completed] ✅ Completed
   *[active] ⏳ { $step }
  } · Agenda no. { $agenda } · { $subject }
slack-fail-title = Account not authenticated
slack-fail-reason = Reason it failed
slack-fail-reason-placeholder = Say why this account could not be authenticated
