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
 * Measured per tap: from the POST to the answer of its callback query at the stand-in
 * (p50/p99/max), and to the Staf's new task message for that instance at the stand-in
 * (`next_task_p99_ms`, through the outbox). `db_commands_per_tap` counts the commands the driver
 * reports (command monitoring) while serving the taps' webhook requests, what they start
 * included (the dispatcher's own commands are counted apart, in the details).
 *
 * The dispatcher is paced at Telegram's 1 message/s per chat but without the 30/s overall limit:
 * 100 taps/s make more than 100 messages/s, which Telegram would spread over several seconds
 * (bench:outbox measures the pacing against those limits on its own).
 *
 * Progress goes to stderr; options and details go to stdout; the LAST line is
 * `{"rate_per_s","taps","p50_ms","p99_ms","max_ms","next_task_p99_ms","db_commands_per_tap"}`.
 *
 * Options: --rate N (100 taps/s), --seconds S (60), --units N (500), --connections N (40),
 * --warmup N (taps before the measured ones, 200), --features default|time (time: only the
 * time-standards feature).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Message, Update } from 'grammy/types';
import type { CommandStartedEvent } from 'mongodb';
import { createApp, type App } from '../../src/app.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { loadConfig } from '../../src/config/env.js';
import { timeStandardsFeature } from '../../src/features/time-standards/index.js';
import { createLogger } from '../../src/logger.js';
import { freePort } from '../../src/storage/embedded-mongo.js';
import { inlineButtons, TelegramBotApiStandIn } from '../support/telegram/index.js';
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
import {
  kasubbidChat,
  linkEveryone,
  openInstances,
  orgYaml,
  stafChat,
  subjectOf,
  TAP_FLOW,
} from './taps-world.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '60' },
    units: { type: 'string', default: '500' },
    connections: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '200' },
    features: { type: 'string', default: 'default' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const units = Number(values.units);
const connections = Number(values.connections);
const warmup = Number(values.warmup);
const taps = Math.round(rate * seconds);
const TOKEN = '424242:BENCH-token';
const SECRET = 'bench-webhook-secret-0123456789';

interface Tap {
  index: number;
  chatId: number;
  staffChat: number;
  subject: string;
  message: Message;
  data: string;
  queryId: string;
  sentAt?: number;
  answeredAt?: number;
  failed?: string;
}

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
  const standIn = new TelegramBotApiStandIn({ token: TOKEN });
  await standIn.start();
  const port = await freePort();
  const webhookUrl = `http://127.0.0.1:${port}/telegram/webhook`;
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'error',
    FLOWS_DIR: flowsDir,
    ORG_FILE: join(dir, 'org.yaml'),
    LOCALES_DIR: join(ROOT, 'locales'),
    CALENDAR_FILE: join(ROOT, 'flows', 'calendars', 'indonesia-2026.yaml'),
    MONGODB_URI: monitored(process.env['MONGODB_URI'] ?? db.uri),
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: standIn.apiRoot,
    TELEGRAM_WEBHOOK_URL: webhookUrl,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
  });
  const app = await createApp(config, {
    logger: createLogger(config.LOG_LEVEL),
    channels: [createTelegramChannel],
    // Telegram's per-chat spacing; the overall limit is left out (see the header).
    dispatcherLimits: { telegram: { perChatMs: 1000, globalPerSecond: 100_000 } },
    dispatcherPollMs: 50,
    ...(values.features === 'time' ? { features: [timeStandardsFeature({ reconcileEveryMs: 0 })] } : {}),
  });
  const counter = new CommandCounter();
  counter.attach(app);
  // Taps are answered by the stand-in whatever their id (the bench makes the updates itself).
  const answeredAt = new Map<string, number>();
  standIn.onMethod('answerCallbackQuery', (params) => {
    answeredAt.set(String(params['callback_query_id']), Date.now());
    return true;
  });
  const options = { rate, seconds, taps, units, connections, warmup, features: values.features };
  process.stdout.write(`${JSON.stringify({ options, loadAtStart: loads() })}\n`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  try {
    await app.start();
    for (let k = 0; k < units; k++) {
      standIn.addUser({ id: kasubbidChat(k), first_name: `Kasubbid ${k}` });
      standIn.addUser({ id: stafChat(k), first_name: `Staf ${k}` });
      standIn.addUser({ id: 300_000 + k, first_name: `ULP ${k}` });
    }
    await linkEveryone(app, units);
    const total = taps + warmup;
    const setupStart = Date.now();
    log(`opening ${total} instances in ${units} units`);
    await openInstances(app, total, units, String(setupStart));
    log(`instances written in ${Date.now() - setupStart} ms; delivering their task messages`);
    await drainOutbox(app, 600_000);
    log(`task messages delivered ${Date.now() - setupStart} ms after the start of setup`);
    const plan = tapsToMake(standIn, total, units);

    const post = (tap: Tap): void => {
      tap.sentAt = Date.now();
      const update: Update = {
        update_id: 1_000_000 + tap.index,
        callback_query: {
          id: tap.queryId,
          from: { id: tap.chatId, is_bot: false, first_name: `Kasubbid`, language_code: 'id' },
          message: tap.message,
          chat_instance: `ci${tap.chatId}`,
          data: tap.data,
        },
      };
      const body = JSON.stringify(update);
      const request = http.request(
        webhookUrl,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-telegram-bot-api-secret-token': SECRET,
          },
        },
        (response) => {
          response.resume();
          if (response.statusCode !== 200) tap.failed = `webhook answered ${String(response.statusCode)}`;
        },
      );
      request.on('error', (error) => {
        tap.failed = error.message;
      });
      request.end(body);
    };
    log(`${warmup} warm-up taps, then ${taps} at ${rate}/s`);
    await tapAtRate(plan.slice(0, warmup), rate, post);
    await sleep(2000);
    counter.counting = true;
    const measuredStart = Date.now();
    const measured = plan.slice(warmup);
    await tapAtRate(measured, rate, post);
    const lastSent = Date.now();
    // Every answer and every next task, or a timeout.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const answered = measured.filter((t) => answeredAt.has(t.queryId)).length;
      if (answered === measured.length && (await app.storage.outbox.counts()).pending === 0) break;
      await sleep(500);
    }
    counter.counting = false;
    for (const tap of measured) tap.answeredAt = answeredAt.get(tap.queryId);
    const nextTaskAt = nextTaskTimes(standIn, measuredStart);
    const answer = sortedCopy(
      measured.flatMap((t) => (t.answeredAt && t.sentAt ? [t.answeredAt - t.sentAt] : [])),
    );
    const nextTask = sortedCopy(
      measured.flatMap((t) => {
        const at = nextTaskAt.get(t.subject);
        return at && t.sentAt ? [at - t.sentAt] : [];
      }),
    );
    const refusals = standIn
      .calls('answerCallbackQuery')
      .filter((c) => c.at >= measuredStart && text(c.params['text']).startsWith('⛔')).length;
    const failures = measured.filter((t) => t.failed).length;
    const outbox = await app.storage.outbox.counts();
    process.stdout.write(
      `${JSON.stringify({
        details: {
          offered_rate_per_s:
            Math.round((measured.length / Math.max(1, lastSent - measuredStart)) * 100_000) / 100,
          answered: answer.length,
          next_tasks: nextTask.length,
          refusals,
          webhook_failures: failures,
          outbox,
          next_task_p50_ms: percentile(nextTask, 50),
          next_task_max_ms: nextTask.at(-1) ?? 0,
          db_commands_outside_taps_per_tap: round(counter.other / measured.length),
          db_commands_in_taps: perTap(counter.byCommand, measured.length),
          db_commands_outside_taps: perTap(counter.otherByCommand, measured.length),
          load_at_end: loads(),
        },
      })}\n`,
    );
    process.stdout.write(
      `${JSON.stringify({
        rate_per_s: rate,
        taps: measured.length,
        p50_ms: percentile(answer, 50),
        p99_ms: percentile(answer, 99),
        max_ms: answer.at(-1) ?? 0,
        next_task_p99_ms: percentile(nextTask, 99),
        db_commands_per_tap: round(counter.inTaps / measured.length),
      })}\n`,
    );
    if (answer.length < measured.length || nextTask.length < measured.length || refusals > 0 || failures > 0)
      throw new Error(
        `not every tap was answered and followed by the next task without refusal or error (answers ${answer.length}, next tasks ${nextTask.length}, refusals ${refusals}, failures ${failures} of ${measured.length})`,
      );
  } finally {
    await app.stop();
    agent.destroy();
    await standIn.stop();
    db.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (value: number): number => Math.round(value * 100) / 100;

const perTap = (tally: Map<string, number>, taps: number): Record<string, number> =>
  Object.fromEntries([...tally].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round(v / taps)]));

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

