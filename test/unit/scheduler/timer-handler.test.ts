import type { Instance } from '../../../src/core/engine/types.js';
import { createLogger } from '../../../src/logger.js';
import { AgendaStepTimers } from '../../../src/features/time-standards/agenda-step-timers.js';
import { DisruptionControl } from '../../../src/features/time-standards/disruption-control.js';
import { createTimerHandler, type TimerJob } from '../../../src/features/time-standards/timer-handler.js';
import type { TimerJobData, TimerSpec } from '../../../src/features/time-standards/timer-jobs.js';
import { DEFAULT_TIMER_POLICY } from '../../../src/features/time-standards/timer-plan.js';
import { createEngineHarness } from '../../support/engine-harness.js';
import { MemoryDisruptionStore } from '../../support/fakes/memory-time-standards.js';

/**
 * The job handler and the disruption sweep on the engine rig: in-memory ports and a manual
 * clock, so due times are passed by setting the clock, not by waiting.
 */
const MIN = 60_000;
const logger = createLogger('silent');

function rig() {
  const store = new MemoryDisruptionStore();
  // The service calls the timers, the timers ask the service: wired through a forwarder.
  const wired: { timers?: AgendaStepTimers } = {};
  const harness = createEngineHarness({
    disruptedSince: async () => (await store.current())?.since,
    timers: {
      runsStarted: (instance, runs) => wired.timers?.runsStarted(instance, runs) ?? Promise.resolve(),
      runsEnded: (instance, runs) => wired.timers?.runsEnded(instance, runs) ?? Promise.resolve(),
    },
  });
  const ensured: TimerSpec[] = [];
  const replaced: TimerSpec[] = [];
  const cancelled: string[] = [];
  const jobs = {
    ensure: (specs: readonly TimerSpec[]) => {
      ensured.push(...specs);
      return Promise.resolve(specs.length);
    },
    replace: (specs: readonly TimerSpec[]) => {
      replaced.push(...specs);
      return Promise.resolve();
    },
    cancelRuns: (runs: ReadonlyArray<{ runId: string }>) => {
      cancelled.push(...runs.map((r) => r.runId));
      return Promise.resolve();
    },
  };
  const timers = new AgendaStepTimers({
    service: harness.service,
    store: jobs,
    policy: DEFAULT_TIMER_POLICY,
    logger,
  });
  wired.timers = timers;
  const handle = createTimerHandler({
    service: harness.service,
    timers,
    store: jobs,
    logger,
    now: () => harness.clock.now(),
  });
  const control = new DisruptionControl({ store, service: harness.service, clock: harness.clock, logger });
  return { harness, handle, ensured, replaced, cancelled, control, timers };
}

function job(data: TimerJobData): TimerJob & { attrs: { data: TimerJobData; nextRunAt: Date | null } } {
  const fake = {
    attrs: { data, nextRunAt: null as Date | null },
    schedule(time: Date) {
      fake.attrs.nextRunAt = time;
      return fake;
    },
  };
  return fake;
}

function escalationsOf(instance: Instance) {
  return instance.events.filter((e) => e.type === 'escalated');
}

