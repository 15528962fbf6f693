import type { App } from '../../src/app.js';
import type { Instance } from '../../src/core/engine/types.js';
import { InstancesInMemory } from '../../src/features/reports/compliance-source.js';
import { computeCompliance } from '../../src/features/reports/compliance-report.js';
import { complianceJson } from '../../src/features/reports/compliance-json.js';
import { MongoInstancesSource } from '../../src/features/reports/mongo-instances-source.js';
import { parseReportPeriod } from '../../src/features/reports/report-period.js';
import { reportsFeature } from '../../src/features/reports/reports-app.js';
import { instanceFactsOf, type InstanceFacts } from '../../src/features/reports/step-attempts.js';
import { startTestApp } from '../support/app-rig.js';
import { ManualClock } from '../support/fakes/memory-ports.js';
import { event, instance, run, wib } from '../unit/features/reports/support/hand-instances.js';

const clock = new ManualClock(new Date(wib('2026-11-23 09:00')));
let app: App;
const reportsOf = (built: App) => built.feature(reportsFeature());
/** `pandu report …` as the feature contributes it. */
const runReportCommand = (
  args: string[],
  out: { stdout(l: string): void; stderr(l: string): void },
  built: App,
) => {
  const command = built.cliCommands().find((c) => c.group === 'report');
  if (!command) throw new Error('no report command');
  return command.run(args, out, { locale: 'id' });
};

beforeAll(async () => {
  app = await startTestApp({
    env: {},
    channels: [],
    features: [reportsFeature()],
    extra: { clock },
  });
});

afterAll(async () => {
  await app.stop();
});

function sorted(facts: InstanceFacts[]): InstanceFacts[] {
  return [...facts].sort((a, b) => a.instanceId.localeCompare(b.instanceId));
}

const period = () =>
  parseReportPeriod(
    { from: '2026-11-01', to: '2026-11-30' },
    'Asia/Jakarta',
    new Date(wib('2026-12-01 09:00')),
  );

async function walkedInstance(): Promise<Instance> {
  const started = await app.service.start({
    flowId: 'spse-eproc',
    requesterId: 'ulp-biro-umum',
    subject: 'Pemanfaatan SPSE 2027',
    channel: 'cli',
    idempotencyKey: `start-${Date.now()}`,
  });
  if (!started.ok) throw new Error(started.refusal.code);
  clock.advance(4 * 60_000);
  const register = started.instance.runs.find((r) => !r.endedAt);
  const done = await app.service.act({
    instanceId: started.instance.id,
    runId: register?.runId ?? '',
    actorId: register?.assigneeId ?? '',
    channel: 'cli',
    idempotencyKey: `register-${Date.now()}`,
    type: 'complete',
  });
  if (!done.ok) throw new Error(done.refusal.code);
  return done.instance;
}

