import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { App } from '../../src/app.js';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../src/storage/embedded-mongo.js';
import { REPO_ROOT } from '../support/paths.js';
import {
  current,
  eventsOfType,
  outboxPrompts,
  startRequest,
  startTimeStandardsApp,
  testFlowsDir,
  timerJobs,
  waitFor,
} from '../support/time-standards-rig.js';

/**
 * Real service processes (`tsx` children) on one database: every reminder and escalation is
 * sent once, whichever process runs it, and a job held by a process that hung is taken over.
 */
interface Worker {
  child: ChildProcess;
  name: string;
  messages: Array<Record<string, unknown>>;
}

const WORKER = join(REPO_ROOT, 'test', 'support', 'time-standards-worker.ts');

function startWorker(env: Record<string, string>): Promise<Worker> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', TEST_LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const worker: Worker = { child, name: '', messages: [] };
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`worker exited (${String(code)}) before it was ready:\n${errors}`)),
    );
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      let message: Record<string, unknown>;
      try {
        message = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      worker.messages.push(message);
      if (message['event'] === 'ready') {
        worker.name = String(message['name']);
        resolve(worker);
      }
    });
  });
}

async function stopWorker(worker: Worker, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return worker.child.exitCode;
  const exited = new Promise<number | null>((resolve) => worker.child.once('exit', (code) => resolve(code)));
  worker.child.kill(signal);
  return exited;
}

