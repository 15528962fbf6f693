import type { TimeLocale } from './zones.js';

const UNIT_NAMES: Record<TimeLocale, Record<'hour' | 'minute' | 'second', readonly [string, string]>> = {
  id: { hour: ['jam', 'jam'], minute: ['menit', 'menit'], second: ['detik', 'detik'] },
  en: { hour: ['hour', 'hours'], minute: ['minute', 'minutes'], second: ['second', 'seconds'] },
};

export interface FormatDurationOptions {
  /**
   * `second` (default): exact to the nearest second, e.g. `1 menit 30 detik`.
   * `minute`: rounded up to whole minutes (so 10 s late reads `1 menit`, never `0 menit`).
   */
  readonly smallestUnit?: 'second' | 'minute';
}

/**
 * A duration given in minutes, in words: `5 menit`, `1 jam 30 menit`, `45 detik` / `5 minutes`,
 * `1 hour 30 minutes`, `45 seconds`. Zero parts are left out; zero itself is `0 menit` / `0 minutes`;
 * a negative duration gets a leading minus sign.
 */
export function formatDuration(
  minutes: number,
  locale: TimeLocale,
  options: FormatDurationOptions = {},
): string {
  if (!Number.isFinite(minutes)) throw new RangeError(`duration must be finite, got ${minutes}`);
  const names = UNIT_NAMES[locale];
  let seconds = Math.round(Math.abs(minutes) * 60);
  if (options.smallestUnit === 'minute') seconds = Math.ceil(seconds / 60) * 60;
  const parts: string[] = [];
  const add = (value: number, unit: keyof typeof names): void => {
    if (value > 0) parts.push(`${value} ${names[unit][value === 1 ? 0 : 1]}`);
  };
  add(Math.floor(seconds / 3600), 'hour');
  add(Math.floor((seconds % 3600) / 60), 'minute');
  add(seconds % 60, 'second');
  if (parts.length === 0) return `0 ${names.minute[1]}`;
  return `${minutes < 0 ? '-' : ''}${parts.join(' ')}`;
}
