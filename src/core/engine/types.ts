import type { Channel, InstanceId, PersonId, RunId, StepId } from '../ids.js';
import type { LocalizedText, MessageRef } from '../i18n.js';

/** A file attached to an instance or a step: stored by the file store, referenced here. */
export interface FileRef {
  fileId: string;
  name: string;
  size: number;
  mimeType: string;
  sha256: string;
  uploadedBy: PersonId;
  uploadedAt: string;
  /**
   * Output of a content handler (e.g. the PPK list summary), when the step has one. Two fields
   * mean something to the engine: `lines` (MessageRef[]) are shown in the task of a review or
   * approval step that returns to this file's step, and `checklist` ({ id, label: string }[]) gives
   * the items of a checklist step whose `checklistFrom` names this file's step.
   */
  content?: Record<string, unknown>;
}

export type RunOutcome =
  'submitted' | 'registered' | 'dispositioned' | 'completed' | 'approved' | 'returned' | 'reassigned';

/** One activation of a step. A step returned to gets a new run; old runs stay as history. */
export interface StepRun {
  runId: RunId;
  stepId: StepId;
  /** Who must act; null when the org has nobody for the step (an admin must reassign). */
  assigneeId: PersonId | null;
  /** When the task went to a delegate: the person it was meant for. */
  delegatedFrom?: PersonId;
  startedAt: string;
  /** When the standard time runs out (office time), or null for a step without a standard. */
  dueAt: string | null;
  endedAt?: string;
  outcome?: RunOutcome;
  actorId?: PersonId;
  checked: string[];
  /** Checklist items marked as failed, each with its reason (done, but not ticked). */
  failed?: Array<{ itemId: string; reason: string }>;
  files: FileRef[];
  agendaNumber?: string;
  disposition?: { recipientIds: PersonId[]; instructionId: string; note?: string };
  returnReason?: string;
  returnedTo?: StepId;
  note?: string;
  /** Time standards: paused during a declared disruption, reminders and escalations sent. */
  pausedAt?: string;
  reminderSent?: boolean;
  escalationLevel: number;
  escalatedTo: PersonId[];
}

export type InstanceStatus = 'active' | 'completed';

export interface AuditEvent {
  seq: number;
  /** UTC, ISO 8601. */
  at: string;
  type: string;
  /** The person who acted, or 'system' (timers, disruptions). */
  actorId: PersonId;
  /** The person the actor acted for (a delegate acting for the assignee). */
  onBehalfOf?: PersonId;
  channel: Channel;
  stepId?: StepId;
  runId?: RunId;
  data?: Record<string, unknown>;
}

export interface Instance {
  id: InstanceId;
  flowId: string;
  flowVersion: number;
  /** Incremented by every applied change; the store refuses a save against an older version. */
  version: number;
  subject: string;
  requesterId: PersonId;
  requesterUnitId: string;
  /** The unit working on it: the flow's unit, narrowed by each disposition. */
  handlingUnitId: string;
  status: InstanceStatus;
  createdAt: string;
  updatedAt: string;
  completedAt?: string;
  agendaNumbers: { incoming?: string; outgoing?: string };
  attachments: FileRef[];
  /** Who holds each performer slot (`Kapus`, `Staf#tata-usaha`) in this instance. */
  bindings: Record<string, PersonId>;
  runs: StepRun[];
  /** The audit trail: append-only. */
  events: AuditEvent[];
  /** Idempotency keys of applied commands and the reply they got (the newest 200). */
  processedKeys: Array<{ key: string; reply: MessageRef }>;
}

export interface PromptAction {
  /** Stable id the channel maps to an opaque callback token: `approve`, `check:kertas`, ... */
  id: string;
  label: MessageRef;
  style?: 'primary' | 'danger';
  /** For checklist items: ticked or not. */
  checked?: boolean;
}

export type AwaitedInput =
  | { kind: 'file'; accept: string[] }
  | { kind: 'reason' }
  | {
      kind: 'disposition';
      recipients: Array<{ id: PersonId; name: string; position: string }>;
      instructions: Array<{ id: string; label: LocalizedText }>;
    };

/** A platform-neutral message for one person. Channels render it in their own idiom. */
export interface Prompt {
  /** Deterministic: the same decision always yields the same ids (outbox de-duplication). */
  id: string;
  to: PersonId;
  instanceId: InstanceId;
  runId?: RunId;
  /** task: a new task message; task-update / task-closed: edit the run's task messages; notice: plain. */
  kind: 'task' | 'task-update' | 'task-closed' | 'notice';
  lines: MessageRef[];
  actions: PromptAction[];
  awaits?: AwaitedInput;
  /** A stored file sent with the prompt (its lines become the file's caption). */
  file?: { fileId: string; name: string; mimeType: string };
}
