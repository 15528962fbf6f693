import type { StepRun } from '../../core/engine/types.js';
import type { PersonId, StepId } from '../../core/ids.js';
import type { OfficeTimeline } from './office-timeline.js';
import { pausedSpans, type Span } from './paused-spans.js';
import type { ReportInstance } from './report-instance.js';

const MINUTE_MS = 60_000;

/**
 * One finished attempt at a step, as the compliance report counts it; independent of any office
 * calendar (the office time is measured when a report is made, see `measureAttempt`).
 *
 * - Each run of a step is an attempt, except that a reassignment (Alihkan, Ambil alih) does not
 *   start a new one: the engine ends the run as `reassigned` and starts the next run of the same
 *   step at once, and the report joins such runs into one attempt, from the first run's start to
 *   the last run's end, performed by whoever finished it. (The engine gives the new performer a
 *   fresh standard time; the office's measure is how long the step took.)
 * - A return (a review or approval sends the work back) ends the reviewing run as `returned`: a
 *   finished attempt of the reviewing step with `returned` set. The step returned to runs again:
 *   that new run is one more attempt of that step (`rerun`), measured on its own.
 * - `paused`: when its clock stood still under a declared disruption (paused-spans.ts).
 */
export interface AttemptFact {
  stepId: StepId;
  startMs: number;
  endMs: number;
  /** Who finished it (the last run's actor, else its assignee). */
  performerId: PersonId | null;
  reminders: number;
  escalations: number;
  /** This attempt sent the work back to an earlier step. */
  returned: boolean;
  /** The step had run before in this instance: the work came back to it. */
  rerun: boolean;
  paused: Span[];
}

/** The attempts of one instance, what reports read (from the instance itself or a store of them). */
export interface InstanceFacts {
  instanceId: string;
  flowId: string;
  attempts: readonly AttemptFact[];
}

/** A finished attempt measured in office time. */
export interface StepAttempt extends AttemptFact {
  instanceId: string;
  flowId: string;
  /** Office minutes taken, the disruption's share left out. */
  officeMinutes: number;
  /** Office minutes under a declared disruption (not counted in officeMinutes). */
  pausedMinutes: number;
  /** The step's standard time in ms, or null when it has none. */
  standardMs: number | null;
}

/** The runs in the order they ran, split into chains joined by reassignment. */
function chainsOf(runs: readonly StepRun[]): StepRun[][] {
  const chains: StepRun[][] = [];
  const openChain = new Map<StepId, StepRun[]>();
  for (const run of runs) {
    let chain = openChain.get(run.stepId);
    if (!chain) {
      chain = [];
      chains.push(chain);
    }
    chain.push(run);
    if (run.outcome === 'reassigned') openChain.set(run.stepId, chain);
    else openChain.delete(run.stepId);
  }
  return chains;
}

/**
 * The instance's finished attempts, in the order they started. An attempt whose last run is still
 * open (or ended as `reassigned` with no run after it) is not finished and not listed.
 */
export function attemptFactsOf(instance: ReportInstance): AttemptFact[] {
  const seen = new Map<StepId, number>();
  const facts: AttemptFact[] = [];
  for (const chain of chainsOf(instance.runs)) {
    const first = chain[0] as StepRun;
    const last = chain.at(-1) as StepRun;
    const earlier = seen.get(first.stepId) ?? 0;
    seen.set(first.stepId, earlier + 1);
    if (!last.endedAt || last.outcome === 'reassigned') continue;
    facts.push({
      stepId: first.stepId,
      startMs: Date.parse(first.startedAt),
      endMs: Date.parse(last.endedAt),
      performerId: last.actorId ?? last.assigneeId,
      reminders: chain.filter((r) => r.reminderSent).length,
      escalations: chain.reduce((sum, r) => sum + r.escalatedTo.length, 0),
      returned: last.outcome === 'returned',
      rerun: earlier > 0,
      paused: chain.flatMap((r) => pausedSpans(r, instance.events)),
    });
  }
  return facts;
}

export function instanceFactsOf(instance: ReportInstance): InstanceFacts {
  return { instanceId: instance.id, flowId: instance.flowId, attempts: attemptFactsOf(instance) };
}

/** Office ms measured per attempt and timeline: facts kept in memory are measured once. */
const measured = new WeakMap<AttemptFact, { timeline: OfficeTimeline; office: number; paused: number }>();

/** Office time of an attempt: from start to end, less the office time its clock stood still. */
export function measureAttempt(
  facts: Pick<InstanceFacts, 'instanceId' | 'flowId'>,
  attempt: AttemptFact,
  timeline: OfficeTimeline,
  standardMs: number | null,
): StepAttempt {
  let known = measured.get(attempt);
  if (known?.timeline !== timeline) {
    const pausedMs = timeline.msWithin(attempt.paused);
    known = {
      timeline,
      paused: pausedMs,
      office: timeline.msBetween(attempt.startMs, attempt.endMs) - pausedMs,
    };
    measured.set(attempt, known);
  }
  const { office, paused } = known;
  // Written out field by field: objects of one shape keep a report over 100,000 attempts fast.
  return {
    stepId: attempt.stepId,
    startMs: attempt.startMs,
    endMs: attempt.endMs,
    performerId: attempt.performerId,
    reminders: attempt.reminders,
    escalations: attempt.escalations,
    returned: attempt.returned,
    rerun: attempt.rerun,
    paused: attempt.paused,
    instanceId: facts.instanceId,
    flowId: facts.flowId,
    officeMinutes: Math.max(0, office) / MINUTE_MS,
    pausedMinutes: paused / MINUTE_MS,
    standardMs,
  };
}
