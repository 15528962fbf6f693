import { ReportInputError } from '../../../../src/features/reports/report-errors.js';
import { parseReportPeriod } from '../../../../src/features/reports/report-period.js';

const NOW = new Date('2026-11-23T02:00:00Z'); // Monday 09:00 WIB

function problem(input: { from?: string; to?: string }): string {
  try {
    parseReportPeriod(input, 'Asia/Jakarta', NOW);
  } catch (error) {
    if (error instanceof ReportInputError) return error.code;
    throw error;
  }
  throw new Error('accepted');
}

describe('the report period', () => {
  test('whole local days: from local midnight to the midnight after the last day (WIB is UTC+7)', () => {
    const period = parseReportPeriod({ from: '2026-11-01', to: '2026-11-30' }, 'Asia/Jakarta', NOW);
    expect(period.from.toISOString()).toBe('2026-10-31T17:00:00.000Z');
    expect(period.to.toISOString()).toBe('2026-11-30T17:00:00.000Z');
  });

  test('without dates: the 30 days up to and including today', () => {
    const period = parseReportPeriod({}, 'Asia/Jakarta', NOW);
    expect([period.fromDate, period.toDate]).toEqual(['2026-10-25', '2026-11-23']);
  });

  test('bad input is a clear, typed error', () => {
    expect(problem({ from: '2026-02-30' })).toBe('bad-date');
    expect(problem({ to: '23-11-2026' })).toBe('bad-date');
    expect(problem({ from: '1999-12-31' })).toBe('date-out-of-range');
    expect(problem({ to: '2030-01-01' })).toBe('date-out-of-range');
    expect(problem({ from: '2026-11-10', to: '2026-11-01' })).toBe('from-after-to');
    expect(problem({ from: '2020-01-01', to: '2026-11-01' })).toBe('period-too-long');
  });
});
