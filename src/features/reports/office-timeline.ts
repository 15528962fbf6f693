import { TZDate } from '@date-fns/tz';
import {
  isOfficeTime,
  officeMsBetween,
  parseTimeRange,
  MultiYearCalendar,
  type AnyOfficeCalendar,
  type DayInterval,
} from '../../core/time/index.js';
import { addDays, localDate } from './report-period.js';

const DAY_MINUTES = 1440;
/** Days added on each side when the timeline grows, so that a run of queries grows it rarely. */
const GROW_DAYS = 31;

/**
 * Office time between instants for many runs at once: the calendar's office intervals, laid out
 * once as sorted arrays with running totals, then each question is two binary searches. The same
 * answer as `officeMsBetween` (test/unit/features/reports/office-timeline.test.ts compares them)
 * at a fraction of its cost, which asks the zone database on every call (~50 µs, too slow for
 * the 100,000 runs of a year's report).
 *
 * What is open is decided by the office calendar functions themselves (`officeMsBetween`,
 * `isOfficeTime`); only where the open and closed stretches of a day can begin is read from the
 * calendar: at the starts and ends of its working hours (`hours`, `hoursByDay`), in local time.
 */
export class OfficeTimeline {
  private readonly boundaries: number[];
  private firstDate: string | undefined;
  private lastDate: string | undefined;
  /** The instants the days firstDate…lastDate span: [lowMs, highMs). */
  private lowMs = Number.POSITIVE_INFINITY;
  private highMs = Number.NEGATIVE_INFINITY;
  private starts: number[] = [];
  private ends: number[] = [];
  /** Office ms before interval i. */
  private before: number[] = [];
  private readonly days = new Map<string, Array<readonly [number, number]>>();

  constructor(readonly calendar: AnyOfficeCalendar) {
    const minutes = new Set<number>([0, DAY_MINUTES]);
    // Every year's hours: a later year's file may change them.
    const yearly =
      calendar instanceof MultiYearCalendar
        ? [new Date().getFullYear(), ...calendar.fileYears()].map((year) => calendar.calendarOf(year))
        : [calendar];
    const ranges = yearly.flatMap((c) => [...c.hours, ...Object.values(c.hoursByDay).flat()]);
    for (const range of ranges) {
      const parsed: DayInterval | undefined = parseTimeRange(range);
      if (parsed) minutes.add(parsed.startMinute).add(parsed.endMinute);
    }
    this.boundaries = [...minutes].sort((a, b) => a - b);
  }

  /** Office milliseconds between two instants (negative when `to` is before `from`). */
  msBetween(from: Date | number, to: Date | number): number {
    const a = typeof from === 'number' ? from : from.getTime();
    const b = typeof to === 'number' ? to : to.getTime();
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError('office time of an invalid instant');
    if (b < a) return -this.msBetween(b, a);
    this.cover(a, b);
    return this.cumulative(b) - this.cumulative(a);
  }

  /** Office milliseconds inside spans (each `[start, end)`), e.g. the time a clock stood still. */
  msWithin(spans: ReadonlyArray<readonly [number, number]>): number {
    let total = 0;
    for (const [start, end] of spans) if (end > start) total += this.msBetween(start, end);
    return total;
  }

  private cumulative(t: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((this.starts[mid] as number) <= t) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (found < 0) return 0;
    const start = this.starts[found] as number;
    const end = this.ends[found] as number;
    return (this.before[found] as number) + Math.min(t, end) - start;
  }

  /** Makes sure the arrays hold every local day that `[a, b]` touches, with a day to spare each side. */
  private cover(a: number, b: number): void {
    if (a >= this.lowMs && b < this.highMs) return;
    const zone = this.calendar.timeZone;
    const first = addDays(localDate(new Date(a), zone), -1);
    const last = addDays(localDate(new Date(b), zone), 1);
    if (this.firstDate !== undefined && this.lastDate !== undefined) {
      if (first >= this.firstDate && last <= this.lastDate) return;
      this.firstDate = first < this.firstDate ? addDays(first, -GROW_DAYS) : this.firstDate;
      this.lastDate = last > this.lastDate ? addDays(last, GROW_DAYS) : this.lastDate;
    } else {
      this.firstDate = first;
      this.lastDate = last;
    }
    this.rebuild();
  }

  private rebuild(): void {
    const starts: number[] = [];
    const ends: number[] = [];
    const before: number[] = [];
    let total = 0;
    for (let date = this.firstDate as string; date <= (this.lastDate as string); date = addDays(date, 1)) {
      for (const [start, end] of this.intervalsOf(date)) {
        const previous = ends.length - 1;
        if (previous >= 0 && ends[previous] === start) {
          // Open across midnight (a 24-hour calendar): one interval.
          total += end - start;
          ends[previous] = end;
          continue;
        }
        starts.push(start);
        ends.push(end);
        before.push(total);
        total += end - start;
      }
    }
    this.starts = starts;
    this.ends = ends;
    this.before = before;
    const zone = this.calendar.timeZone;
    this.lowMs = localInstant(this.firstDate as string, 0, zone);
    this.highMs = localInstant(addDays(this.lastDate as string, 1), 0, zone);
  }

  /** The office intervals of one local day, in UTC milliseconds. */
  private intervalsOf(date: string): Array<readonly [number, number]> {
    const cached = this.days.get(date);
    if (cached) return cached;
    const calendar = this.calendar;
    const instants = this.boundaries.map((minute) => localInstant(date, minute, calendar.timeZone));
    const dayStart = instants[0] as number;
    const dayEnd = instants.at(-1) as number;
    const intervals: Array<readonly [number, number]> = [];
    if (officeMsBetween(calendar, new Date(dayStart), new Date(dayEnd)) > 0) {
      for (let i = 0; i + 1 < instants.length; i++) {
        const start = instants[i] as number;
        const end = instants[i + 1] as number;
        if (end <= start || !isOfficeTime(calendar, new Date(start))) continue;
        const last = intervals.at(-1);
        if (last && last[1] === start) intervals[intervals.length - 1] = [last[0], end];
        else intervals.push([start, end]);
      }
    }
    this.days.set(date, intervals);
    return intervals;
  }
}

/** The instant of local wall-clock `minute` (0–1440) on a local date, as TZDate resolves it. */
function localInstant(date: string, minute: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (minute >= DAY_MINUTES) return localInstant(addDays(date, 1), minute - DAY_MINUTES, timeZone);
  return new TZDate(y, m - 1, d, Math.floor(minute / 60), minute % 60, timeZone).getTime();
}

const timelines = new WeakMap<AnyOfficeCalendar, OfficeTimeline>();

/** One timeline per calendar object, kept while the calendar is. */
export function officeTimelineFor(calendar: AnyOfficeCalendar): OfficeTimeline {
  let timeline = timelines.get(calendar);
  if (!timeline) {
    timeline = new OfficeTimeline(calendar);
    timelines.set(calendar, timeline);
  }
  return timeline;
}
