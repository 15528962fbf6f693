/**
 * `npm run bench:startup [-- --open 1000 --no-build]`: what the service costs to start and to hold.
 *
 * Builds the service (`npm run build`, unless --no-build) and starts it as `npm start` does
 * (`dist/main.js` with the Node flags of package.json's start script, or `--node-flags=…`; the
 * shipped flows and org, no channel, the embedded database in the process, empty). Measured:
 * the cold start, from spawning the process to the first 200 of `/healthz`; the resident memory
 * (RSS, /proc) after a few idle seconds; and the RSS again once `--open` requests (default
 * 1,000) are open in its database, each with its step's timers scheduled (started through the
 * real service by this process, connected to the service's embedded database, with the
 * time-standards feature), after the service's own scheduler and dispatcher ran over them for a
 * few seconds.
 *
 * With `--database process` the embedded database runs in a process of its own (`db:embedded`,
 * as a real MongoDB would in production) and the service gets it through MONGODB_URI: the RSS
 * figures are then the service's alone, the database's are in the details.
 *
 * Progress goes to stderr; the LAST line is `{"cold_start_ms","rss_mb_idle","rss_mb_open_1000"}`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { timeStandardsFeature } from '../../src/features/time-standards/index.js';
import { createLogger } from '../../src/logger.js';
import { freePort } from '../../src/storage/embedded-mongo.js';
import { npmStartArgs } from '../support/npm-start.js';
import { loads, log, ROOT, runBench, sleep } from './bench-support.js';

const { values } = parseArgs({
  options: {
    open: { type: 'string', default: '1000' },
    'no-build': { type: 'boolean', default: false },
    idle: { type: 'string', default: '5' },
    database: { type: 'string', default: 'thread' },
    'node-flags': { type: 'string' },
  },
});
if (values.database !== 'thread' && values.database !== 'process')
  throw new Error('--database is "thread" (in the service, as npm start runs it) or "process"');
const open = Number(values.open);
const idleMs = Number(values.idle) * 1000;

/** The Node flags `npm start` runs the service with (package.json), unless --node-flags says. */
function startFlags(): string[] {
  if (values['node-flags'] !== undefined) return values['node-flags'].split(/\s+/).filter(Boolean);
  return npmStartArgs().filter((word) => word.startsWith('--'));
}
const nodeFlags = startFlags();

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  if (!values['no-build']) {
    log('building (npm run build)');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const [port, dbPort] = [await freePort(), await freePort()];
  process.stdout.write(
    `${JSON.stringify({ options: { open, idleMs, database: values.database, nodeFlags }, loadAtStart: loads() })}\n`,
  );
  const database = values.database === 'process' ? await startDatabaseProcess(dbPort) : undefined;
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, [...nodeFlags, 'dist/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_MONGODB_PORT: String(dbPort),
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      TELEGRAM_BOT_TOKEN: '',
      SLACK_BOT_TOKEN: '',
      MONGODB_URI: database?.uri ?? '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The service says where its embedded database listens (a warning at start).
  let dbUri: string | undefined = database?.uri;
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const uri = /"uri":"([^"]+)"/.exec(line)?.[1];
    if (uri) dbUri = uri;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const health = `http://127.0.0.1:${port}/healthz`;
    const deadline = spawnedAt + 60_000;
    while (!(await healthy(health))) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error('the service did not become healthy');
      await sleep(10);
    }
    const coldStartMs = Date.now() - spawnedAt;
    log(`healthy after ${coldStartMs} ms; idle for ${idleMs} ms`);
    await sleep(idleMs);
    const pid = child.pid as number;
    const idle = rssMb(pid);
    if (!dbUri) throw new Error('the service did not say where its embedded database is');

    log(`opening ${open} requests through the service's database (${dbUri})`);
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      MONGODB_URI: dbUri,
      FLOWS_DIR: join(ROOT, 'flows'),
      ORG_FILE: join(ROOT, 'flows', 'org', 'org.example.yaml'),
      LOCALES_DIR: join(ROOT, 'locales'),
    });
    const writer = await createApp(config, {
      logger: createLogger('error'),
      channels: [],
      features: [timeStandardsFeature({ reconcileEveryMs: 0 })],
    });
    const started = Date.now();
    for (let i = 0; i < open; i += 50) {
      const results = await Promise.all(
        Array.from({ length: Math.min(50, open - i) }, (_, j) =>
          writer.service.start({
            flowId: 'spse-eproc',
            requesterId: 'ulp-biro-umum',
            subject: `Beban awal ${i + j}`,
            channel: 'cli',
            idempotencyKey: `bench-startup-${started}-${i + j}`,
          }),
        ),
      );
      const refused = results.find((r) => !r.ok);
      if (refused && !refused.ok) throw new Error(`a request was refused: ${refused.refusal.code}`);
    }
    const timers = await writer.storage.connection.db?.collection('agendaJobs').countDocuments({});
    await writer.stop();
    log(
      `${open} requests open, ${String(timers)} timers scheduled; the service works on them for ${idleMs} ms`,
    );
    await sleep(idleMs);
    const withOpen = rssMb(pid);
    process.stdout.write(
      `${JSON.stringify({
        details: {
          timers_scheduled: timers,
          ...(database ? { database_rss_mb_open: rssMb(database.child.pid as number) } : {}),
          load_at_end: loads(),
        },
      })}\n`,
    );
    process.stdout.write(
      `${JSON.stringify({ cold_start_ms: coldStartMs, rss_mb_idle: idle, [`rss_mb_open_${open}`]: withOpen })}\n`,
    );
  } finally {
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(20_000)]);
    database?.child.kill('SIGTERM');
  }
}

/** The built `db:embedded` in a process of its own; resolves once it prints its MONGODB_URI. */
async function startDatabaseProcess(port: number) {
  const child = spawn(process.execPath, ['dist/storage/embedded-db-main.js', '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  const uri = await new Promise<string>((resolve, reject) => {
    child.once('exit', () => reject(new Error('the embedded database process ended before it was ready')));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const found = /^MONGODB_URI=(.+)$/.exec(line)?.[1];
      if (found) resolve(found);
    });
  });
  return { child, uri };
}

runBench(main);
