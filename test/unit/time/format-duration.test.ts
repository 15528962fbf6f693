import type { FormatDurationOptions } from '../../../src/core/time/format-duration.js';
import { formatDuration } from '../../../src/core/time/format-duration.js';

describe('formatDuration', () => {
  test.each<[number, string, string]>([
    [5, '5 menit', '5 minutes'],
    [1, '1 menit', '1 minute'],
    [30, '30 menit', '30 minutes'],
    [60, '1 jam', '1 hour'],
    [90, '1 jam 30 menit', '1 hour 30 minutes'],
    [121, '2 jam 1 menit', '2 hours 1 minute'],
    [0.5, '30 detik', '30 seconds'],
    [1 / 60, '1 detik', '1 second'],
    [1.25, '1 menit 15 detik', '1 minute 15 seconds'],
    [61.5, '1 jam 1 menit 30 detik', '1 hour 1 minute 30 seconds'],
    [0, '0 menit', '0 minutes'],
    [0.001, '0 menit', '0 minutes'],
    [-5, '-5 menit', '-5 minutes'],
  ])('%d minutes → "%s" / "%s"', (minutes, id, en) => {
    expect(formatDuration(minutes, 'id')).toBe(id);
    expect(formatDuration(minutes, 'en')).toBe(en);
  });

  test.each<[number, FormatDurationOptions, string]>([
    [10 / 60, { smallestUnit: 'minute' }, '1 menit'],
    [5.0001, { smallestUnit: 'minute' }, '5 menit'],
    [5.5, { smallestUnit: 'minute' }, '6 menit'],
    [59.9, { smallestUnit: 'minute' }, '1 jam'],
    [5.5, { smallestUnit: 'second' }, '5 menit 30 detik'],
  ])('%d minutes with %j → "%s"', (minutes, options, expected) => {
    expect(formatDuration(minutes, 'id', options)).toBe(expected);
  });

  test('rejects a non-finite duration', () => {
    expect(() => formatDuration(Number.NaN, 'en')).toThrow(RangeError);
  });
});
