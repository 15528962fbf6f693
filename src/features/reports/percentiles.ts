/**
 * Percentiles of durations, as Excel's PERCENTILE.INC (and numpy's default, R's type 7) computes
 * them, so a reader can check a figure against the exported sheet: sort the n values, take the
 * position h = (n − 1) · p (0-based) and interpolate linearly between the values at ⌊h⌋ and ⌈h⌉.
 * The median is p = 0.5 (the mean of the two middle values when n is even); the 90th percentile
 * p = 0.9. No values: undefined.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a percentile is between 0 and 1, got ${p}`);
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return percentileOfSorted(sorted, p);
}

/** The same on values already sorted ascending (not checked). */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.ceil(h);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (h - lower) * (high - low);
}

export interface DurationSummary {
  count: number;
  medianMinutes: number | undefined;
  p90Minutes: number | undefined;
}

/** Count, median and 90th percentile of durations given in minutes. */
export function summariseMinutes(minutes: readonly number[] | Float64Array): DurationSummary {
  // A typed array sorts numbers natively, without a comparison callback.
  const sorted = Float64Array.from(minutes).sort();
  return {
    count: sorted.length,
    medianMinutes: percentileOfSorted(sorted, 0.5),
    p90Minutes: percentileOfSorted(sorted, 0.9),
  };
}
