import { z } from 'zod';
import { DurationParseError } from './errors.js';

/** Hours, then minutes, then seconds, each optional, e.g. `5m`, `1h30m`, `1h 30m`, `90s`. */
const DURATION = /^(?:(\d{1,4})h)?\s*(?:(\d{1,6})m)?\s*(?:(\d{1,7})s)?$/i;
const EXAMPLES = 'use hours (h), minutes (m) and seconds (s), e.g. 5m, 30m, 1h, 1h30m, 90s';

/**
 * Parses a standard time (Mutu Baku waktu) such as `5m`, `30m`, `1h`, `1h30m` or `90s` into
 * milliseconds. Days, bare numbers, decimals, negative or zero durations raise `DurationParseError`.
 */
export function parseDurationMs(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') throw new DurationParseError(text, `it is empty; ${EXAMPLES}`);
  const match = DURATION.exec(trimmed);
  if (!match) {
    const reason = /^\d+$/.test(trimmed) ? `a unit is missing; ${EXAMPLES}` : EXAMPLES;
    throw new DurationParseError(text, reason);
  }
  const [hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
  ];
  const ms = ((hours * 60 + minutes) * 60 + seconds) * 1000;
  if (ms === 0) throw new DurationParseError(text, 'a standard time must be longer than zero');
  return ms;
}

/** Like `parseDurationMs`, in (possibly fractional) minutes: `90s` → 1.5. */
export function parseDurationMinutes(text: string): number {
  return parseDurationMs(text) / 60_000;
}

/** Zod schema for a duration field in a flow file: a string in, milliseconds out. */
export const durationMsSchema = z.string().transform((text, ctx) => {
  try {
    return parseDurationMs(text);
  } catch (error) {
    if (!(error instanceof DurationParseError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message, input: text });
    return z.NEVER;
  }
});
