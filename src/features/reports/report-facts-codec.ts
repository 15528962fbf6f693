import type { Span } from './paused-spans.js';
import type { AttemptFact } from './step-attempts.js';

/**
 * The finished attempts of one instance as stored in `report_facts`: one line of text per attempt,
 * because a year's report reads 100,000 of them and the embedded database reads one string
 * several times faster than the same figures as arrays (measured: ~200 ms against ~700 ms for
 * 10,000 documents). Each line is seven fields and an eighth list, separated by spaces:
 *
 *     stepId start dur performer reminders escalations flags paused
 *
 * `start` is the start (UTC ms) and `dur` the end minus the start, in base 36; `performer` is
 * empty when there is none; `flags` is 1 (returned) + 2 (rerun); `paused` lists the disruption
 * spans as base-36 offsets from the start, `s1,e1,s2,e2…` (empty: none). Ids are written
 * URI-encoded (the org and flow schemas allow no space or line break in them anyway).
 */
export const FACTS_FORMAT = 1;

const RETURNED = 1;
const RERUN = 2;

function text(value: string): string {
  return encodeURIComponent(value);
}

function untext(value: string): string {
  return value.includes('%') ? decodeURIComponent(value) : value;
}

export function encodeAttempts(attempts: readonly AttemptFact[]): string {
  return attempts
    .map((a) =>
      [
        text(a.stepId),
        a.startMs.toString(36),
        (a.endMs - a.startMs).toString(36),
        a.performerId === null ? '' : text(a.performerId),
        String(a.reminders),
        String(a.escalations),
        String((a.returned ? RETURNED : 0) | (a.rerun ? RERUN : 0)),
        a.paused.map(([s, e]) => `${(s - a.startMs).toString(36)},${(e - a.startMs).toString(36)}`).join(','),
      ].join(' '),
    )
    .join('\n');
}

export function decodeAttempts(stored: string): AttemptFact[] {
  if (stored === '') return [];
  return stored.split('\n').map((line) => {
    const [stepId = '', start = '0', dur = '0', performer = '', reminders, escalations, flags, paused = ''] =
      line.split(' ');
    const startMs = parseInt(start, 36);
    const spans: Span[] = [];
    if (paused !== '') {
      const offsets = paused.split(',').map((o) => parseInt(o, 36));
      for (let i = 0; i + 1 < offsets.length; i += 2) {
        spans.push([startMs + (offsets[i] as number), startMs + (offsets[i + 1] as number)]);
      }
    }
    const bits = Number(flags);
    return {
      stepId: untext(stepId),
      startMs,
      endMs: startMs + parseInt(dur, 36),
      performerId: performer === '' ? null : untext(performer),
      reminders: Number(reminders),
      escalations: Number(escalations),
      returned: (bits & RETURNED) !== 0,
      rerun: (bits & RERUN) !== 0,
      paused: spans,
    };
  });
}
