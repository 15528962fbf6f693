import type { Span } from './paused-spans.js';
import type { AttemptFact } from './step-attempts.js';

/**
 * An attempt as stored in `report_facts`: a short array instead of a document, because a year's
 * report reads 100,000 of them and the embedded database's cost grows with every field name:
 * `[stepId, startMs, endMs, performerId | null, reminders, escalations, flags, paused]` where
 * flags is 1 (returned) + 2 (rerun) and paused the disruption spans, flattened
 * `[start1, end1, start2, end2, …]`.
 */
export type StoredAttempt = [string, number, number, string | null, number, number, number, number[]];

const RETURNED = 1;
const RERUN = 2;

export function encodeAttempt(attempt: AttemptFact): StoredAttempt {
  return [
    attempt.stepId,
    attempt.startMs,
    attempt.endMs,
    attempt.performerId,
    attempt.reminders,
    attempt.escalations,
    (attempt.returned ? RETURNED : 0) | (attempt.rerun ? RERUN : 0),
    attempt.paused.flatMap(([start, end]) => [start, end]),
  ];
}

export function decodeAttempt(stored: StoredAttempt): AttemptFact {
  const [stepId, startMs, endMs, performerId, reminders, escalations, flags, flat] = stored;
  const paused: Span[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) paused.push([flat[i] as number, flat[i + 1] as number]);
  return {
    stepId,
    startMs,
    endMs,
    performerId,
    reminders,
    escalations,
    returned: (flags & RETURNED) !== 0,
    rerun: (flags & RERUN) !== 0,
    paused,
  };
}
