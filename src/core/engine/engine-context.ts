import type { Flow } from '../flow/model.js';
import type { PersonId } from '../ids.js';
import type { OrgDirectory } from '../org/org-directory.js';

/** What the engine needs to know about the world to decide; no I/O, so decisions are pure. */
export interface EngineContext {
  flow: Flow;
  org: OrgDirectory;
  now: Date;
  /** When a step started at `start` with this standard is due (office time). */
  dueAt(start: Date, standardMs: number, flow: Flow): Date;
  /** The delegate standing in for a person at this time, if any. */
  delegateOf?(personId: PersonId, at: Date): PersonId | undefined;
  /** Set while a disruption is declared: new steps start with their clock stopped. */
  disruptedSince?: Date;
}
