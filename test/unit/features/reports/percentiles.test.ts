import { percentile, summariseMinutes } from '../../../../src/features/reports/percentiles.js';

describe('percentiles (PERCENTILE.INC: linear between closest ranks)', () => {
  test('median of an even count is the mean of the middle two; of an odd count the middle one', () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([5, 1, 3], 0.5)).toBe(3);
  });

  test('the 90th percentile interpolates: [1..10] gives 9.1, [10, 20] gives 19', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
    expect(percentile([20, 10], 0.9)).toBeCloseTo(19, 12);
  });

  test('one value is every percentile; none is undefined; 0 and 1 are the extremes', () => {
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeUndefined();
    expect(percentile([3, 9, 1], 0)).toBe(1);
    expect(percentile([3, 9, 1], 1)).toBe(9);
  });

  test('a percentile outside 0..1 is refused', () => {
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  test('the summary sorts numerically, not as text', () => {
    expect(summariseMinutes([100, 9, 20])).toEqual({ count: 3, medianMinutes: 20, p90Minutes: 84 });
  });
});
