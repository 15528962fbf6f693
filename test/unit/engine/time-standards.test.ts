import type { Command } from '../../../src/core/engine/commands.js';
import type { Instance, StepRun } from '../../../src/core/engine/types.js';
import type { ServiceResult } from '../../../src/core/service/sop-service.js';
import type { StepTimers } from '../../../src/core/service/step-timers.js';
import { addOfficeMs, DEFAULT_OFFICE_CALENDAR } from '../../../src/core/time/index.js';
import { DEFAULT_TIMER_POLICY, planTimers } from '../../../src/features/time-standards/timer-plan.js';
import { accepted, createEngineHarness, refusalOf } from '../../support/engine-harness.js';

/**
 * Time standards in the engine: a reminder is never sent after the escalation, and a reassigned
 * or taken-over step gives its new performer a fresh standard time. The SPSE flow in office time
 * (Mon–Fri 07:30–16:00 WIB); the harness clock starts Monday 23 November 2026, 09:00 WIB.
 */
const MIN = 60_000;

type Harness = ReturnType<typeof createEngineHarness>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Input = DistributiveOmit<Command, 'instanceId' | 'runId' | 'actorId' | 'channel' | 'idempotencyKey'> &
  Partial<Pick<Command, 'actorId' | 'runId' | 'idempotencyKey' | 'channel'>>;

/** Timers that remember every call. */
function recordingTimers(): StepTimers & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    runsStarted: (_instance, runs) => {
      calls.push(...runs.map((r) => `started ${r.runId} due ${String(r.dueAt)}`));
      return Promise.resolve();
    },
    runsEnded: (_instance, runs) => {
      calls.push(...runs.map((r) => `ended ${r.runId}`));
      return Promise.resolve();
    },
  };
}

function setup(overrides: Parameters<typeof createEngineHarness>[0] = {}) {
  const timers = recordingTimers();
  const h = createEngineHarness({
    timers,
    dueAt: (start, ms) => addOfficeMs(DEFAULT_OFFICE_CALENDAR, start, ms),
    ...overrides,
  });
  return { h, timers };
}

function openRun(instance: Instance): StepRun {
  const run = instance.runs.find((r) => !r.endedAt);
  if (!run) throw new Error('no open run');
  return run;
}

/** Sends a command on the open run: as its assignee, or as the system for the timers' commands. */
async function send(h: Harness, instance: Instance, input: Input): Promise<ServiceResult> {
  const open = openRun(await h.current(instance));
  const system = input.type === 'remind' || input.type === 'escalate' || input.type === 'pause';
  return h.service.act({
    instanceId: instance.id,
    runId: open.runId,
    actorId: system ? 'system' : (open.assigneeId ?? 'nobody'),
    channel: system ? 'system' : 'telegram',
    idempotencyKey: h.key(),
    ...input,
  });
}

async function ok(
  h: Harness,
  instance: Instance,
  input: Input,
): Promise<Extract<ServiceResult, { ok: true }>> {
  return accepted(await send(h, instance, input), input.type);
}

async function refused(h: Harness, instance: Instance, input: Input): Promise<string> {
  return refusalOf(await send(h, instance, input), input.type);
}

/** Registration, Kapus's and Kabid's dispositions: step 5 (input data PPK, 30 min) goes to Fajar. */
async function atDataEntry(h: Harness): Promise<Instance> {
  const instance = await h.start();
  await ok(h, instance, { type: 'complete' });
  await ok(h, instance, { type: 'dispose', recipientIds: ['sari'], instructionId: 'tindak-lanjut' });
  await ok(h, instance, { type: 'dispose', recipientIds: ['dewi'], instructionId: 'tindak-lanjut' });
  const current = await h.current(instance);
  expect(openRun(current)).toMatchObject({
    runId: 'input-data-ppk#1',
    assigneeId: 'fajar',
    dueAt: '2026-11-23T02:30:00.000Z',
  });
  return current;
}

