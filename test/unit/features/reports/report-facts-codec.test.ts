import { decodeAttempts, encodeAttempts } from '../../../../src/features/reports/report-facts-codec.js';
import type { AttemptFact } from '../../../../src/features/reports/step-attempts.js';

const START = Date.parse('2026-11-23T02:00:00.123Z');

const attempts: AttemptFact[] = [
  {
    stepId: 'agenda-surat-masuk',
    startMs: START,
    endMs: START + 240_000,
    performerId: 'tuti',
    reminders: 1,
    escalations: 2,
    returned: false,
    rerun: true,
    paused: [
      [START + 10_000, START + 70_000],
      [START + 100_000, START + 100_001],
    ],
  },
  {
    stepId: 'periksa-draft',
    startMs: START + 240_000,
    endMs: START + 240_000,
    performerId: null,
    reminders: 0,
    escalations: 0,
    returned: true,
    rerun: false,
    paused: [],
  },
  // Not possible with today's org schema, kept working all the same.
  {
    ...({} as AttemptFact),
    stepId: 'a b',
    startMs: 0,
    endMs: 5,
    performerId: 'x\ny%z',
    reminders: 0,
    escalations: 0,
    returned: true,
    rerun: true,
    paused: [],
  },
];

describe('the report facts encoding', () => {
  test('decodes what it encodes, exactly', () => {
    expect(decodeAttempts(encodeAttempts(attempts))).toEqual(attempts);
    expect(decodeAttempts(encodeAttempts([]))).toEqual([]);
  });

  test('one line per attempt, base-36 times', () => {
    const lines = encodeAttempts(attempts.slice(0, 2)).split('\n');
    expect(lines).toHaveLength(2);
    const b36 = (n: number) => n.toString(36);
    expect(lines[0]).toBe(
      `agenda-surat-masuk ${b36(START)} ${b36(240_000)} tuti 1 2 2 ${[10_000, 70_000, 100_000, 100_001].map(b36).join(',')}`,
    );
    expect(lines[1]).toBe(`periksa-draft ${(START + 240_000).toString(36)} 0  0 0 1 `);
  });
});