describe('reports on the embedded database', () => {
  test('a saved change that ends a run writes the instance’s report facts', async () => {
    const walked = await walkedInstance();
    const reports = reportsOf(app);
    const stored = await reports?.facts.factsBetween(period().from, period().to, { flowIds: ['spse-eproc'] });
    const mine = stored?.find((f) => f.instanceId === walked.id);
    expect(mine).toEqual(instanceFactsOf(walked));
    expect(mine?.attempts.map((a) => a.stepId)).toEqual(['nota-dinas-masuk', 'agenda-surat-masuk']);
  });

  test('instances read from the collection give the same facts as in memory; reconciling catches up on the rest', async () => {
    const pausedRun = run('verifikasi-data', 1, '2026-11-24 09:00', '2026-11-24 10:00', {
      assigneeId: 'dewi',
    });
    const written = [
      instance(
        [pausedRun],
        [
          event('clock-paused', '2026-11-24 09:10', pausedRun.runId),
          event('clock-resumed', '2026-11-24 09:40', pausedRun.runId),
        ],
        'aa0000000000000000000001',
      ),
      instance(
        [
          run('draft-laporan', 1, '2026-11-25 09:00', '2026-11-25 09:40', { assigneeId: 'fajar' }),
          run('periksa-draft', 1, '2026-11-25 09:40', '2026-11-25 09:43', {
            assigneeId: 'dewi',
            outcome: 'returned',
            actorId: 'dewi',
          }),
          run('draft-laporan', 2, '2026-11-25 09:43', '2026-11-25 10:53', { assigneeId: 'fajar' }),
        ],
        [],
        'aa0000000000000000000002',
      ),
      // Long before the period: not read for it.
      instance(
        [run('agenda-surat-masuk', 1, '2026-02-02 09:00', '2026-02-02 09:04')],
        [],
        'aa0000000000000000000003',
      ),
    ];
    // Straight into the store: no saved change, so no facts yet.
    for (const i of written) await app.storage.instances.create(i, []);
    const { from, to } = period();
    const fromCollection = await new MongoInstancesSource(app.storage.models).factsBetween(from, to, {
      flowIds: ['spse-eproc'],
    });
    const all = [...written, ...(await app.service.listActive(100))];
    const inMemory = await new InstancesInMemory(all).factsBetween(from, to, { flowIds: ['spse-eproc'] });
    expect(sorted(fromCollection).filter((f) => f.attempts.length > 0)).toEqual(sorted(inMemory));
    expect(fromCollection.map((f) => f.instanceId)).not.toContain('aa0000000000000000000003');

    const reports = reportsOf(app);
    expect(await reports?.reconcile()).toBeGreaterThanOrEqual(3);
    expect(await reports?.reconcile()).toBe(0);
    const fromFacts = await reports?.facts.factsBetween(from, to, { flowIds: ['spse-eproc'] });
    expect(sorted(fromFacts ?? [])).toEqual(sorted(inMemory));
    const cached = await reports?.cachedFacts.factsBetween(from, to, { flowIds: ['spse-eproc'] });
    expect(
      sorted(cached ?? []).map((f) => ({ instanceId: f.instanceId, flowId: f.flowId, attempts: f.attempts })),
    ).toEqual(sorted(inMemory));
  });

  test('facts from an older version never replace newer ones', async () => {
    const reports = reportsOf(app);
    // Of a flow the service does not run, so that the reports over spse-eproc do not see it.
    const newer = {
      ...instance(
        [run('agenda-surat-masuk', 1, '2026-11-26 09:00', '2026-11-26 09:04')],
        [],
        'aa0000000000000000000010',
      ),
      flowId: 'other-flow',
    };
    const older = { ...newer, runs: [] };
    await reports?.facts.save(newer, 5);
    await reports?.facts.save(older, 4);
    const versions = await reports?.facts.versions();
    expect(versions?.get('aa0000000000000000000010')).toBe(5);
    const { from, to } = period();
    const stored = await reports?.facts.factsBetween(from, to, { flowIds: ['other-flow'] });
    expect(stored?.map((f) => [f.instanceId, f.attempts.length])).toEqual([['aa0000000000000000000010', 1]]);
  });

  test('pandu report compliance --json over the facts equals the report computed from the instances', async () => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await runReportCommand(
      ['compliance', '--from', '2026-11-01', '--to', '2026-11-30', '--json'],
      { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) },
      app,
    );
    expect([code, stderr]).toEqual([0, []]);
    const { from, to } = period();
    const facts = await new MongoInstancesSource(app.storage.models).factsBetween(from, to, {
      flowIds: ['spse-eproc'],
    });
    const expected = complianceJson(
      computeCompliance({
        facts,
        flows: app.flows.all(),
        org: app.service.org,
        period: period(),
        scope: { kind: 'all' },
        calendarFor: (flow) => reportsOf(app)?.calendarFor(flow) ?? app.calendars.calendar,
      }),
    );
    expect(JSON.parse(stdout.at(-1) ?? '')).toEqual(expected);
    expect(expected.steps.find((s) => s.id === 'verifikasi-data')).toMatchObject({
      count: 1,
      medianMinutes: 30,
    });
    expect(expected.steps.find((s) => s.id === 'draft-laporan')).toMatchObject({
      count: 2,
      medianMinutes: 55,
    });
    expect(expected.steps.find((s) => s.id === 'periksa-draft')).toMatchObject({ count: 1, returns: 1 });
  });

  test('open work by scope: the Kabid of another division sees none of it', async () => {
    const reports = reportsOf(app);
    const org = app.service.org;
    const everything = await reports?.openWork.activeInstances({ kind: 'all' }, org, ['spse-eproc']);
    expect(everything?.length).toBeGreaterThan(0);
    const open = everything?.flatMap((i) => i.runs.filter((r) => !r.endedAt).map((r) => r.assigneeId));
    expect(open).toContain('hendra');
    expect(
      await reports?.openWork.activeInstances({ kind: 'unit', unitId: 'pusdatinkomtel' }, org, [
        'spse-eproc',
      ]),
    ).toHaveLength(everything?.length ?? -1);
    expect(
      await reports?.openWork.activeInstances({ kind: 'unit', unitId: 'bidang-infrastruktur' }, org, [
        'spse-eproc',
      ]),
    ).toEqual([]);
    expect(
      await reports?.openWork.activeInstances({ kind: 'person', personId: 'hendra' }, org, ['spse-eproc']),
    ).toHaveLength(everything?.length ?? -1);
  });
});