describe('two service processes on one database', () => {
  let mongo: EmbeddedMongo;
  const flows = testFlowsDir('2s');
  const workers: Worker[] = [];
  let creator: App | undefined;

  beforeEach(async () => {
    mongo = await startEmbeddedMongo({ database: 'pandu-two' });
  });

  afterEach(async () => {
    for (const worker of workers.splice(0)) await stopWorker(worker, 'SIGKILL');
    await creator?.stop().catch(() => undefined);
    creator = undefined;
    await mongo?.stop();
  });

  afterAll(() => flows.remove());

  test('each reminder and escalation is sent exactly once, with both processes running jobs', async () => {
    const env = { MONGODB_URI: mongo.uri, FLOWS_DIR: flows.dir, PROCESS_EVERY_MS: '100' };
    // One locks jobs one by one (Agenda's way), the other in batches: the two must not double up.
    const [a, b] = await Promise.all([
      startWorker({ ...env, LOCK_BATCH: '0' }),
      startWorker({ ...env, LOCK_BATCH: '8' }),
    ]);
    workers.push(a, b);
    expect(a.name).not.toBe(b.name);
    // This process only creates requests: its timers are set, its scheduler does not run.
    creator = await startTimeStandardsApp({ flowsDir: flows.dir, mongoUri: mongo.uri, start: false });
    const instances = [];
    for (let i = 0; i < 12; i++) instances.push(await startRequest(creator, `Dua proses ${i}`));

    for (const instance of instances) {
      await waitFor(
        async () =>
          eventsOfType(await current(creator as App, instance.id), 'escalated').some(
            (e) => e.data?.['level'] === 2,
          ),
        30_000,
        `level 2 of ${instance.subject}`,
      );
    }
    // Stop the chains: every review is approved, which cancels its timers.
    for (const instance of instances) {
      const run = (await current(creator, instance.id)).runs.find((r) => r.stepId === 'telaah' && !r.endedAt);
      const done = await creator.service.act({
        type: 'approve',
        instanceId: instance.id,
        runId: run?.runId ?? '',
        actorId: 'rina',
        channel: 'telegram',
        idempotencyKey: `approve-${instance.id}`,
      });
      expect(done.ok).toBe(true);
    }

    for (const instance of instances) {
      const after = await current(creator, instance.id);
      const telaah = after.runs.find((r) => r.stepId === 'telaah');
      const forRun = (type: string) => eventsOfType(after, type).filter((e) => e.runId === telaah?.runId);
      expect(forRun('reminder-sent')).toHaveLength(1);
      const levels = forRun('escalated').map((e) => e.data?.['level'] as number);
      expect(levels.length).toBeGreaterThanOrEqual(2);
      expect(new Set(levels).size).toBe(levels.length);
      // The review's prompts only: the approval that follows it has timers of its own, which a slow
      // machine may see come due before these checks.
      const prompts = (await outboxPrompts(creator, instance.id)).filter(
        (p) => (p as { runId?: string }).runId === telaah?.runId,
      );
      expect(
        prompts.filter((p) => p.to === 'rina' && p.lines.some((l) => l.key === 'notice-reminder')),
      ).toHaveLength(1);
      for (const level of levels) {
        expect(
          // Of this run: the next step (3 s standard) may escalate on its own before this check.
          prompts.filter(
            (p) =>
              p.runId === telaah?.runId &&
              p.lines.some((l) => l.key === 'notice-escalation' && l.params?.['level'] === level),
          ),
        ).toHaveLength(1);
      }
      expect(
        await timerJobs(creator, { 'data.instanceId': instance.id, 'data.runId': telaah?.runId }),
      ).toEqual([]);
    }
    // Both processes ran timer jobs (a job both ran is harmless: the engine applied it once).
    const ran = (w: Worker) => w.messages.filter((m) => m['event'] === 'ran').length;
    expect(ran(a)).toBeGreaterThan(0);
    expect(ran(b)).toBeGreaterThan(0);

    expect(await stopWorker(a)).toBe(0);
    expect(await stopWorker(b)).toBe(0);
  }, 90_000);

  test('a process that stops gracefully hands back the jobs it had locked ahead, for another to run on time', async () => {
    const slow = testFlowsDir('20s');
    try {
      const env = { MONGODB_URI: mongo.uri, FLOWS_DIR: slow.dir, LOCK_LIFETIME_MS: '30000' };
      // Polling every 3 s, it locks each job up to 3 s before it is due.
      const first = await startWorker({ ...env, PROCESS_EVERY_MS: '3000' });
      workers.push(first);
      creator = await startTimeStandardsApp({ flowsDir: slow.dir, mongoUri: mongo.uri, start: false });
      const instance = await startRequest(creator, 'Berhenti dengan rapi');
      const held = await waitFor(
        async () => {
          const [job] = await timerJobs(creator as App, {
            'data.instanceId': instance.id,
            'data.kind': 'reminder',
          });
          return job?.['lockedAt'] && job['lastModifiedBy'] === first.name ? job : undefined;
        },
        25_000,
        'the reminder to be locked ahead of its time',
      );
      const due = (held['nextRunAt'] as Date).getTime();
      expect(due).toBeGreaterThan(Date.now());
      expect(await stopWorker(first)).toBe(0);
      const [released] = await timerJobs(creator, {
        'data.instanceId': instance.id,
        'data.kind': 'reminder',
      });
      expect(released?.['lockedAt']).toBeNull();

      const second = await startWorker({ ...env, PROCESS_EVERY_MS: '500' });
      workers.push(second);
      const reminder = await waitFor(
        async () => eventsOfType(await current(creator as App, instance.id), 'reminder-sent')[0],
        20_000,
        'the reminder, run by the second process',
      );
      // On time, not 30 s later when a stale lock would have expired.
      expect(new Date(reminder.at).getTime()).toBeGreaterThanOrEqual(due);
      expect(new Date(reminder.at).getTime()).toBeLessThan((held['lockedAt'] as Date).getTime() + 30_000);
      expect(await stopWorker(second)).toBe(0);
    } finally {
      slow.remove();
    }
  }, 90_000);

  test('a job held by a process that hung is run by another once its lock expires', async () => {
    const lockLifetimeMs = 3000;
    const env = { MONGODB_URI: mongo.uri, FLOWS_DIR: flows.dir, LOCK_LIFETIME_MS: String(lockLifetimeMs) };
    const hanging = await startWorker({ ...env, STALL_ON: 'escalation' });
    workers.push(hanging);
    creator = await startTimeStandardsApp({ flowsDir: flows.dir, mongoUri: mongo.uri, start: false });
    const instance = await startRequest(creator, 'Proses macet');
    const stalled = await waitFor(
      () => Promise.resolve(hanging.messages.find((m) => m['event'] === 'stalled')),
      15_000,
      'the escalation to hang its process',
    );
    expect(stalled['data']).toMatchObject({ instanceId: instance.id, kind: 'escalation', level: 1 });
    const [held] = await timerJobs(creator, { 'data.instanceId': instance.id, 'data.kind': 'escalation' });
    expect(held?.['lastModifiedBy']).toBe(hanging.name);
    expect(held?.['lockedAt']).toBeInstanceOf(Date);
    const lockedAt = (held?.['lockedAt'] as Date).getTime();
    await stopWorker(hanging, 'SIGKILL');

    const rescuer = await startWorker(env);
    workers.push(rescuer);
    const escalation = await waitFor(
      async () => eventsOfType(await current(creator as App, instance.id), 'escalated')[0],
      60_000,
      'the escalation, run by the other process',
    );
    // Not before the dead lock expired, and by the process that took it over.
    expect(new Date(escalation.at).getTime()).toBeGreaterThanOrEqual(lockedAt + lockLifetimeMs);
    await waitFor(
      () =>
        Promise.resolve(
          rescuer.messages.some(
            (m) => m['event'] === 'ran' && (m['data'] as { kind?: string }).kind === 'escalation',
          ),
        ),
      5000,
      'the rescuer to report the escalation',
    );
    const after = await current(creator, instance.id);
    expect(eventsOfType(after, 'escalated').filter((e) => e.data?.['level'] === 1)).toHaveLength(1);
    expect(eventsOfType(after, 'reminder-sent')).toHaveLength(1);
    expect(await stopWorker(rescuer)).toBe(0);
  }, 90_000);
});
