import type { MessageRef } from '../i18n.js';
import type { Refusal } from './refusal.js';

/** What applying one command to a draft gave: the reply, or why it was refused. */
export type Outcome = { reply: MessageRef } | Refusal;
import type { AuditEvent, Instance, Prompt, StepRun } from './types.js';

/** What the engine decided: the new state with what to record, say and schedule; or a refusal. */
export type Decision =
  | {
      ok: true;
      /** True when the idempotency key was seen before: nothing changed, the same reply is given. */
      duplicate: boolean;
      instance: Instance;
      events: AuditEvent[];
      prompts: Prompt[];
      /** Runs that started (timers to set) and runs that ended (timers to cancel). */
      startedRuns: StepRun[];
      endedRuns: StepRun[];
      reply: MessageRef;
    }
  | { ok: false; refusal: Refusal };
