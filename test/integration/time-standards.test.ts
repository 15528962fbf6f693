import type { App } from '../../src/app.js';
import { createDelegationCommand } from '../../src/features/time-standards/delegation-command.js';
import { createDisruptionChatCommand } from '../../src/features/time-standards/disruption-command.js';
import type { TimerJobData } from '../../src/features/time-standards/timer-jobs.js';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../src/storage/embedded-mongo.js';
import {
  current,
  eventsOfType,
  outboxPrompts,
  sleep,
  startRequest,
  startTimeStandardsApp,
  testFlowsDir,
  timerJobs,
  timeStandardsOf,
  waitFor,
} from '../support/time-standards-rig.js';

/**
 * Reminders and escalations on the real app, with Agenda on the embedded MongoDB-wire server,
 * for a flow whose standard time is 3 seconds on an office that never closes.
 */
const STANDARD_MS = 3000;
const flows = testFlowsDir('3s');
afterAll(() => flows.remove());

const ms = (iso: string | null | undefined) => new Date(iso ?? 0).getTime();
const READER = { locale: 'id', timeZone: 'Asia/Jakarta' } as const;

/** /wakil as the feature contributes it, on the app's own delegation store and clock. */
function wakilOf(app: App) {
  const delegations = timeStandardsOf(app)?.delegations;
  if (!delegations) throw new Error('time standards not installed');
  return createDelegationCommand({ store: delegations, org: () => app.service.org, clock: app.clock });
}

