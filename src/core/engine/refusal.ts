import type { MessageParams, MessageRef } from '../i18n.js';

/** Why a command was not applied. The message is shown to the user in their language. */
export type RefusalCode =
  | 'unknown-flow'
  | 'unknown-person'
  | 'not-requester'
  | 'subject-required'
  | 'instance-completed'
  | 'unknown-task'
  | 'already-done'
  | 'not-your-task'
  | 'action-not-allowed'
  | 'unknown-item'
  | 'missing-items'
  | 'reason-required'
  | 'failure-reason-required'
  | 'invalid-return-target'
  | 'recipient-required'
  | 'invalid-recipient'
  | 'invalid-instruction'
  | 'not-allowed-to-reassign'
  | 'invalid-reassign-target'
  | 'file-type-not-accepted'
  | 'agenda-number-missing'
  | 'system-only'
  | 'not-due-yet'
  | 'already-reminded'
  | 'already-escalated'
  | 'reminder-after-escalation'
  | 'no-superior'
  | 'clock-paused'
  | 'clock-running'
  | 'no-standard-time';

export interface Refusal {
  code: RefusalCode;
  message: MessageRef;
}

export function refuse(code: RefusalCode, params?: MessageParams): Refusal {
  return { code, message: { key: `refusal-${code}`, ...(params ? { params } : {}) } };
}
