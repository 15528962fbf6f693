import { DurationParseError } from '../../../src/core/time/errors.js';
import {
  durationMsSchema,
  parseDurationMinutes,
  parseDurationMs,
} from '../../../src/core/time/parse-duration.js';

describe('parseDurationMs', () => {
  test.each<[string, number]>([
    ['5m', 5 * 60_000],
    ['30m', 30 * 60_000],
    ['1h', 3_600_000],
    ['1h30m', 90 * 60_000],
    ['1h 30m', 90 * 60_000],
    ['90s', 90_000],
    ['1m30s', 90_000],
    ['2h15m10s', (2 * 3600 + 15 * 60 + 10) * 1000],
    ['  15m ', 15 * 60_000],
    ['60M', 60 * 60_000],
  ])('%j → %d ms', (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });

  test.each<[string, number]>([
    ['5m', 5],
    ['90s', 1.5],
    ['1h', 60],
  ])('parseDurationMinutes(%j) → %d', (text, minutes) => {
    expect(parseDurationMinutes(text)).toBe(minutes);
  });

  test.each<[string, string]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['2d', 'use hours (h), minutes (m) and seconds (s)'],
    ['30', 'a unit is missing'],
    ['1.5h', 'e.g. 5m'],
    ['-5m', 'e.g. 5m'],
    ['30m1h', 'e.g. 5m'],
    ['5 menit', 'e.g. 5m'],
    ['m', 'e.g. 5m'],
    ['0m', 'longer than zero'],
    ['0h0m0s', 'longer than zero'],
  ])('%j is rejected (%s)', (text, reason) => {
    let caught: unknown;
    try {
      parseDurationMs(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DurationParseError);
    const error = caught as DurationParseError;
    expect(error.code).toBe('INVALID_DURATION');
    expect(error.input).toBe(text);
    expect(error.message).toContain(JSON.stringify(text));
    expect(error.message).toContain(reason);
  });
});

describe('durationMsSchema', () => {
  test('turns a duration string into milliseconds', () => {
    expect(durationMsSchema.parse('1h30m')).toBe(5_400_000);
  });

  test('reports a bad duration as a zod issue', () => {
    const result = durationMsSchema.safeParse('2d');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('Invalid duration "2d"');
  });
});