/** One tap per instance, on "Setujui" of its Kasubbid's task message, in instance order. */
function tapsToMake(standIn: TelegramBotApiStandIn, total: number, units: number): Tap[] {
  const bySubject = new Map<string, { chatId: number; message: Message; data: string }>();
  for (let k = 0; k < units; k++) {
    for (const sent of standIn.sentTo(kasubbidChat(k))) {
      const button = inlineButtons(sent.replyMarkup).find((b) => b.text.includes('Setujui'));
      const subject = /Beban-\d{6}/.exec(sent.text ?? '')?.[0];
      if (!button || !('callback_data' in button) || !subject) continue;
      bySubject.set(subject, { chatId: sent.chatId, message: sent.message, data: button.callback_data });
    }
  }
  return Array.from({ length: total }, (_, index) => {
    const subject = subjectOf(index);
    const found = bySubject.get(subject);
    if (!found) throw new Error(`no task message with "Setujui" for ${subject}`);
    return {
      index,
      subject,
      staffChat: stafChat(index % units),
      queryId: String(9_000_000_000 + index),
      ...found,
    };
  });
}

/** Posts the taps at a fixed rate (on schedule, not after each other's answers). */
async function tapAtRate(plan: Tap[], perSecond: number, post: (tap: Tap) => void): Promise<void> {
  const start = Date.now();
  for (const [i, tap] of plan.entries()) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - Date.now();
    if (wait > 1) await sleep(wait);
    post(tap);
  }
}

/** When each instance's next task (a message with buttons to a Staf) reached the stand-in. */
function nextTaskTimes(standIn: TelegramBotApiStandIn, since: number): Map<string, number> {
  const at = new Map<string, number>();
  for (const call of standIn.calls('sendMessage')) {
    if (call.at < since || call.outcome?.ok !== true) continue;
    const chatId = Number(call.params['chat_id']);
    if (chatId < 200_000 || chatId >= 300_000) continue;
    if (!JSON.stringify(call.params['reply_markup'] ?? '').includes('callback_data')) continue;
    const subject = /Beban-\d{6}/.exec(text(call.params['text']))?.[0];
    if (subject && !at.has(subject)) at.set(subject, call.at);
  }
  return at;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
runBench(main);
