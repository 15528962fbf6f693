import { escalationDueAt } from '../../../src/core/engine/time-standards.js';
import type { StepRun } from '../../../src/core/engine/types.js';
import { addOfficeMs, DEFAULT_OFFICE_CALENDAR } from '../../../src/core/time/index.js';
import { resolveSchedulerOptions } from '../../../src/scheduling/scheduler-options.js';
import {
  allTimerIds,
  parseTimerJobData,
  timerJobId,
  timerKey,
} from '../../../src/features/time-standards/timer-jobs.js';
import {
  DEFAULT_TIMER_POLICY,
  levelDueAt,
  planTimers,
} from '../../../src/features/time-standards/timer-plan.js';
import { createEngineHarness } from '../../support/engine-harness.js';

/** The SPSE flow in office time (Mon–Fri 07:30–16:00 WIB): what timers each run state calls for. */
const harness = createEngineHarness({
  dueAt: (start, ms) => addOfficeMs(DEFAULT_OFFICE_CALENDAR, start, ms),
});
const { flow } = harness;
const MIN = 60_000;

async function ctx() {
  return harness.service.context(flow);
}

/** A run of step 5 (input data PPK, 30 minutes) by Rina, started at `startedAt`. */
function dataEntryRun(startedAt: string, changes: Partial<StepRun> = {}): StepRun {
  const start = new Date(startedAt);
  return {
    runId: 'input-data-ppk#1',
    stepId: 'input-data-ppk',
    assigneeId: 'rina',
    startedAt,
    dueAt: addOfficeMs(DEFAULT_OFFICE_CALENDAR, start, 30 * MIN).toISOString(),
    checked: [],
    files: [],
    escalationLevel: 0,
    escalatedTo: [],
    ...changes,
  };
}

const iso = (d: Date | undefined) => d?.toISOString();

describe('planning step timers', () => {
  test('a new run gets its reminder at 80 % of the standard and its first escalation at the due time', async () => {
    const instance = await harness.start();
    const run = harness.openRun(instance);
    expect(run.stepId).toBe('agenda-surat-masuk');
    const plan = planTimers(await ctx(), instance.id, run, DEFAULT_TIMER_POLICY);
    const started = new Date(run.startedAt).getTime();
    expect(plan.map((s) => [s.data.kind, s.data.level, s.at.getTime() - started])).toEqual([
      ['reminder', 0, 4 * MIN],
      ['escalation', 1, 5 * MIN],
    ]);
    expect(plan.every((s) => s.data.instanceId === instance.id && s.data.runId === run.runId)).toBe(true);
  });

  test('in office time: a 30-minute step started Friday 15:50 WIB is reminded Monday 07:44 and escalated 07:50, 08:20', async () => {
    const run = dataEntryRun('2026-11-27T08:50:00.000Z');
    expect(run.dueAt).toBe('2026-11-30T00:50:00.000Z');
    const plan = planTimers(await ctx(), 'i1', run, DEFAULT_TIMER_POLICY);
    expect(plan.map((s) => [s.data.kind, s.data.level, iso(s.at)])).toEqual([
      ['reminder', 0, '2026-11-30T00:44:00.000Z'],
      ['escalation', 1, '2026-11-30T00:50:00.000Z'],
    ]);
    const next = planTimers(
      await ctx(),
      'i1',
      { ...run, reminderSent: true, escalationLevel: 1, escalatedTo: ['bambang'] },
      DEFAULT_TIMER_POLICY,
    );
    expect(next.map((s) => [s.data.kind, s.data.level, iso(s.at)])).toEqual([
      ['escalation', 2, '2026-11-30T01:20:00.000Z'],
    ]);
  });

  test('each further level follows its repeat factor, never sooner than the engine accepts', async () => {
    const context = await ctx();
    const run = dataEntryRun('2026-11-23T02:00:00.000Z', { reminderSent: true });
    const step = flow.steps.find((s) => s.id === 'input-data-ppk');
    if (!step?.standardMs) throw new Error('no step');
    for (const level of [1, 2, 3, 4]) {
      expect(iso(levelDueAt(context, flow, step.standardMs, run, level, [1]))).toBe(
        iso(escalationDueAt(context, flow, step, run, level)),
      );
    }
    // Level 2 two standards after level 1, level 3 and beyond three standards after the one before.
    const due = new Date(run.dueAt ?? '').getTime();
    expect(levelDueAt(context, flow, step.standardMs, run, 2, [2, 3]).getTime() - due).toBe(60 * MIN);
    expect(levelDueAt(context, flow, step.standardMs, run, 3, [2, 3]).getTime() - due).toBe(150 * MIN);
    expect(levelDueAt(context, flow, step.standardMs, run, 4, [2, 3]).getTime() - due).toBe(240 * MIN);
    // A factor under 1 cannot make an escalation earlier than the engine allows.
    expect(iso(levelDueAt(context, flow, step.standardMs, run, 2, [0.5]))).toBe(
      iso(escalationDueAt(context, flow, step, run, 2)),
    );
    const plan = planTimers(
      context,
      'i1',
      { ...run, escalationLevel: 1 },
      { reminderShare: 0.8, escalationRepeatFactors: [2] },
    );
    expect(plan.map((s) => [s.data.level, s.at.getTime() - due])).toEqual([[2, 60 * MIN]]);
  });

  test('a stopped clock, an ended run, a sent reminder or no superior left means no timer of that kind', async () => {
    const context = await ctx();
    const run = dataEntryRun('2026-11-23T02:00:00.000Z');
    expect(
      planTimers(context, 'i1', { ...run, pausedAt: '2026-11-23T02:10:00.000Z' }, DEFAULT_TIMER_POLICY),
    ).toEqual([]);
    expect(
      planTimers(context, 'i1', { ...run, endedAt: '2026-11-23T02:10:00.000Z' }, DEFAULT_TIMER_POLICY),
    ).toEqual([]);
    expect(planTimers(context, 'i1', { ...run, dueAt: null }, DEFAULT_TIMER_POLICY)).toEqual([]);
    expect(
      planTimers(context, 'i1', { ...run, reminderSent: true }, DEFAULT_TIMER_POLICY).map((s) => s.data.kind),
    ).toEqual(['escalation']);
    // Rina's chain: Bambang, Sari, Hendra, the Sekjen, the Menteri; above the fifth there is nobody.
    const chain = harness.org.superiorChain('rina').map((p) => p.id);
    expect(chain).toEqual(['bambang', 'sari', 'hendra', 'sekjen', 'menteri']);
    expect(
      planTimers(context, 'i1', { ...run, reminderSent: true, escalationLevel: 4 }, DEFAULT_TIMER_POLICY).map(
        (s) => s.data.level,
      ),
    ).toEqual([5]);
    expect(
      planTimers(context, 'i1', { ...run, reminderSent: true, escalationLevel: 5 }, DEFAULT_TIMER_POLICY),
    ).toEqual([]);
  });

  test('a restarted clock moves the reminder with the due time; a reassigned late run goes straight to escalation', async () => {
    const context = await ctx();
    const run = dataEntryRun('2026-11-23T02:00:00.000Z');
    const shifted = { ...run, dueAt: new Date(new Date(run.dueAt ?? '').getTime() + 17 * MIN).toISOString() };
    expect(
      planTimers(context, 'i1', shifted, DEFAULT_TIMER_POLICY).map((s) => [s.data.kind, iso(s.at)]),
    ).toEqual([
      ['reminder', '2026-11-23T02:41:00.000Z'],
      ['escalation', '2026-11-23T02:47:00.000Z'],
    ]);
    const inherited = {
      ...run,
      runId: 'input-data-ppk#2',
      assigneeId: 'fajar',
      startedAt: '2026-11-23T03:00:00.000Z',
    };
    expect(
      planTimers(context, 'i1', inherited, DEFAULT_TIMER_POLICY).map((s) => [
        s.data.kind,
        s.data.level,
        iso(s.at),
      ]),
    ).toEqual([['escalation', 1, run.dueAt]]);
  });
});