describe('the step timer handler', () => {
  test('an escalation runs once however often its job runs, and sets the next level', async () => {
    const { harness, handle, ensured } = rig();
    const instance = await harness.start();
    const run = harness.openRun(instance);
    // The new run got its reminder and first escalation.
    expect(ensured.map((s) => [s.data.runId, s.data.kind, s.data.level])).toEqual([
      [run.runId, 'reminder', 0],
      [run.runId, 'escalation', 1],
    ]);
    ensured.length = 0;
    harness.clock.set(run.dueAt ?? '');
    const data = { instanceId: instance.id, runId: run.runId, kind: 'escalation' as const, level: 1 };
    const first = job(data);
    await handle(first);
    await handle(job(data));
    const after = await harness.current(instance);
    expect(escalationsOf(after)).toMatchObject([{ data: { level: 1, to: 'agus' } }]);
    expect(
      [...harness.outbox.entries.values()].filter((e) =>
        e.prompt.lines.some((l) => l.key === 'notice-escalation'),
      ),
    ).toHaveLength(1);
    expect(first.attrs.nextRunAt).toBeNull();
    // Level 2 one standard (5 min) after level 1, asked for by both runs (the store keeps one).
    expect(
      ensured.map((s) => [s.data.kind, s.data.level, s.at.getTime() - new Date(run.dueAt ?? '').getTime()]),
    ).toEqual([
      ['escalation', 2, 5 * MIN],
      ['escalation', 2, 5 * MIN],
    ]);
  });

  test('reminder, escalation, second level: each job run at its planned instant on the manual clock', async () => {
    const { harness, handle, ensured } = rig();
    const instance = await harness.start();
    const run = harness.openRun(instance);
    const due = new Date(run.dueAt ?? '').getTime();
    const started = new Date(run.startedAt).getTime();
    const ran: string[] = [];
    // As the scheduler would: the earliest planned job runs when the clock reaches its instant.
    while (ran.length < 3) {
      const next = [...ensured].sort((a, b) => a.at.getTime() - b.at.getTime())[0];
      if (!next) break;
      ensured.splice(ensured.indexOf(next), 1);
      if (ran.includes(`${next.data.kind}:${next.data.level}`)) continue;
      harness.clock.set(next.at);
      await handle(job(next.data));
      ran.push(`${next.data.kind}:${next.data.level}`);
    }
    expect(ran).toEqual(['reminder:0', 'escalation:1', 'escalation:2']);
    const after = await harness.current(instance);
    const reminders = after.events.filter((e) => e.type === 'reminder-sent');
    expect(reminders.map((e) => [e.data?.['to'], new Date(e.at).getTime() - started])).toEqual([
      [run.assigneeId, 4 * MIN],
    ]);
    // Level 1 to the performer's superior at the due time, level 2 one level up a standard later.
    expect(
      escalationsOf(after).map((e) => [e.data?.['level'], e.data?.['to'], new Date(e.at).getTime() - due]),
    ).toEqual([
      [1, 'agus', 0],
      [2, 'hendra', 5 * MIN],
    ]);
    // Level 3 is planned next, one more standard later; nothing ran early.
    expect(ensured.map((s) => [s.data.kind, s.data.level, s.at.getTime() - due])).toContainEqual([
      'escalation',
      3,
      10 * MIN,
    ]);
  });

  test('a job that finds its due time moved later comes back then, without sending anything', async () => {
    const { harness, handle } = rig();
    const instance = await harness.start();
    const run = harness.openRun(instance);
    harness.clock.set(new Date(new Date(run.dueAt ?? '').getTime() - 1000));
    const early = job({ instanceId: instance.id, runId: run.runId, kind: 'escalation', level: 1 });
    await handle(early);
    expect(escalationsOf(await harness.current(instance))).toEqual([]);
    expect(early.attrs.nextRunAt?.toISOString()).toBe(run.dueAt);
  });

  test('a stopped clock makes the job finish quietly; the restart sets the timers at the moved due time', async () => {
    const { harness, handle, control, replaced, cancelled } = rig();
    const instance = await harness.start();
    const run = harness.openRun(instance);
    harness.clock.advance(2 * MIN);
    cancelled.length = 0;
    replaced.length = 0;
    expect(await control.start('hendra', 'SPSE mati')).toMatchObject({ ok: true, paused: 1 });
    expect(cancelled).toEqual([run.runId]);
    harness.clock.set(run.dueAt ?? '');
    const paused = job({ instanceId: instance.id, runId: run.runId, kind: 'escalation', level: 1 });
    await handle(paused);
    expect(paused.attrs.nextRunAt).toBeNull();
    expect(escalationsOf(await harness.current(instance))).toEqual([]);

    // A step that starts during the disruption starts stopped.
    const during = await harness.start('Diajukan saat gangguan');
    expect(harness.openRun(during).pausedAt).toBe(harness.openRun(during).startedAt);

    harness.clock.advance(40 * MIN);
    expect(await control.end('hendra')).toMatchObject({ ok: true, resumed: 2 });
    const resumed = harness.openRun(await harness.current(instance));
    // Stopped from 09:02 to 09:45: 43 minutes later than the original 09:05.
    expect(new Date(resumed.dueAt ?? '').getTime() - new Date(run.dueAt ?? '').getTime()).toBe(43 * MIN);
    expect(
      replaced.filter((s) => s.data.instanceId === instance.id).map((s) => [s.data.kind, s.at.toISOString()]),
    ).toEqual([
      ['reminder', new Date(new Date(run.startedAt).getTime() + 4 * MIN + 43 * MIN).toISOString()],
      ['escalation', resumed.dueAt],
    ]);
    // Ending it twice, or sweeping again with the same keys, changes nothing more.
    expect(await control.end('hendra')).toEqual({ ok: false });
    expect(await control.heal()).toBe(0);
    const events = (await harness.current(instance)).events.map((e) => e.type);
    expect(events.filter((t) => t === 'clock-paused')).toHaveLength(1);
    expect(events.filter((t) => t === 'clock-resumed')).toHaveLength(1);
  });

  test('at start, clocks left stopped without a declared disruption are restarted', async () => {
    const { harness, control } = rig();
    const instance = await harness.start();
    expect(await control.start('hendra', 'gangguan')).toMatchObject({ ok: true });
    // The disruption ends, but (a crash) without its sweep.
    await (control as unknown as { deps: { store: MemoryDisruptionStore } }).deps.store.end(
      harness.clock.now(),
      'hendra',
    );
    expect(harness.openRun(await harness.current(instance)).pausedAt).toBeDefined();
    expect(await control.heal()).toBe(1);
    expect(harness.openRun(await harness.current(instance)).pausedAt).toBeUndefined();
  });

  test('a reminder is sent once and plans nothing for itself again', async () => {
    const { harness, handle, ensured } = rig();
    const instance = await harness.start();
    const run = harness.openRun(instance);
    ensured.length = 0;
    harness.clock.advance(4 * MIN);
    const reminder = job({ instanceId: instance.id, runId: run.runId, kind: 'reminder', level: 0 });
    await handle(reminder);
    await handle(reminder);
    const after = await harness.current(instance);
    expect(after.events.filter((e) => e.type === 'reminder-sent')).toHaveLength(1);
    expect(reminder.attrs.nextRunAt).toBeNull();
    expect(ensured.every((s) => s.data.kind === 'escalation' && s.data.level === 1)).toBe(true);
  });

  test('a job with unusable data is dropped', async () => {
    const { harness, handle } = rig();
    const bad = job({ instanceId: 'x', runId: 'y', kind: 'escalation', level: 99 });
    await handle(bad);
    expect(bad.attrs.nextRunAt).toBeNull();
    expect(harness.outbox.entries.size).toBe(0);
  });
});
