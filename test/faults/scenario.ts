/**
 * One scenario of the fault suite: a database process, the Bot API stand-in, N service processes
 * (polling, or behind a webhook balancer when there are several), requests driven through
 * Telegram while one process is killed with SIGKILL again and again and started again; then the
 * checks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { freePort } from '../support/free-port.js';
import { sleep } from '../support/e2e/waiting.js';
import { TelegramBotApiStandIn } from '../support/telegram/index.js';
import { check, type Figures } from './checks.js';
import { Driver, type RequestLog } from './driver.js';
import { Service, startDatabase } from './processes.js';
import { sentMessages } from './stand-in-view.js';
import { startWebhookBalancer, type Balancer } from './webhook-balancer.js';
import { seededRandom } from '../support/seeded-random.js';
import { createWorld } from './world.js';

const TOKEN = '123456:FAULTS-token';
const WEBHOOK_PATH = '/telegram/webhook';
const REMINDER_SHARE = 0.8;

export interface ScenarioOptions {
  label: string;
  seed: number;
  processes: number;
  requests: number;
  kills: number;
  /** Requests in flight at once. */
  concurrency: number;
  standardSeconds: number;
  /** Chains of people the requests are spread over (see world.ts). */
  lanes: number;
  logDir: string;
  say(line: string): void;
}

export type KillPoint = 'random' | 'tap' | 'burst';

export interface ScenarioResult {
  label: string;
  seed: number;
  processes: number;
  kills: number;
  killPoints: Record<KillPoint, number>;
  restartMs: number[];
  webhookRetries: number;
  figures: Figures;
  defects: string[];
  seconds: number;
}

export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const world = createWorld(options.standardSeconds, options.lanes);
  const logDir = join(options.logDir, options.label);
  mkdirSync(logDir, { recursive: true });
  const db = await startDatabase(await freePort(), logDir);
  const standIn = new TelegramBotApiStandIn({ token: TOKEN, webhookTimeoutMs: 120_000 });
  await standIn.start();
  for (const user of world.users.values()) standIn.addUser(user);
  const ports = await Promise.all(Array.from({ length: options.processes }, () => freePort()));
  let balancer: Balancer | undefined;
  const services: Service[] = [];
  if (options.processes > 1)
    balancer = await startWebhookBalancer(
      () => services.filter((s) => s.running).map((s) => s.port),
      WEBHOOK_PATH,
    );
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    MONGODB_URI: db.uri,
    FLOWS_DIR: world.flowsDir,
    ORG_FILE: world.orgFile,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: standIn.apiRoot,
    REMINDER_SHARE: String(REMINDER_SHARE),
    CHANNEL_RETRY_MIN_MS: '100',
    CHANNEL_RETRY_MAX_MS: '1000',
    ...(balancer
      ? { TELEGRAM_WEBHOOK_URL: balancer.url, TELEGRAM_WEBHOOK_SECRET: 'faults-webhook-secret-0123' }
      : {}),
  };
  ports.forEach((port, i) =>
    services.push(new Service(`service-${String.fromCharCode(97 + i)}`, port, env, logDir)),
  );
  const client = new MongoClient(db.uri);
  try {
    await Promise.all(services.map((s) => s.start()));
    await client.connect();
    const database = client.db();
    const driver = new Driver({
      standIn,
      world,
      random,
      patienceMs: Number(process.env['FAULTS_PATIENCE_MS'] ?? 180_000),
      isDone: async (subject) =>
        (await database.collection('instances').countDocuments({ subject, status: 'completed' })) > 0,
    });

    // The requests: `concurrency` at a time, each started when one ends.
    const logs: RequestLog[] = [];
    let nextIndex = 1;
    let running = 0;
    const lanes = Array.from({ length: options.concurrency }, async (_, lane) => {
      await sleep(lane * 250);
      while (nextIndex <= options.requests) {
        const index = nextIndex++;
        running++;
        logs.push(await driver.request(index, options.label));
        running--;
      }
    });
    const requestsDone = Promise.all(lanes);
    let finished = false;
    void requestsDone.then(() => (finished = true));

    // The kills: the first process (the only one, or one of two), at points of three kinds.
    const victim = services[0] as Service;
    const killPoints: Record<KillPoint, number> = { random: 0, tap: 0, burst: 0 };
    const restartMs: number[] = [];
    for (let kill = 0; kill < options.kills; kill++) {
      await sleep(500 + random() * 2000);
      const point = (['random', 'tap', 'burst'] as const)[Math.floor(random() * 3)] ?? 'random';
      if (point === 'tap' && !finished) await nextEvent(driver, 'tap', 6000);
      if (point === 'tap') await sleep(random() * 60);
      if (point === 'burst' && !finished) await nextEscalation(standIn, 6000);
      killPoints[point]++;
      await victim.kill();
      const restart = Date.now();
      await victim.start();
      restartMs.push(Date.now() - restart);
      options.say(
        `${options.label}: kill ${kill + 1}/${options.kills} (${point}), back in ${Date.now() - restart} ms, ${logs.length}/${options.requests} requests done, ${running} in flight`,
      );
    }
    await requestsDone;
    await quiet(database);
    const { figures, defects } = await check({
      db: database,
      world,
      logs,
      sent: sentMessages(standIn),
      killedAt: victim.killedAt,
      reminderShare: REMINDER_SHARE,
    });
    if (defects.length > 0) await dumpEvidence(logDir, database, logs, standIn);
    return {
      label: options.label,
      seed: options.seed,
      processes: options.processes,
      kills: victim.kills,
      killPoints,
      restartMs,
      webhookRetries: balancer?.retries() ?? 0,
      figures,
      defects,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    for (const service of services) await service.stop();
    await client.close();
    await balancer?.stop();
    await standIn.stop();
    await db.stop();
    world.remove();
  }
}

/** What a failed run leaves for its analysis: the database's requests, agenda and outbox, every Bot API call. */
async function dumpEvidence(
  logDir: string,
  database: ReturnType<MongoClient['db']>,
  logs: RequestLog[],
  standIn: TelegramBotApiStandIn,
): Promise<void> {
  const write = (name: string, value: unknown) =>
    writeFileSync(join(logDir, name), JSON.stringify(value, null, 1));
  for (const name of ['instances', 'agenda_claims', 'agenda_letters', 'outbox', 'counters'])
    write(`${name}.json`, await database.collection(name).find({}).toArray());
  write('driver.json', logs);
  write(
    'bot-api-calls.json',
    standIn.calls().filter((c) => c.method !== 'getUpdates'),
  );
  write('updates.json', standIn.pushedUpdates());
}

function nextEvent(emitter: Driver, event: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    function done() {
      clearTimeout(timer);
      emitter.off(event, done);
      resolve();
    }
    emitter.once(event, done);
  });
}

/** Resolves when the next escalation message reaches the stand-in: the burst is under way. */
async function nextEscalation(standIn: TelegramBotApiStandIn, timeoutMs: number): Promise<void> {
  const count = () => sentMessages(standIn).filter((m) => m.text.includes('Eskalasi tingkat')).length;
  const before = count();
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && count() === before) await sleep(20);
}

/** Waits until the outbox has nothing left to send (every request is completed by now). */
async function quiet(database: ReturnType<MongoClient['db']>): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if ((await database.collection('outbox').countDocuments({ status: 'pending' })) === 0) break;
    await sleep(250);
  }
  await sleep(1500);
}
