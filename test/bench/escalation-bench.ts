/**
 * `npm run bench:escalation [-- --n 10000 ...]`: how late escalations are, under load.
 *
 * Builds the real app (no channels) on the embedded database with only the time-standards
 * feature, writes N instances of a test flow straight into the store, each with one open step
 * whose due time falls in a short window (by default 10–20 s after setup), lets the scheduler
 * set their timers (the restart reconciliation) and run them, and waits until every first-level
 * escalation has been handed to the outbox. Lateness = outbox entry created − due time.
 *
 * Progress goes to stderr; the options used and details go to stdout, and the LAST line is
 * `{"n","p50_ms","p99_ms","max_ms","early"}`.
 *
 * Options: --n N (10000), --window-start S (10), --window S (10), --lead S (time for setup,
 * default 5 + 1 ms × N), --db-process (run the embedded server in a process of its own),
 * scheduler tuning (src/scheduling/scheduler-options.ts): --process-every MS, --lock-batch N (0:
 * Agenda's one-by-one locking), --max-locked N (Agenda's lockLimit), --concurrency N,
 * --max-concurrency N, --lock-limit N (Agenda's defaultLockLimit), --lock-lifetime MS, and
 * --timeout S (give up after this long, 7200). The details line gives the machine's load
 * averages at the start and the end (other work on the machine shows in the figures).
 *
 * The standard time is one hour (level 2 never comes due during a run) and reminders are
 * marked sent: only first-level escalations are measured. The outbox dispatcher is not started
 * (no channel is configured; what the measure ends at is the hand-over to the outbox).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Job } from 'agenda';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import type { Instance } from '../../src/core/engine/types.js';
import { timeStandardsFeature } from '../../src/features/time-standards/index.js';
import { createLogger } from '../../src/logger.js';
import type { SchedulerOptions } from '../../src/scheduling/scheduler-options.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const STANDARD_MS = 3600_000;

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    'window-start': { type: 'string', default: '10' },
    window: { type: 'string', default: '10' },
    lead: { type: 'string' },
    'db-process': { type: 'boolean', default: false },
    'process-every': { type: 'string' },
    'lock-batch': { type: 'string' },
    'max-locked': { type: 'string' },
    concurrency: { type: 'string' },
    'max-concurrency': { type: 'string' },
    'lock-limit': { type: 'string' },
    'lock-lifetime': { type: 'string' },
    timeout: { type: 'string', default: '7200' },
  },
});

const n = positive('n');
const windowStartMs = Number(values['window-start']) * 1000;
const windowMs = Number(values.window) * 1000;
const leadMs = values.lead !== undefined ? Number(values.lead) * 1000 : 5000 + n;
const reconcile = { reconcileEveryMs: 0, reconcileLimit: n + 100 };
const scheduler: Partial<SchedulerOptions> = {
  ...optional('process-every', 'processEveryMs'),
  ...optional('lock-batch', 'lockBatchSize'),
  ...optional('max-locked', 'maxLockedJobs'),
  ...optional('concurrency', 'concurrency'),
  ...optional('max-concurrency', 'maxConcurrency'),
  ...optional('lock-limit', 'lockLimit'),
  ...optional('lock-lifetime', 'lockLifetimeMs'),
};

function positive(name: 'n'): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
  return value;
}

function optional(flag: keyof typeof values, key: keyof SchedulerOptions): Partial<SchedulerOptions> {
  const raw = values[flag];
  return typeof raw === 'string' ? { [key]: Number(raw) } : {};
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

const FLOW = `id: bench-waktu
version: 1
header:
  number: SOP.BENCH/2026
  ministry: Kementerian Dalam Negeri
  issuer: Pusdatinkomtel
  name: { id: Uji beban eskalasi, en: Escalation load test }
handlingUnit: subbid-eproc
calendar:
  workdays: [mon, tue, wed, thu, fri, sat, sun]
  hours: ['00:00-24:00']
steps:
  - id: permohonan
    title: { id: Permohonan, en: Request }
    performer: ULP
    type: intake
    output: { label: { id: Nota dinas, en: Memo } }
    next: telaah
  - id: telaah
    title: { id: Menelaah, en: Review }
    performer: Staf
    type: review
    standard: 1h
    returnTo: [permohonan]
    output: { label: { id: Hasil telaah, en: Review } }
`;

async function startDbProcess(): Promise<{ uri: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test', 'bench', 'embedded-db-server.ts')],
    {
      cwd: ROOT,
      // stdin is a pipe from this process: when this process ends, it closes and the server exits.
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const uri = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`database process exited (${String(code)})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
  });
  return { uri, child };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/** N copies of a real instance, each with its open step due at its own instant. */
