/**
 * `npm run bench:outbox [-- --n 3000 --chats 1000]`: how close the outbox comes to Telegram's limits.
 *
 * The real service (outbox, dispatcher, Telegram sender with its production pacing) on the
 * embedded database sends N notices to `--chats` people (round robin) through a Bot API stand-in
 * that enforces Telegram's limits as arrivals: at most 30 messages in any second overall and one
 * a second per chat; beyond them it answers 429 with `retry_after`. Measured from the moment the
 * notices are queued to the arrival of the last one; `limit_ms` is the least time the limits allow
 * (the later of (N − 1)/30 s and (N per chat − 1) s), `ratio = elapsed_ms / limit_ms`.
 *
 * One chat at one message a second takes N seconds: `--n 60 --chats 1` takes a minute, the
 * default 3,000 to one chat fifty minutes.
 *
 * Progress goes to stderr; options and details go to stdout; the LAST line is
 * `{"messages","chats","elapsed_ms","limit_ms","ratio","http_429"}`. It fails when a message was
 * not delivered exactly once.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Message } from 'grammy/types';
import { createApp } from '../../src/app.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { loadConfig } from '../../src/config/env.js';
import type { Prompt } from '../../src/core/engine/types.js';
import { createLogger } from '../../src/logger.js';
import { TelegramApiError, TelegramBotApiStandIn } from '../support/telegram/index.js';
import { loads, log, ROOT, runBench, sleep, startDbProcess } from './bench-support.js';
import { kasubbidChat, kasubbidOf, linkEveryone, orgYaml, TAP_FLOW } from './taps-world.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '3000' },
    chats: { type: 'string', default: '1000' },
    timeout: { type: 'string', default: '4000' },
  },
});
const n = Number(values.n);
const chats = Number(values.chats);
const TOKEN = '434343:BENCH-token';
const PER_SECOND = 30;
const PER_CHAT_MS = 1000;

/** Telegram's limits, counted on arrival: 30 a second overall, one a second per chat. */
class TelegramLimits {
  private readonly arrivals: number[] = [];
  private readonly lastPerChat = new Map<number, number>();
  rejected = 0;

  admit(chatId: number, now: number): void {
    while (this.arrivals.length > 0 && (this.arrivals[0] ?? 0) <= now - 1000) this.arrivals.shift();
    const last = this.lastPerChat.get(chatId);
    const chatWait = last === undefined ? 0 : last + PER_CHAT_MS - now;
    const globalWait = this.arrivals.length >= PER_SECOND ? (this.arrivals[0] ?? now) + 1000 - now : 0;
    const wait = Math.max(chatWait, globalWait);
    if (wait > 0) {
      this.rejected++;
      const retryAfter = Math.max(1, Math.ceil(wait / 1000));
      throw new TelegramApiError(429, `Too Many Requests: retry after ${retryAfter}`, {
        retry_after: retryAfter,
      });
    }
    this.arrivals.push(now);
    this.lastPerChat.set(chatId, now);
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pandu-outbox-'));
  writeFileSync(join(dir, 'org.yaml'), orgYaml(chats));
  mkdirSync(join(dir, 'flows'));
  writeFileSync(join(dir, 'flows', 'bench-tap.yaml'), TAP_FLOW);
  const db = await startDbProcess();
  const standIn = new TelegramBotApiStandIn({ token: TOKEN });
  await standIn.start();
  const limits = new TelegramLimits();
  const delivered = new Map<string, number>();
  let lastArrival = 0;
  let messageId = 1;
  standIn.onMethod('sendMessage', (params) => {
    const chatId = Number(params['chat_id']);
    const now = Date.now();
    limits.admit(chatId, now);
    const text = typeof params['text'] === 'string' ? params['text'] : '';
    const key = /Pesan-\d+/.exec(text)?.[0] ?? text;
    delivered.set(key, (delivered.get(key) ?? 0) + 1);
    lastArrival = now;
    const message: Message.TextMessage = {
      message_id: messageId++,
      date: Math.floor(now / 1000),
      chat: { id: chatId, type: 'private', first_name: 'Bench' },
      text,
    };
    return message;
  });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'error',
    FLOWS_DIR: join(dir, 'flows'),
    ORG_FILE: join(dir, 'org.yaml'),
    LOCALES_DIR: join(ROOT, 'locales'),
    CALENDAR_FILE: join(ROOT, 'flows', 'calendars', 'indonesia-2026.yaml'),
    MONGODB_URI: process.env['MONGODB_URI'] ?? db.uri,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: standIn.apiRoot,
  });
  // The production pacing: the Telegram sender's own limits, the dispatcher's default poll.
  const app = await createApp(config, {
    logger: createLogger(config.LOG_LEVEL),
    channels: [createTelegramChannel],
    features: [],
  });
  process.stdout.write(`${JSON.stringify({ options: { n, chats }, loadAtStart: loads() })}\n`);
  try {
    await app.start();
    for (let k = 0; k < chats; k++) standIn.addUser({ id: kasubbidChat(k), first_name: `K${k}` });
    await linkEveryone(app, chats);
    const prompts: Prompt[] = Array.from({ length: n }, (_, i) => ({
      id: `bench-outbox:${Date.now()}:${i}`,
      to: kasubbidOf(i % chats),
      instanceId: 'bench-outbox',
      kind: 'notice',
      lines: [{ key: 'chat-error-after', params: { done: `Pesan-${i}` } }],
      actions: [],
    }));
    log(`queueing ${n} notices to ${chats} chats`);
    const start = Date.now();
    for (let i = 0; i < prompts.length; i += 500) await app.storage.outbox.enqueue(prompts.slice(i, i + 500));
    const deadline = start + Number(values.timeout) * 1000;
    while (delivered.size < n && Date.now() < deadline) {
      await sleep(1000);
      log(`${delivered.size}/${n} delivered, ${limits.rejected} answered 429`);
    }
    await sleep(1500); // a late duplicate would show here
    const elapsed = lastArrival - start;
    const perChat = Math.ceil(n / chats);
    const limitMs = Math.max(((n - 1) / PER_SECOND) * 1000, (perChat - 1) * PER_CHAT_MS);
    const duplicates = [...delivered.values()].filter((count) => count > 1).length;
    const outbox = await app.storage.outbox.counts();
    process.stdout.write(
      `${JSON.stringify({ details: { delivered: delivered.size, duplicates, outbox, load_at_end: loads() } })}\n`,
    );
    process.stdout.write(
      `${JSON.stringify({
        messages: n,
        chats,
        elapsed_ms: elapsed,
        limit_ms: Math.round(limitMs),
        ratio: Math.round((elapsed / limitMs) * 1000) / 1000,
        http_429: limits.rejected,
      })}\n`,
    );
    if (delivered.size !== n || duplicates > 0)
      throw new Error(
        `not every message was delivered exactly once (${delivered.size}/${n}, ${duplicates} twice)`,
      );
  } finally {
    await app.stop();
    await standIn.stop();
    db.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main);