describe('step timers on one service', () => {
  let app: App;

  beforeAll(async () => {
    app = await startTimeStandardsApp({ flowsDir: flows.dir });
  });

  afterAll(async () => {
    await app?.stop();
  });

  test('a late step is reminded at 80 %, escalated at its due time and one standard later one level up; done, its timers go', async () => {
    const started = await startRequest(app, 'Eskalasi dua tingkat');
    const run = started.runs.find((r) => r.stepId === 'telaah' && !r.endedAt);
    if (!run?.dueAt) throw new Error('no timed run');
    expect(run.assigneeId).toBe('rina');
    const start = ms(run.startedAt);
    expect(ms(run.dueAt) - start).toBe(STANDARD_MS);

    // Both timers exist at once, keyed by (instance, run, kind, level), at the planned instants.
    const jobs = (await timerJobs(app, { 'data.instanceId': started.id })).map((j) => ({
      data: j['data'] as TimerJobData,
      at: (j['nextRunAt'] as Date).getTime(),
    }));
    expect(jobs.map((j) => `${j.data.kind}:${j.data.level}`).sort()).toEqual(['escalation:1', 'reminder:0']);
    expect(jobs.find((j) => j.data.kind === 'reminder')?.at).toBe(start + 0.8 * STANDARD_MS);
    expect(jobs.find((j) => j.data.kind === 'escalation')?.at).toBe(ms(run.dueAt));

    const second = await waitFor(
      async () =>
        eventsOfType(await current(app, started.id), 'escalated').find((e) => e.data?.['level'] === 2),
      20_000,
      'the second-level escalation',
    );
    let instance = await current(app, started.id);
    const reminders = eventsOfType(instance, 'reminder-sent');
    const escalations = eventsOfType(instance, 'escalated');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.data?.['to']).toBe('rina');
    expect(ms(reminders[0]?.at)).toBeGreaterThanOrEqual(start + 0.8 * STANDARD_MS);
    expect(escalations.map((e) => [e.data?.['level'], e.data?.['to'], e.actorId])).toEqual([
      [1, 'bambang', 'system'],
      [2, 'sari', 'system'],
    ]);
    // Never early: level 1 at or after the due time, level 2 at or after one more standard period.
    expect(ms(escalations[0]?.at)).toBeGreaterThanOrEqual(ms(run.dueAt));
    expect(ms(second.at)).toBeGreaterThanOrEqual(ms(run.dueAt) + STANDARD_MS);

    // The superiors got the escalation (with its buttons), the performer was told, each once.
    const prompts = await outboxPrompts(app, started.id);
    const withKey = (key: string, to: string) =>
      prompts.filter((p) => p.to === to && p.lines.some((l) => l.key === key));
    expect(withKey('notice-reminder', 'rina')).toHaveLength(1);
    expect(withKey('notice-escalation', 'bambang')).toHaveLength(1);
    expect(withKey('notice-escalation', 'sari')).toHaveLength(1);
    expect(withKey('notice-escalated-to-superior', 'rina')).toHaveLength(2);
    expect(
      prompts.find((p) => p.to === 'bambang' && p.lines.some((l) => l.key === 'notice-escalation')),
    ).toMatchObject({
      actions: [{ id: 'esc-nudge' }, { id: 'esc-reassign' }, { id: 'esc-takeover' }],
    });

    // Level 3 is planned; Rina finishes the step, and every timer of her run is gone.
    await waitFor(
      async () =>
        (await timerJobs(app, { 'data.runId': run.runId, 'data.instanceId': started.id, 'data.level': 3 }))
          .length === 1,
      5000,
      'level 3 to be planned',
    );
    const approved = await app.service.act({
      type: 'approve',
      instanceId: started.id,
      runId: run.runId,
      actorId: 'rina',
      channel: 'telegram',
      idempotencyKey: 'rina-approves',
    });
    expect(approved.ok).toBe(true);
    expect(await timerJobs(app, { 'data.runId': run.runId, 'data.instanceId': started.id })).toEqual([]);
    // The next step (Bambang's approval) has its own timers.
    const next = (await current(app, started.id)).runs.find((r) => r.stepId === 'setujui' && !r.endedAt);
    expect(next?.assigneeId).toBe('bambang');
    expect((await timerJobs(app, { 'data.runId': next?.runId, 'data.instanceId': started.id })).length).toBe(
      2,
    );

    // Past the time level 3 was due, nothing more was sent for Rina's run.
    await sleep(Math.max(0, ms(run.dueAt) + 2 * STANDARD_MS + 500 - Date.now()));
    instance = await current(app, started.id);
    expect(eventsOfType(instance, 'escalated').filter((e) => e.runId === run.runId)).toHaveLength(2);
  });

  test('timers ensured together go in one insert and each caller counts only its own new ones', async () => {
    const scheduler = timeStandardsOf(app)?.scheduler;
    if (!scheduler) throw new Error('feature not installed');
    const started = await startRequest(app, 'Bersamaan');
    const run = started.runs.find((r) => r.stepId === 'telaah' && !r.endedAt);
    if (!run) throw new Error('no open run');
    const [reminder, escalation] = await scheduler.timers.plan(started, [run]);
    if (!reminder || !escalation) throw new Error('expected two timers');
    await scheduler.store.cancelRuns([{ instanceId: started.id, runId: run.runId }]);
    const counts = await Promise.all([
      scheduler.store.ensure([reminder]),
      scheduler.store.ensure([reminder, escalation]),
      scheduler.store.ensure([escalation]),
    ]);
    expect(counts).toEqual([1, 1, 0]);
    expect(await timerJobs(app, { 'data.instanceId': started.id })).toHaveLength(2);
  });

  test('setting the same timers again, even at once, leaves one job per (instance, run, kind, level)', async () => {
    const scheduler = timeStandardsOf(app)?.scheduler;
    if (!scheduler) throw new Error('feature not installed');
    const started = await startRequest(app, 'Dua kali dijadwalkan');
    const run = started.runs.find((r) => r.stepId === 'telaah' && !r.endedAt);
    if (!run) throw new Error('no open run');
    const specs = await scheduler.timers.plan(started, [run]);
    expect(specs).toHaveLength(2);
    await Promise.all([
      scheduler.store.replace(specs),
      scheduler.store.replace(specs),
      scheduler.store.ensure(specs),
    ]);
    await scheduler.timers.runsStarted(started, [run]);
    expect(await scheduler.store.ensure(specs)).toBe(0);
    const jobs = await timerJobs(app, { 'data.instanceId': started.id });
    expect(jobs.map((j) => `${String((j['data'] as TimerJobData).kind)}`).sort()).toEqual([
      'escalation',
      'reminder',
    ]);
    // Moving them (a replace with a later time) moves the one job, it does not add another.
    const later = specs.map((s) => ({ ...s, at: new Date(s.at.getTime() + 60_000) }));
    await scheduler.store.replace(later);
    const moved = await timerJobs(app, { 'data.instanceId': started.id });
    expect(moved.map((j) => (j['nextRunAt'] as Date).getTime()).sort()).toEqual(
      later.map((s) => s.at.getTime()).sort(),
    );
    await scheduler.store.cancelRuns([{ instanceId: started.id, runId: run.runId }]);
    expect(await timerJobs(app, { 'data.instanceId': started.id })).toEqual([]);
  });

  test('a disruption stops every open clock and its end restarts them, due times moved by the time stood still', async () => {
    const control = timeStandardsOf(app)?.disruptions;
    if (!control) throw new Error('feature not installed');
    const before = await startRequest(app, 'Sebelum gangguan');
    const run = before.runs.find((r) => r.stepId === 'telaah' && !r.endedAt);
    if (!run?.dueAt) throw new Error('no timed run');

    const declared = await control.start('hendra', 'SPSE tidak dapat diakses');
    expect(declared).toMatchObject({ ok: true });
    expect(declared.ok && declared.paused).toBeGreaterThanOrEqual(1);
    let instance = await current(app, before.id);
    const pausedRun = instance.runs.find((r) => r.runId === run.runId);
    expect(pausedRun?.pausedAt).toBeDefined();
    expect(eventsOfType(instance, 'clock-paused')).toMatchObject([
      { actorId: 'system', channel: 'system', data: { note: 'SPSE tidak dapat diakses' } },
    ]);
    expect(await timerJobs(app, { 'data.instanceId': before.id })).toEqual([]);
    // A second declaration is refused while this one lasts.
    expect(await control.start('hendra', 'lagi')).toMatchObject({ ok: false });

    // A step that starts during the disruption starts with its clock stopped and no timers.
    const during = await startRequest(app, 'Selama gangguan');
    const duringRun = during.runs.find((r) => r.stepId === 'telaah' && !r.endedAt);
    expect(duringRun?.pausedAt).toBe(duringRun?.startedAt);
    expect(await timerJobs(app, { 'data.instanceId': during.id })).toEqual([]);

    // The old due time passes while the clock stands still: nothing is sent.
    await sleep(Math.max(0, ms(run.dueAt) + 300 - Date.now()));
    expect(eventsOfType(await current(app, before.id), 'escalated')).toEqual([]);

    const ended = await control.end('hendra');
    expect(ended).toMatchObject({ ok: true });
    expect(ended.ok && ended.resumed).toBeGreaterThanOrEqual(2);
    instance = await current(app, before.id);
    const resumed = eventsOfType(instance, 'clock-resumed')[0];
    const paused = eventsOfType(instance, 'clock-paused')[0];
    const shiftedDue = ms(run.dueAt) + (ms(resumed?.at) - ms(paused?.at));
    expect(ms(instance.runs.find((r) => r.runId === run.runId)?.dueAt)).toBe(shiftedDue);
    expect(resumed?.data?.['dueAt']).toBe(new Date(shiftedDue).toISOString());
    const escalationJob = (
      await timerJobs(app, { 'data.instanceId': before.id, 'data.kind': 'escalation' })
    )[0];
    expect((escalationJob?.['nextRunAt'] as Date).getTime()).toBe(shiftedDue);

    const duringNow = await current(app, during.id);
    const duringResumed = duringNow.runs.find((r) => r.runId === duringRun?.runId);
    expect(duringResumed?.pausedAt).toBeUndefined();
    expect(ms(duringResumed?.dueAt)).toBe(ms(eventsOfType(duringNow, 'clock-resumed')[0]?.at) + STANDARD_MS);

    // The escalation comes at the moved due time, not the old one.
    const escalated = await waitFor(
      async () => eventsOfType(await current(app, before.id), 'escalated')[0],
      15_000,
      'the escalation after the disruption',
    );
    expect(ms(escalated.at)).toBeGreaterThanOrEqual(shiftedDue);
    expect(await control.end('hendra')).toEqual({ ok: false });
    await control.start('hendra', 'bersih-bersih').then(() => control.end('hendra'));
  });

  test('tasks and escalations meant for someone away go to their delegate, and the trail names both', async () => {
    const wakil = wakilOf(app);
    const ask = (personId: string, args: string) =>
      wakil({ personId, args, platform: 'telegram', userId: `u-${personId}`, reader: READER });

    expect((await ask('rina', 'fajar 3')).lines).toMatchObject([
      { key: 'wakil-set', params: { name: 'Fajar Nugroho', days: 3 } },
    ]);
    expect((await ask('bambang', 'agus 1')).lines[0]?.key).toBe('wakil-set');
    expect((await ask('rina', '')).lines).toMatchObject([
      { key: 'wakil-current', params: { name: 'Fajar Nugroho' } },
      { key: 'wakil-usage' },
    ]);
    expect((await ask('fajar', '')).lines).toMatchObject([
      { key: 'wakil-none' },
      { key: 'wakil-standing-in', params: { names: 'Rina Wulandari' } },
      { key: 'wakil-usage' },
    ]);

    const started = await startRequest(app, 'Selama cuti');
    const run = started.runs.find((r) => r.stepId === 'telaah' && !r.endedAt);
    expect(run).toMatchObject({ assigneeId: 'fajar', delegatedFrom: 'rina' });
    expect(eventsOfType(started, 'step-started').find((e) => e.runId === run?.runId)?.data).toMatchObject({
      assigneeId: 'fajar',
      delegatedFrom: 'rina',
    });

    // The escalation goes to Bambang's delegate Agus, on Bambang's behalf; the reminder to Fajar.
    const escalated = await waitFor(
      async () => eventsOfType(await current(app, started.id), 'escalated')[0],
      15_000,
      'the escalation to the delegate',
    );
    expect(escalated.data).toMatchObject({ level: 1, to: 'agus', onBehalfOf: 'bambang' });
    expect(eventsOfType(await current(app, started.id), 'reminder-sent')[0]?.data).toMatchObject({
      to: 'fajar',
    });
    const prompts = await outboxPrompts(app, started.id);
    expect(
      prompts.filter((p) => p.to === 'agus' && p.lines.some((l) => l.key === 'notice-escalation')),
    ).toHaveLength(1);
    expect(
      prompts.filter((p) => p.to === 'bambang' && p.lines.some((l) => l.key === 'notice-escalation')),
    ).toHaveLength(0);

    // Fajar approves for Rina: the event records on whose behalf.
    const approved = await app.service.act({
      type: 'approve',
      instanceId: started.id,
      runId: run?.runId ?? '',
      actorId: 'fajar',
      channel: 'telegram',
      idempotencyKey: 'fajar-approves',
    });
    expect(approved.ok).toBe(true);
    expect(eventsOfType(await current(app, started.id), 'approved')[0]).toMatchObject({
      actorId: 'fajar',
      onBehalfOf: 'rina',
    });

    // Ended, tasks go to Rina again.
    expect((await ask('rina', 'batal')).lines).toEqual([{ key: 'wakil-ended' }]);
    expect((await ask('bambang', 'batal')).lines).toEqual([{ key: 'wakil-ended' }]);
    const after = await startRequest(app, 'Setelah cuti');
    expect(after.runs.find((r) => r.stepId === 'telaah')?.assigneeId).toBe('rina');
  });

  test('/wakil refuses a bad number of days, an unknown person and oneself', async () => {
    const wakil = wakilOf(app);
    const ask = (args: string) =>
      wakil({ personId: 'dewi', args, platform: 'telegram', userId: 'u-dewi', reader: READER });
    expect((await ask('fajar 0')).lines[0]?.key).toBe('wakil-bad-days');
    expect((await ask('fajar 31')).lines[0]?.key).toBe('wakil-bad-days');
    expect((await ask('fajar dua')).lines[0]?.key).toBe('wakil-bad-days');
    expect((await ask('siapa 2')).lines).toEqual([{ key: 'wakil-unknown-person', params: { id: 'siapa' } }]);
    expect((await ask('dewi 2')).lines).toEqual([{ key: 'wakil-self' }]);
    expect((await ask('fajar')).lines[0]?.key).toBe('wakil-usage');
    expect((await ask('batal')).lines).toEqual([{ key: 'wakil-none' }]);
    expect(await timeStandardsOf(app)?.delegations.activeAt(new Date())).toEqual([]);
  });

  test('/gangguan is for admins only', async () => {
    const control = timeStandardsOf(app)?.disruptions;
    if (!control) throw new Error('time standards not installed');
    const gangguan = createDisruptionChatCommand({ control, org: () => app.service.org });
    const ask = (personId: string, args: string) =>
      gangguan({ personId, args, platform: 'telegram', userId: `u-${personId}`, reader: READER });
    expect((await ask('rina', 'mulai server mati')).lines).toEqual([{ key: 'disruption-admins-only' }]);
    expect(await timeStandardsOf(app)?.disruptions.current()).toBeUndefined();
    expect((await ask('hendra', '')).lines).toEqual([
      { key: 'disruption-status-off' },
      { key: 'disruption-usage' },
    ]);
    expect((await ask('hendra', 'mulai server mati')).lines).toMatchObject([
      { key: 'disruption-started', params: { note: 'server mati', by: 'hendra' } },
    ]);
    expect((await ask('hendra', '')).lines[0]).toMatchObject({
      key: 'disruption-status-on',
      params: { note: 'server mati' },
    });
    expect((await ask('hendra', 'selesai')).lines[0]?.key).toBe('disruption-ended');
    expect((await ask('hendra', 'selesai')).lines).toEqual([{ key: 'disruption-not-on' }]);
  });
});