function clones(app: App, template: Instance, dues: number[], tag: string): Instance[] {
  return dues.map((due, i) => {
    const instance = structuredClone(template);
    const startedAt = new Date(due - STANDARD_MS).toISOString();
    instance.id = app.storage.instances.idForKey(`bench:${tag}:${i}`);
    instance.subject = `Beban ${i}`;
    instance.createdAt = startedAt;
    instance.updatedAt = startedAt;
    instance.processedKeys = [];
    for (const run of instance.runs) {
      run.startedAt = startedAt;
      if (run.endedAt) run.endedAt = startedAt;
      if (!run.endedAt) {
        run.dueAt = new Date(due).toISOString();
        run.reminderSent = true;
      }
    }
    for (const event of instance.events) {
      event.at = startedAt;
      if (event.data && 'dueAt' in event.data && event.data['dueAt'])
        event.data['dueAt'] = new Date(due).toISOString();
    }
    return instance;
  });
}

async function main(): Promise<void> {
  const flowsDir = mkdtempSync(join(tmpdir(), 'pandu-bench-'));
  writeFileSync(join(flowsDir, 'bench-waktu.yaml'), FLOW);
  const db = values['db-process'] ? await startDbProcess() : undefined;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    EMBEDDED_MONGODB_PORT: '0',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'error',
    FLOWS_DIR: flowsDir,
    ORG_FILE: join(ROOT, 'flows', 'org', 'org.example.yaml'),
    LOCALES_DIR: join(ROOT, 'locales'),
    CALENDAR_FILE: join(ROOT, 'flows', 'calendars', 'indonesia-2026.yaml'),
    // A real MongoDB when MONGODB_URI is set (measure a deployment), else the embedded server.
    ...(process.env['MONGODB_URI']
      ? { MONGODB_URI: process.env['MONGODB_URI'] }
      : db
        ? { MONGODB_URI: db.uri }
        : {}),
  });
  const app = await createApp(config, {
    logger: createLogger(config.LOG_LEVEL),
    channels: [],
    features: [timeStandardsFeature(reconcile)],
    scheduler,
  });
  const features = app.feature(timeStandardsFeature());
  if (!features) throw new Error('time standards not installed');
  const options = {
    n,
    windowStartMs,
    windowMs,
    leadMs,
    dbProcess: Boolean(db),
    scheduler,
    loadAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
  process.stdout.write(`${JSON.stringify({ options })}\n`);

  try {
    // One real request gives the shape of an instance; N copies of it go straight into the store.
    const templateResult = await app.service.start({
      flowId: 'bench-waktu',
      requesterId: 'ulp-biro-umum',
      subject: 'Template',
      channel: 'cli',
      idempotencyKey: `bench-template-${Date.now()}`,
    });
    if (!templateResult.ok) throw new Error(`template refused: ${templateResult.refusal.code}`);
    const dueOf = new Map<string, number>();
    // Where the time goes: from due to the job starting, and the job's own run.
    const pickup: number[] = [];
    const running: number[] = [];
    const startedAt = new Map<string, number>();
    features.scheduler.agenda.on('start', (job: Job) => {
      const data = job.attrs.data as { kind?: string; instanceId?: string } | undefined;
      if (data?.kind !== 'escalation' || !data.instanceId) return;
      startedAt.set(String(job.attrs._id), Date.now());
      const due = dueOf.get(data.instanceId);
      if (due !== undefined) pickup.push(Date.now() - due);
    });
    features.scheduler.agenda.on('complete', (job: Job) => {
      const began = startedAt.get(String(job.attrs._id));
      if (began !== undefined) running.push(Date.now() - began);
    });
    const setupStart = Date.now();
    const firstDue = setupStart + leadMs + windowStartMs;
    const dues = Array.from({ length: n }, (_, i) =>
      Math.round(firstDue + (n === 1 ? 0 : (i * windowMs) / (n - 1))),
    );
    const instances = clones(app, templateResult.instance, dues, String(setupStart));
    for (const [i, instance] of instances.entries()) dueOf.set(instance.id, dues[i] as number);
    log(`writing ${n} instances`);
    for (let i = 0; i < instances.length; i += 200) {
      await Promise.all(
        instances.slice(i, i + 200).map((instance) => app.storage.instances.create(instance, [])),
      );
    }
    const written = Date.now();
    log(`instances written in ${written - setupStart} ms; reconciling timers`);
    await features.scheduler.start();
    const started = Date.now();
    log(`timers set and scheduler running in ${started - written} ms; first due in ${firstDue - started} ms`);
    if (started > firstDue - 500) {
      throw new Error(
        `setup took too long: the first step came due ${started - firstDue} ms before the scheduler ran; raise --lead`,
      );
    }

    const outbox = app.storage.models.Outbox;
    const deadline = Date.now() + Number(values.timeout) * 1000;
    // Progress from the scheduler's own events, so that watching does not load the database; the
    // outbox itself is read once, at the end, for the figures.
    let finished = 0;
    while (finished < n && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      finished = running.length;
      const lastDue = dues.at(-1) as number;
      log(
        `${finished}/${n} escalation jobs finished; ${Date.now() > lastDue ? `${Date.now() - lastDue} ms after the last due` : `last due in ${lastDue - Date.now()} ms`}`,
      );
    }
    const docs = await outbox
      .find({ 'prompt.lines.key': 'notice-escalation' }, { 'prompt.instanceId': 1, createdAt: 1 })
      .lean<Array<{ prompt: { instanceId: string }; createdAt: Date }>>();
    const firstPerInstance = new Map<string, number>();
    let duplicates = 0;
    for (const doc of docs) {
      const id = doc.prompt.instanceId;
      if (!dueOf.has(id)) continue;
      if (firstPerInstance.has(id)) duplicates++;
      const at = new Date(doc.createdAt).getTime();
      firstPerInstance.set(id, Math.min(at, firstPerInstance.get(id) ?? Infinity));
    }
    const lateness = [...firstPerInstance]
      .map(([id, at]) => at - (dueOf.get(id) as number))
      .sort((a, b) => a - b);
    const early = lateness.filter((ms) => ms < 0).length;
    // Where in the window the late ones were due: p50/p99 of each tenth of it, by due time.
    const tenths = Array.from({ length: 10 }, () => [] as number[]);
    for (const [id, at] of firstPerInstance) {
      const due = dueOf.get(id) as number;
      const tenth = Math.min(9, Math.floor(((due - firstDue) / Math.max(1, windowMs)) * 10));
      tenths[Math.max(0, tenth)]?.push(at - due);
    }
    const byTenth = tenths.map((ms) => {
      ms.sort((a, b) => a - b);
      return `${percentile(ms, 50)}/${percentile(ms, 99)}`;
    });
    process.stdout.write(
      `${JSON.stringify({
        details: {
          handed: lateness.length,
          missing: n - lateness.length,
          duplicates,
          p90_ms: percentile(lateness, 90),
          min_ms: lateness[0] ?? 0,
          job_start_after_due_p50_ms: percentile(
            pickup.sort((a, b) => a - b),
            50,
          ),
          job_start_after_due_p99_ms: percentile(pickup, 99),
          job_run_p50_ms: percentile(
            running.sort((a, b) => a - b),
            50,
          ),
          job_run_p99_ms: percentile(running, 99),
          p50_p99_ms_by_tenth_of_window: byTenth,
          load_at_end: loadavg().map((l) => Math.round(l * 100) / 100),
        },
      })}\n`,
    );
    process.stdout.write(
      `${JSON.stringify({ n, p50_ms: percentile(lateness, 50), p99_ms: percentile(lateness, 99), max_ms: lateness.at(-1) ?? 0, early })}\n`,
    );
  } finally {
    await app.stop();
    db?.child.kill('SIGTERM');
    rmSync(flowsDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