describe('timer job keys', () => {
  const data = {
    instanceId: '0123456789abcdef01234567',
    runId: 'telaah#1',
    kind: 'escalation' as const,
    level: 2,
  };

  test('one key, one id: the same timer scheduled twice is one job', () => {
    expect(timerKey(data)).toBe('timer:0123456789abcdef01234567:telaah#1:escalation:2');
    expect(timerJobId(data).toHexString()).toBe(timerJobId({ ...data }).toHexString());
    expect(timerJobId(data).toHexString()).not.toBe(timerJobId({ ...data, level: 3 }).toHexString());
    expect(timerJobId(data).toHexString()).not.toBe(timerJobId({ ...data, runId: 'telaah#2' }).toHexString());
    const ids = allTimerIds(data.instanceId, data.runId).map((id) => id.toHexString());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(timerJobId(data).toHexString());
  });

  test('job data from the database is checked before it is used', () => {
    expect(parseTimerJobData(data)).toEqual(data);
    expect(parseTimerJobData({ ...data, kind: 'other' })).toBeUndefined();
    expect(parseTimerJobData({ ...data, level: -1 })).toBeUndefined();
    expect(parseTimerJobData({ ...data, level: 1.5 })).toBeUndefined();
    expect(parseTimerJobData({ ...data, instanceId: 7 })).toBeUndefined();
    expect(parseTimerJobData(null)).toBeUndefined();
  });
});

describe('scheduler options', () => {
  test('a dead lock is taken over within a minute: lock lifetimes over 60 s are refused', () => {
    expect(resolveSchedulerOptions().lockLifetimeMs).toBeLessThanOrEqual(60_000);
    expect(resolveSchedulerOptions({ lockLifetimeMs: 60_000 }).lockLifetimeMs).toBe(60_000);
    expect(() => resolveSchedulerOptions({ lockLifetimeMs: 60_001 })).toThrow(/at most 60/);
    expect(() => resolveSchedulerOptions({ processEveryMs: 30_000, lockLifetimeMs: 30_000 })).toThrow(
      /shorter than/,
    );
  });
});
