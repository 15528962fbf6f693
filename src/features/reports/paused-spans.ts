import type { StepRun } from '../../core/engine/types.js';
import type { ReportEvent } from './report-instance.js';

/** A half-open interval `[start, end)` in UTC milliseconds. */
export type Span = readonly [number, number];

/**
 * When a run's clock stood still under a declared disruption, as spans inside the run
 * (`startedAt` up to `endedAt`, or `until` for a run still open), read from its audit events:
 * - `clock-paused` … `clock-resumed`: one span;
 * - a run started while a disruption was declared starts stopped without a `clock-paused` event
 *   (the engine sets `pausedAt` at its start): from its start to its first `clock-resumed`;
 * - a run that ended (or is still open) while stopped: from the pause to its end (`until`).
 * Events of other runs are ignored; the spans do not overlap and are in order.
 */
export function pausedSpans(run: StepRun, events: readonly ReportEvent[], until?: Date): Span[] {
  const start = Date.parse(run.startedAt);
  const end = run.endedAt ? Date.parse(run.endedAt) : (until?.getTime() ?? Date.now());
  if (!(end > start)) return [];
  const own = events.filter(
    (e) => e.runId === run.runId && (e.type === 'clock-paused' || e.type === 'clock-resumed'),
  );
  const first = own[0];
  let pausedSince: number | undefined =
    first?.type === 'clock-resumed' || (first === undefined && run.pausedAt !== undefined)
      ? start
      : undefined;
  const spans: Span[] = [];
  const close = (at: number) => {
    if (pausedSince === undefined) return;
    const from = Math.max(start, pausedSince);
    const to = Math.min(end, at);
    if (to > from) spans.push([from, to]);
    pausedSince = undefined;
  };
  for (const event of own) {
    const at = Date.parse(event.at);
    if (event.type === 'clock-paused') pausedSince ??= at;
    else close(at);
  }
  close(end);
  return spans;
}
