/**
 * `npm run bench:taps [-- --rate 100 --seconds 60 ...]`: what a person feels when they tap.
 *
 * The real service (the grammY webhook handler on the service's HTTP port, the chat layer, the
 * engine, storage, the outbox and its dispatcher, the default features with their timers) runs on
 * the embedded database (in a process of its own, as a real database would be) against the Bot
 * API stand-in. N open instances wait at a Kasubbid's review step, spread over `--units` units
 * (each with a Kasubbid, a Staf and a requester on Telegram); their task messages are delivered
 * first. Then taps on "Setujui" arrive at a fixed rate, each as Telegram sends one: a webhook POST
 * with the secret header, several at once (Telegram's max_connections, 40 by default).
 *
 * Telegram's side (the Bot API stand-in and the people tapping) runs in a thread of its own
 * (taps-telegram-side.ts): in production it is Telegram's servers, and on the service's thread it
 * took about a third of the CPU the service then lacked. The service's main thread does only
 * what it does in production.
 *
 * Measured per tap: from the POST to the answer of its callback query at the stand-in
 * (p50/p99/max), and to the Staf's new task message for that instance at the stand-in
 * (`next_task_p99_ms`, through the outbox). `db_commands_per_tap` counts the commands the driver
 * reports (command monitoring) while serving the taps' webhook requests, what they start
 * included (the dispatcher's own commands are counted apart, in the details).
 *
 * The commands are counted in a phase of their own (`--count-taps`, 1,000 taps at the same rate)
 * before the timed one, by a service whose driver monitors its commands; the taps are then timed
 * on a second service, on the same database, without it, as production runs. Monitoring makes
 * the driver decode every reply in full once more for its event (a `findOne` of a 3 KB document:
 * 605 against 449–488 µs of client CPU on the shared VM of docs/benchmarks.md).
 *
 * The dispatcher is paced at Telegram's 1 message/s per chat but without the 30/s overall limit:
 * 100 taps/s make more than 100 messages/s, which Telegram would spread over several seconds
 * (bench:outbox measures the pacing against those limits on its own).
 *
 * The details add the CPU time per tap of the service's main thread and of the database process,
 * and the share of the machine's CPU time stolen by its host meanwhile (cpu-time.ts): on a shared
 * virtual machine the latencies rise with the steal, the CPU time per tap does not.
 *
 * Progress goes to stderr; options and details go to stdout; the LAST line is
 * `{"rate_per_s","taps","p50_ms","p99_ms","max_ms","next_task_p99_ms","db_commands_per_tap"}`.
 *
 * Options: --rate N (100 taps/s), --seconds S (60), --units N (500), --connections N (40),
 * --warmup N (taps before the counted ones, 200), --count-taps N (1,000), --features default|time (time: only the
 * time-standards feature).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CommandStartedEvent } from 'mongodb';
import { createApp, type App } from '../../src/app.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { loadConfig } from '../../src/config/env.js';
import { timeStandardsFeature } from '../../src/features/time-standards/index.js';
import { createLogger } from '../../src/logger.js';
import { freePort } from '../../src/storage/embedded-mongo.js';
import {
  loads,
  log,
  monitored,
  percentile,
  ROOT,
  runBench,
  sleep,
  sortedCopy,
  startDbProcess,
} from './bench-support.js';
import { startCpuWatch } from './cpu-time.js';
import { TelegramSide } from './taps-telegram-client.js';
import { linkEveryone, openInstances, orgYaml, TAP_FLOW } from './taps-world.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '60' },
    units: { type: 'string', default: '500' },
    connections: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '200' },
    'count-taps': { type: 'string', default: '1000' },
    features: { type: 'string', default: 'default' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const units = Number(values.units);
const connections = Number(values.connections);
const warmup = Number(values.warmup);
const countTaps = Number(values['count-taps']);
const taps = Math.round(rate * seconds);
const TOKEN = '424242:BENCH-token';
const SECRET = 'bench-webhook-secret-0123456789';

/** Counts the driver's commands: those started while serving a webhook request, and the others. */
class CommandCounter {
  readonly scope = new AsyncLocalStorage<{ tap: true }>();
  counting = false;
  inTaps = 0;
  other = 0;
  readonly byCommand = new Map<string, number>();
  readonly otherByCommand = new Map<string, number>();

