import { TZDate } from '@date-fns/tz';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';

/**
 * Claims of once-a-week work shared by every service process on one database: for a key, only the
 * first `claim` anywhere returns true.
 */
export interface WeeklyClaims {
  /** True for the first caller with this key, false for every later one (in any process). */
  claim(key: string): Promise<boolean>;
  /** Gives a claim back (the work failed), so a later call may claim the key again. */
  release(key: string): Promise<void>;
}

/** The ISO week of `at` in `timeZone`, e.g. `2026-W49` (weeks start on Monday, as office weeks do). */
export function isoWeekKey(at: Date, timeZone: string): string {
  const local = new TZDate(at.getTime(), timeZone);
  return `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
}

/** Claims kept in memory: one process only (tests, and a service without a database). */
export class InMemoryWeeklyClaims implements WeeklyClaims {
  private readonly claimed = new Set<string>();

  claim(key: string): Promise<boolean> {
    if (this.claimed.has(key)) return Promise.resolve(false);
    this.claimed.add(key);
    return Promise.resolve(true);
  }

  release(key: string): Promise<void> {
    this.claimed.delete(key);
    return Promise.resolve();
  }
}