describe('a restart', () => {
  let mongo: EmbeddedMongo;
  const apps: App[] = [];

  beforeAll(async () => {
    mongo = await startEmbeddedMongo({ database: 'pandu-restart' });
  });

  afterAll(async () => {
    for (const app of apps) await app.stop().catch(() => undefined);
    await mongo?.stop();
  });

  test('timers due while the service was down fire once soon after it starts, missing ones included', async () => {
    const first = await startTimeStandardsApp({ flowsDir: flows.dir, mongoUri: mongo.uri });
    apps.push(first);
    const kept = await startRequest(first, 'Jobnya tersimpan');
    const lost = await startRequest(first, 'Jobnya hilang');
    await first.stop();

    const keptRun = kept.runs.find((r) => r.stepId === 'telaah' && !r.endedAt);
    if (!keptRun?.dueAt) throw new Error('no timed run');
    // Down past the due time (and past one more standard: level 2 waits its own turn).
    await sleep(Math.max(0, ms(keptRun.dueAt) + 200 - Date.now()));

    const second = await startTimeStandardsApp({ flowsDir: flows.dir, mongoUri: mongo.uri, start: false });
    apps.push(second);
    const db = second.storage.connection.db;
    if (!db) throw new Error('no database');
    // As if the process had crashed between saving the second request and setting its timers.
    const deleted = await db.collection('agendaJobs').deleteMany({ 'data.instanceId': lost.id });
    expect(deleted.deletedCount).toBe(2);
    expect(eventsOfType(await current(second, kept.id), 'escalated')).toEqual([]);
    await second.start();

    for (const instance of [kept, lost]) {
      await waitFor(
        async () => eventsOfType(await current(second, instance.id), 'escalated').length > 0,
        10_000,
        `the overdue escalation of ${instance.subject}`,
      );
    }
    await sleep(1000);
    for (const instance of [kept, lost]) {
      const now = await current(second, instance.id);
      expect(eventsOfType(now, 'escalated').filter((e) => e.data?.['level'] === 1)).toHaveLength(1);
      // Both were overdue: the reminder is sent at most once (none when the escalation came first).
      expect(eventsOfType(now, 'reminder-sent').length).toBeLessThanOrEqual(1);
      const notices = (await outboxPrompts(second, instance.id)).filter((p) =>
        p.lines.some((l) => l.key === 'notice-escalation'),
      );
      expect(notices.map((p) => p.to)).toContain('bambang');
      expect(notices.filter((p) => p.to === 'bambang')).toHaveLength(1);
    }
  });
});

