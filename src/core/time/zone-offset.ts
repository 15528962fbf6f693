import { tzOffset } from '@date-fns/tz';

const HOUR_MS = 3_600_000;
/** About 23 years of hours per zone; past that the zone's table starts afresh. */
const MAX_HOURS_PER_ZONE = 200_000;

/** Per zone, each UTC hour's offset, or null for an hour in which the offset changes. */
const hoursByZone = new Map<string, Map<number, number | null>>();

/**
 * The zone's UTC offset in minutes at `ms`, as `tzOffset` gives it, at a fraction of its cost:
 * `tzOffset` formats a date with `Intl` on every call (a few microseconds, thousands of times per
 * tap in office-time arithmetic and message formatting). An offset changes at most once in an
 * hour, so an hour whose first and last millisecond have the same offset has it throughout: that
 * is kept, and only the hours of a change are asked every time.
 */
export function zoneOffsetMinutes(timeZone: string, ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let hours = hoursByZone.get(timeZone);
  if (!hours) {
    hours = new Map();
    hoursByZone.set(timeZone, hours);
  }
  let offset = hours.get(hour);
  if (offset === undefined) {
    const first = tzOffset(timeZone, new Date(hour * HOUR_MS));
    const last = tzOffset(timeZone, new Date(hour * HOUR_MS + HOUR_MS - 1));
    offset = first === last ? first : null;
    if (hours.size >= MAX_HOURS_PER_ZONE) hours.clear();
    hours.set(hour, offset);
  }
  return offset ?? tzOffset(timeZone, new Date(ms));
}