describe('no reminder after the escalation', () => {
  test('a reminder that comes after the escalation is refused and changes nothing', async () => {
    const { h, timers } = setup();
    const instance = await h.start();
    // The registration (5 minutes) is late: it is escalated to Tuti's superior, Agus.
    h.clock.advance(6 * MIN);
    await ok(h, instance, { type: 'escalate', level: 1 });
    const before = await h.current(instance);
    expect(openRun(before)).toMatchObject({ escalationLevel: 1, escalatedTo: ['agus'] });
    expect(openRun(before).reminderSent).toBeUndefined();
    const prompts = h.outbox.prompts().length;
    const calls = timers.calls.length;

    const result = await send(h, instance, { type: 'remind' });
    expect(result).toEqual({
      ok: false,
      refusal: {
        code: 'reminder-after-escalation',
        message: { key: 'refusal-reminder-after-escalation' },
      },
    });
    expect(await h.current(instance)).toEqual(before);
    expect(h.outbox.prompts()).toHaveLength(prompts);
    expect(timers.calls).toHaveLength(calls);
  });

  test('a reminder in time is sent; the same reminder again after the escalation is a duplicate', async () => {
    const { h } = setup();
    const instance = await h.start();
    h.clock.advance(4 * MIN);
    const sent = await ok(h, instance, { type: 'remind', idempotencyKey: 'timer:reminder' });
    expect(sent).toMatchObject({ duplicate: false, reply: { key: 'reply-reminded' } });
    h.clock.advance(2 * MIN);
    await ok(h, instance, { type: 'escalate', level: 1 });
    const before = await h.current(instance);

    // Idempotency comes first, as before: the same key gets the same reply, and nothing changes.
    const again = await ok(h, instance, { type: 'remind', idempotencyKey: 'timer:reminder' });
    expect(again).toMatchObject({ duplicate: true, reply: { key: 'reply-reminded' } });
    // A reminder already sent is still refused as such.
    expect(await refused(h, instance, { type: 'remind' })).toBe('already-reminded');
    expect(await h.current(instance)).toEqual(before);
    expect(before.events.filter((e) => e.type === 'reminder-sent')).toHaveLength(1);
  });

  test('after a reassignment the new performer can be reminded again', async () => {
    const { h } = setup();
    const instance = await atDataEntry(h);
    h.clock.set(new Date('2026-11-23T02:31:00.000Z'));
    await ok(h, instance, { type: 'escalate', level: 1 });
    expect(await refused(h, instance, { type: 'remind' })).toBe('reminder-after-escalation');
    await ok(h, instance, { type: 'reassign', toPersonId: 'rina', actorId: 'dewi' });
    // 80 % of Rina's fresh 30 minutes.
    h.clock.advance(24 * MIN);
    await ok(h, instance, { type: 'remind' });
    const saved = await h.current(instance);
    expect(saved.events.filter((e) => e.type === 'reminder-sent')).toEqual([
      expect.objectContaining({ runId: 'input-data-ppk#2', data: { to: 'rina' } }),
    ]);
  });
});