describe('pandu disruption (the CLI command)', () => {
  let app: App;
  const out = { lines: [] as string[], errors: [] as string[] };
  const cli = {
    stdout: (line: string) => out.lines.push(line),
    stderr: (line: string) => out.errors.push(line),
  };

  beforeAll(async () => {
    // As the CLI builds it: the whole service, without channels, not started.
    app = await startTimeStandardsApp({ flowsDir: flows.dir, start: false });
  });

  afterAll(async () => {
    await app?.stop();
  });

  test('start and end stop and restart the clocks of open steps, and say so; misuse is a usage error', async () => {
    const command = app.cliCommands().find((c) => c.group === 'disruption');
    if (!command) throw new Error('no disruption command');
    const runDisruptionCommand = (args: string[], output: typeof cli) =>
      command.run(args, output, { locale: 'id' });
    const instance = await startRequest(app, 'Lewat CLI');
    const run = instance.runs.find((r) => r.stepId === 'telaah' && !r.endedAt);
    expect(await timerJobs(app, { 'data.instanceId': instance.id })).toHaveLength(2);

    expect(await runDisruptionCommand(['start', '--note', 'SPSE tidak dapat diakses'], cli)).toBe(0);
    expect(out.lines.at(-1)).toMatch(
      /^⚠️ Gangguan SPSE dicatat sejak .*: SPSE tidak dapat diakses\. Jam standar waktu 1 langkah/,
    );
    expect(
      (await current(app, instance.id)).runs.find((r) => r.runId === run?.runId)?.pausedAt,
    ).toBeDefined();
    expect(await timerJobs(app, { 'data.instanceId': instance.id })).toEqual([]);
    expect((await timeStandardsOf(app)?.disruptions.current())?.by).toMatch(/^cli:/);

    expect(await runDisruptionCommand(['start', '--en'], cli)).toBe(1);
    expect(out.lines.at(-1)).toMatch(/^An SPSE disruption is already declared since/);
    expect(await runDisruptionCommand(['status', '--en'], cli)).toBe(0);
    expect(out.lines.at(-1)).toMatch(/^⚠️ An SPSE disruption is declared since/);

    await sleep(300);
    expect(await runDisruptionCommand(['end', '--note=pulih'], cli)).toBe(0);
    expect(out.lines.at(-1)).toMatch(
      /^✅ Gangguan SPSE selesai\. Jam standar waktu 1 langkah berjalan kembali/,
    );
    const resumed = (await current(app, instance.id)).runs.find((r) => r.runId === run?.runId);
    expect(ms(resumed?.dueAt)).toBeGreaterThanOrEqual(ms(run?.dueAt) + 300);
    const jobs = await timerJobs(app, { 'data.instanceId': instance.id, 'data.kind': 'escalation' });
    expect((jobs[0]?.['nextRunAt'] as Date).toISOString()).toBe(resumed?.dueAt);
    expect(await runDisruptionCommand(['end'], cli)).toBe(1);
    expect(out.lines.at(-1)).toBe('Tidak ada gangguan SPSE yang sedang tercatat.');

    expect(await runDisruptionCommand(['restart'], cli)).toBe(2);
    expect(await runDisruptionCommand(['start', '--note'], cli)).toBe(2);
    expect(await runDisruptionCommand(['start', '--loud'], cli)).toBe(2);
    expect(out.errors.at(-1)).toMatch(/^usage: pandu disruption/);
  });
});