  attach(app: App): void {
    app.storage.connection.getClient().on('commandStarted', (event: CommandStartedEvent) => {
      if (!this.counting) return;
      const collection = event.command[event.commandName] as unknown;
      const key = `${event.commandName} ${typeof collection === 'string' ? collection : ''}`.trim();
      const tally = this.scope.getStore() ? this.byCommand : this.otherByCommand;
      tally.set(key, (tally.get(key) ?? 0) + 1);
      if (this.scope.getStore()) this.inTaps++;
      else this.other++;
    });
    // The request listener that comes first puts the request in a scope the app's handler inherits.
    app.http.prependListener('request', () => this.scope.enterWith({ tap: true }));
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pandu-taps-'));
  const flowsDir = join(dir, 'flows');
  writeFileSync(join(dir, 'org.yaml'), orgYaml(units));
  mkdirSync(flowsDir);
  writeFileSync(join(flowsDir, 'bench-tap.yaml'), TAP_FLOW);
  // The paper feature reads its template and klasifikasi list from the flows directory.
  for (const part of ['arsip', 'templates'])
    cpSync(join(ROOT, 'flows', part), join(flowsDir, part), { recursive: true });
  const db = await startDbProcess();
  const telegram = new TelegramSide(TOKEN);
  const { apiRoot } = await telegram.call<{ apiRoot: string }>('start');
  const port = await freePort();
  const webhookUrl = `http://127.0.0.1:${port}/telegram/webhook`;
  const configFor = (uri: string) =>
    loadConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'error',
      FLOWS_DIR: flowsDir,
      ORG_FILE: join(dir, 'org.yaml'),
      LOCALES_DIR: join(ROOT, 'locales'),
      CALENDAR_FILE: join(ROOT, 'flows', 'calendars', 'indonesia-2026.yaml'),
      MONGODB_URI: uri,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      TELEGRAM_WEBHOOK_URL: webhookUrl,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    });
  const serviceOn = async (uri: string): Promise<App> => {
    const config = configFor(uri);
    const service = await createApp(config, {
      logger: createLogger(config.LOG_LEVEL),
      channels: [createTelegramChannel],
      // Telegram's per-chat spacing; the overall limit is left out (see the header).
      dispatcherLimits: { telegram: { perChatMs: 1000, globalPerSecond: 100_000 } },
      dispatcherPollMs: 50,
      ...(values.features === 'time' ? { features: [timeStandardsFeature({ reconcileEveryMs: 0 })] } : {}),
    });
    await service.start();
    return service;
  };
  const databaseUri = process.env['MONGODB_URI'] ?? db.uri;
  const options = { rate, seconds, taps, units, connections, warmup, countTaps, features: values.features };
  process.stdout.write(`${JSON.stringify({ options, loadAtStart: loads() })}\n`);
  const counter = new CommandCounter();
  let app = await serviceOn(monitored(databaseUri));
  counter.attach(app);
  try {
    await telegram.call('addUnits', { units });
    await linkEveryone(app, units);
    const total = warmup + countTaps + taps;
    const setupStart = Date.now();
    log(`opening ${total} instances in ${units} units`);
    await openInstances(app, total, units, String(setupStart));
    log(`instances written in ${Date.now() - setupStart} ms; delivering their task messages`);
    await drainOutbox(app, 600_000);
    log(`task messages delivered ${Date.now() - setupStart} ms after the start of setup`);
    await telegram.call('plan', { total, units });

    const tapping = { rate, webhookUrl, secret: SECRET, connections };
    log(`${warmup} warm-up taps, ${countTaps} counted (commands monitored), then ${taps} timed at ${rate}/s`);
    await telegram.call('tap', { ...tapping, from: 0, to: warmup });
    await sleep(2000);
    counter.counting = true;
    const counted = { from: warmup, to: warmup + countTaps };
    await telegram.call('tap', { ...tapping, ...counted });
    await settle(app, telegram, counted);
    counter.counting = false;
    // Its scope would cost every promise of the timed phase a little (async hooks).
    counter.scope.disable();

    // The same service again on the same database, its driver no longer monitoring commands.
    await app.stop();
    app = await serviceOn(databaseUri);
    // Once up, the service sets each linked person's command menu (one Bot API call each, in the
    // background): the timing starts when those are done, as a start is not what is measured.
    const menusDeadline = Date.now() + 120_000;
    do await sleep(1000);
    while (
      Date.now() - (await telegram.call<number>('lastCallAt', { method: 'setMyCommands' })) < 1000 &&
      Date.now() < menusDeadline
    );
    const cpu = startCpuWatch({
      service_thread: { pid: process.pid, tid: process.pid },
      database: { pid: db.child.pid as number },
    });
    const measuredStart = Date.now();
    const measured = { from: warmup + countTaps, to: total };
    await telegram.call('tap', { ...tapping, ...measured });
    await settle(app, telegram, measured);
    const cpuUsed = cpu.stop();
    const results = await telegram.call<{
      answerMs: number[];
      nextTaskMs: number[];
      refusals: number;
      failures: number;
      firstSentAt: number;
      lastSentAt: number;
      callsByMethod: Record<string, number>;
    }>('results', { ...measured, since: measuredStart });
    const answer = sortedCopy(results.answerMs);
    const nextTask = sortedCopy(results.nextTaskMs);
    const { refusals, failures } = results;
    const outbox = await app.storage.outbox.counts();
    process.stdout.write(
      `${JSON.stringify({
        details: {
          offered_rate_per_s:
            Math.round((taps / Math.max(1, results.lastSentAt - results.firstSentAt)) * 100_000) / 100,
          answered: answer.length,
          next_tasks: nextTask.length,
          refusals,
          bot_api_calls_per_tap: perTap(new Map(Object.entries(results.callsByMethod)), taps),
          webhook_failures: failures,
          outbox,
          next_task_p50_ms: percentile(nextTask, 50),
          next_task_max_ms: nextTask.at(-1) ?? 0,
          db_commands_outside_taps_per_tap: round(counter.other / countTaps),
          db_commands_in_taps: perTap(counter.byCommand, countTaps),
          db_commands_outside_taps: perTap(counter.otherByCommand, countTaps),
          cpu_ms_per_tap: perTap(new Map(Object.entries(cpuUsed.cpuMs)), taps),
          steal_share: cpuUsed.stealShare,
          load_at_end: loads(),
        },
      })}\n`,
    );
    process.stdout.write(
      `${JSON.stringify({
        rate_per_s: rate,
        taps,
        p50_ms: percentile(answer, 50),
        p99_ms: percentile(answer, 99),
        max_ms: answer.at(-1) ?? 0,
        next_task_p99_ms: percentile(nextTask, 99),
        db_commands_per_tap: round(counter.inTaps / countTaps),
      })}\n`,
    );
    if (answer.length < taps || nextTask.length < taps || refusals > 0 || failures > 0)
      throw new Error(
        `not every tap was answered and followed by the next task without refusal or error (answers ${answer.length}, next tasks ${nextTask.length}, refusals ${refusals}, failures ${failures} of ${taps})`,
      );
  } finally {
    await app.stop();
    await telegram.stop();
    db.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (value: number): number => Math.round(value * 100) / 100;

const perTap = (tally: Map<string, number>, taps: number): Record<string, number> =>
  Object.fromEntries([...tally].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round(v / taps)]));

/** Waits until every tap of `range` was answered and the outbox has nothing pending (or a minute). */
async function settle(app: App, telegram: TelegramSide, range: { from: number; to: number }): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const answered = await telegram.call<number>('answered', range);
    if (answered === range.to - range.from && (await app.storage.outbox.counts()).pending === 0) return;
    await sleep(500);
  }
}

/** Waits until the outbox has nothing pending. */
async function drainOutbox(app: App, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await app.storage.outbox.counts();
    if (counts.pending === 0) return;
    if (Date.now() > deadline) throw new Error(`the outbox still holds ${counts.pending} prompts`);
    await sleep(500);
  }
}

runBench(main);