describe('reassigning or taking over gives the new performer a fresh standard time', () => {
  test('a late step reassigned at 15:50 WIB is due the next office morning, not at once', async () => {
    const { h, timers } = setup();
    const instance = await atDataEntry(h);
    // Fajar is late (due 09:30 WIB): escalated to Dewi, who reassigns it to Rina at 15:50 WIB.
    h.clock.set(new Date('2026-11-23T08:50:00.000Z'));
    await ok(h, instance, { type: 'escalate', level: 1 });
    expect(openRun(await h.current(instance)).escalatedTo).toEqual(['dewi']);
    timers.calls.length = 0;
    await ok(h, instance, { type: 'reassign', toPersonId: 'rina', actorId: 'dewi' });

    const saved = await h.current(instance);
    // 30 minutes in office time: 10 before 16:00 on Monday, 20 from 07:30 on Tuesday.
    const freshDue = '2026-11-24T00:50:00.000Z';
    const run = openRun(saved);
    expect(run).toMatchObject({
      runId: 'input-data-ppk#2',
      assigneeId: 'rina',
      startedAt: '2026-11-23T08:50:00.000Z',
      dueAt: freshDue,
      escalationLevel: 0,
      escalatedTo: [],
    });
    expect(run.reminderSent).toBeUndefined();
    expect(run.pausedAt).toBeUndefined();
    expect(saved.events.find((e) => e.type === 'reassigned')).toMatchObject({
      actorId: 'dewi',
      runId: 'input-data-ppk#1',
      data: { from: 'fajar', to: 'rina', dueAt: freshDue },
    });
    expect(saved.events.at(-1)).toMatchObject({
      type: 'step-started',
      runId: 'input-data-ppk#2',
      data: { assigneeId: 'rina', dueAt: freshDue },
    });
    expect(timers.calls).toEqual(['ended input-data-ppk#1', `started input-data-ppk#2 due ${freshDue}`]);

    // Not escalated to Rina's superior straight away, nor before her new due time.
    expect(await refused(h, instance, { type: 'escalate', level: 1 })).toBe('not-due-yet');
    h.clock.set(new Date('2026-11-24T00:49:00.000Z'));
    expect(await refused(h, instance, { type: 'escalate', level: 1 })).toBe('not-due-yet');
    h.clock.set(new Date(freshDue));
    await ok(h, instance, { type: 'escalate', level: 1 });
    expect(openRun(await h.current(instance))).toMatchObject({
      escalationLevel: 1,
      escalatedTo: ['bambang'],
    });
  });

  test("the scheduler plans the new run's timers from its fresh start and due time", async () => {
    const { h } = setup();
    const instance = await atDataEntry(h);
    h.clock.set(new Date('2026-11-23T08:50:00.000Z'));
    await ok(h, instance, { type: 'escalate', level: 1 });
    await ok(h, instance, { type: 'reassign', toPersonId: 'rina', actorId: 'dewi' });
    const run = openRun(await h.current(instance));
    const plan = planTimers(await h.service.context(h.flow), instance.id, run, DEFAULT_TIMER_POLICY);
    expect(plan.map((s) => [s.data.runId, s.data.kind, s.data.level, s.at.toISOString()])).toEqual([
      // 24 minutes (80 %) in office time: 10 on Monday, 14 on Tuesday.
      ['input-data-ppk#2', 'reminder', 0, '2026-11-24T00:44:00.000Z'],
      ['input-data-ppk#2', 'escalation', 1, '2026-11-24T00:50:00.000Z'],
    ]);
  });

  test('taking over: the superior gets the full standard time; escalation goes to their own superior', async () => {
    const { h } = setup();
    const instance = await h.start();
    h.clock.advance(10 * MIN);
    await ok(h, instance, { type: 'escalate', level: 1 });
    expect(openRun(await h.current(instance)).escalatedTo).toEqual(['agus']);
    await ok(h, instance, { type: 'take-over', actorId: 'agus' });

    const saved = await h.current(instance);
    const freshDue = '2026-11-23T02:15:00.000Z';
    expect(openRun(saved)).toMatchObject({
      runId: 'agenda-surat-masuk#2',
      assigneeId: 'agus',
      dueAt: freshDue,
      escalationLevel: 0,
      escalatedTo: [],
    });
    expect(saved.events.find((e) => e.type === 'taken-over')).toMatchObject({
      actorId: 'agus',
      data: { from: 'tuti', to: 'agus', dueAt: freshDue },
    });
    h.clock.advance(4 * MIN);
    expect(await refused(h, instance, { type: 'escalate', level: 1 })).toBe('not-due-yet');
    h.clock.advance(MIN);
    await ok(h, instance, { type: 'escalate', level: 1 });
    // The Kasubbag TU's superior is the Kapus, who heads the centre Tata Usaha sits in (not a
    // Kabid of a sibling division).
    expect(openRun(await h.current(instance)).escalatedTo).toEqual(['hendra']);
  });

  test('during a declared disruption the new run starts with its clock stopped, like any new run', async () => {
    let disruptedSince: Date | undefined;
    const { h } = setup({ disruptedSince: () => Promise.resolve(disruptedSince) });
    const instance = await atDataEntry(h);
    // Declared at 09:10 WIB: Fajar's clock is stopped (as the disruption sweep does).
    disruptedSince = new Date('2026-11-23T02:10:00.000Z');
    h.clock.set(disruptedSince);
    await ok(h, instance, { type: 'pause' });
    h.clock.set(new Date('2026-11-23T03:00:00.000Z'));
    await ok(h, instance, { type: 'reassign', toPersonId: 'rina', actorId: 'sari' });

    const run = openRun(await h.current(instance));
    expect(run).toMatchObject({
      runId: 'input-data-ppk#2',
      assigneeId: 'rina',
      dueAt: '2026-11-23T03:30:00.000Z',
      pausedAt: '2026-11-23T03:00:00.000Z',
    });
    // Nothing to plan while the clock stands still; the end of the disruption restarts it.
    expect(planTimers(await h.service.context(h.flow), instance.id, run, DEFAULT_TIMER_POLICY)).toEqual([]);
    disruptedSince = undefined;
    h.clock.set(new Date('2026-11-23T04:00:00.000Z'));
    await ok(h, instance, { type: 'resume', actorId: 'system', channel: 'system' });
    expect(openRun(await h.current(instance)).dueAt).toBe('2026-11-23T04:30:00.000Z');
  });
});
