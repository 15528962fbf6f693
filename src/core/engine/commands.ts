import type { Channel, InstanceId, PersonId, RunId } from '../ids.js';
import type { FileRef } from './types.js';

interface CommandBase {
  actorId: PersonId;
  channel: Channel;
  /** Same key twice: the change is applied once and the same reply is given. */
  idempotencyKey: string;
  instanceId: InstanceId;
  runId: RunId;
}

export type Command = CommandBase &
  /** Ticks or unticks an item; without `checked`, turns it to the other state. */
  (
    | { type: 'check'; itemId: string; checked?: boolean }
    /** A checklist item that could not be done, with the reason (a later tick clears it). */
    | { type: 'fail'; itemId: string; reason: string }
    | { type: 'attach'; file: FileRef }
    | { type: 'complete'; note?: string; agendaNumber?: string }
    | { type: 'dispose'; recipientIds: PersonId[]; instructionId: string; note?: string }
    | { type: 'approve'; note?: string }
    | { type: 'return'; reason: string; toStepId?: string }
    | { type: 'reassign'; toPersonId: PersonId }
    | { type: 'take-over' }
    /** Time standards (system): a reminder, an escalation to the n-th superior up the chain. */
    | { type: 'remind' }
    | { type: 'escalate'; level: number }
    /** A superior told of a late step reminds the performer again. */
    | { type: 'nudge' }
    /** A declared disruption stops the step's clock, and its end restarts it. */
    | { type: 'pause'; note?: string }
    | { type: 'resume'; note?: string }
  );

export type CommandType = Command['type'];

export interface StartRequest {
  flowId: string;
  requesterId: PersonId;
  subject: string;
  attachment?: FileRef;
  channel: Channel;
  idempotencyKey: string;
}
