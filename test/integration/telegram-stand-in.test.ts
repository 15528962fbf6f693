import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { Bot, GrammyError, HttpError, InlineKeyboard, InputFile, webhookCallback } from 'grammy';
import type { Transformer } from 'grammy';
import type { Update } from 'grammy/types';

import { MAX_DOWNLOAD_BYTES, TelegramBotApiStandIn, inlineButtons } from '../support/telegram/index.js';
import type { SimUser } from '../support/telegram/index.js';

const TOKEN = '123:abc';
const alice: SimUser = { id: 1001, first_name: 'Alice', username: 'alice', language_code: 'id' };

interface ApiReply {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
}

let standIn: TelegramBotApiStandIn;
let pollingBots: Array<{ bot: Bot; done: Promise<void> }> = [];
let botErrors: unknown[] = [];

beforeEach(async () => {
  standIn = new TelegramBotApiStandIn();
  await standIn.start();
});

afterEach(async () => {
  for (const { bot, done } of pollingBots) {
    await bot.stop();
    await done;
  }
  pollingBots = [];
  await standIn.stop();
  expect(botErrors).toEqual([]);
  botErrors = [];
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function newBot(): Bot {
  return new Bot(TOKEN, { client: { apiRoot: standIn.apiRoot } });
}

/** Starts real long polling; resolves once grammY has called getMe and deleteWebhook. */
async function startPolling(bot: Bot): Promise<void> {
  bot.catch((error) => botErrors.push(error.error));
  await new Promise<void>((resolve, reject) => {
    const done = bot.start({ timeout: 30, onStart: () => resolve() });
    done.catch(reject);
    pollingBots.push({ bot, done });
  });
}

async function callApi(
  method: string,
  body?: unknown,
  token = TOKEN,
): Promise<{ status: number; reply: ApiReply }> {
  const response = await fetch(`${standIn.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, reply: (await response.json()) as ApiReply };
}

/** A plain grammY transformer that waits for retry_after and tries again (what auto-retry does). */
function retryAfterTransformer(maxRetries = 3): Transformer {
  return async (prev, method, payload, signal) => {
    let response = await prev(method, payload, signal);
    for (let attempt = 0; attempt < maxRetries && !response.ok; attempt++) {
      const retryAfter = response.parameters?.retry_after;
      if (retryAfter === undefined) break;
      await sleep(retryAfter * 1000);
      response = await prev(method, payload, signal);
    }
    return response;
  };
}

describe('a grammY bot long polling the stand-in', () => {
  it('answers /start with its payload', async () => {
    const bot = newBot();
    bot.command('start', (ctx) => ctx.reply(`Welcome, ${ctx.match}`));
    await startPolling(bot);

    const update = standIn.userSends(alice, '/start code-42');

    const reply = await standIn.waitForMessage(alice.id, (m) => m.text === 'Welcome, code-42');
    expect(reply.message.from?.is_bot).toBe(true);
    expect(update.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    const confirmed = await standIn.waitForCall(
      'getUpdates',
      (c) => c.params.offset === update.update_id + 1,
      {
        includePending: true,
      },
    );
    expect(confirmed.params.timeout).toBe(30);
  });

  it('answers an inline keyboard tap and edits the message', async () => {
    const bot = newBot();
    bot.command('approve', (ctx) =>
      ctx.reply('Approve step 3?', {
        reply_markup: new InlineKeyboard().text('Yes', 'step3:yes').text('No', 'step3:no'),
      }),
    );
    bot.callbackQuery(/^step3:(yes|no)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'Noted' });
      await ctx.editMessageText(`Step 3: ${ctx.match[1] ?? ''}`);
    });
    await startPolling(bot);

    standIn.userSends(alice, '/approve');
    const question = await standIn.waitForMessage(alice.id, (m) => m.text === 'Approve step 3?');
    expect(inlineButtons(question.replyMarkup).map((b) => b.text)).toEqual(['Yes', 'No']);
    const queryId = standIn.userTapsButton(alice, question, 'Yes');

    expect(await standIn.waitForCallbackAnswer(queryId)).toMatchObject({ text: 'Noted', showAlert: false });
    const edited = await standIn.waitForMessage(alice.id, (m) => m.text === 'Step 3: yes');
    expect(edited.messageId).toBe(question.messageId);
    expect(edited.replyMarkup).toBeUndefined(); // an edit without reply_markup drops the keyboard
    expect(edited.edits).toEqual([expect.objectContaining({ text: 'Approve step 3?' })]);
    expect(standIn.callbackAnswers()).toHaveLength(1);
  });

  it('lets the bot download a document the user sent, via getFile and the file route', async () => {
    const bytes = randomBytes(300_000);
    let downloaded = Buffer.alloc(0);
    const bot = newBot();
    bot.on('message:document', async (ctx) => {
      const file = await ctx.getFile();
      const response = await fetch(standIn.fileUrl(TOKEN, file.file_path ?? ''));
      downloaded = Buffer.from(await response.arrayBuffer());
      await ctx.reply(`Got ${ctx.message.document.file_name ?? '?'}: ${downloaded.length} bytes`);
    });
    await startPolling(bot);

    standIn.userSendsDocument(alice, {
      fileName: 'ppk.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes,
      caption: 'my PPK',
    });

    await standIn.waitForMessage(alice.id, (m) => m.text === 'Got ppk.xlsx: 300000 bytes');
    expect(downloaded.equals(bytes)).toBe(true);
  });

  it('receives a multipart sendDocument with its file name, bytes and caption', async () => {
    const report = randomBytes(70_000);
    const bot = newBot();
    bot.command('report', (ctx) =>
      ctx.replyWithDocument(new InputFile(report, 'Laporan SOP "Q1" é.pdf'), { caption: 'Your report' }),
    );
    await startPolling(bot);

    standIn.userSends(alice, '/report');

    const sent = await standIn.waitForMessage(alice.id, (m) => m.document !== undefined);
    expect(sent.caption).toBe('Your report');
    expect(sent.document).toMatchObject({
      fileName: 'Laporan SOP "Q1" é.pdf',
      mimeType: 'application/pdf',
      uploadContentType: 'application/octet-stream',
      fileSize: report.length,
    });
    expect(sent.document?.bytes.equals(report)).toBe(true);
    expect(standIn.calls('sendDocument')[0]?.uploads).toHaveLength(1);

    // The file_id can be sent again (a JSON call) and downloaded like any other file.
    const again = await bot.api.sendDocument(alice.id, sent.document?.fileId ?? '');
    expect(again.document?.file_id).toBe(sent.document?.fileId);
    const file = await bot.api.getFile(again.document?.file_id ?? '');
    const download = await fetch(standIn.fileUrl(TOKEN, file.file_path ?? ''));
    expect(Buffer.from(await download.arrayBuffer()).equals(report)).toBe(true);
  });

  it('passes replies and group commands addressed to the bot', async () => {
    const group = standIn.addGroup({ id: -100200, type: 'group', title: 'Dinas Kesehatan' });
    const bot = newBot();
    bot.command('status', (ctx) => ctx.reply(`Status for ${ctx.chat.type}`));
    bot.on('message:text', (ctx) => {
      const repliedTo = ctx.message.reply_to_message?.text;
      return repliedTo === undefined
        ? undefined
        : ctx.reply(`You answered "${repliedTo}": ${ctx.message.text}`);
    });
    await startPolling(bot);

    standIn.userSends(alice, '/status@pandu_test_bot', { chat: group });
    const status = await standIn.waitForMessage(group.id, (m) => m.text === 'Status for group');
    standIn.userReplies(alice, status, 'thanks');

    await standIn.waitForMessage(group.id, (m) => m.text === 'You answered "Status for group": thanks');
  });

  it('delivers an injected duplicate update_id again', async () => {
    const seen: number[] = [];
    const bot = newBot();
    bot.on('message:text', (ctx) => {
      seen.push(ctx.update.update_id);
      return ctx.reply(`seen ${seen.length}`);
    });
    await startPolling(bot);

    const update = standIn.userSends(alice, 'hello');
    await standIn.waitForMessage(alice.id, (m) => m.text === 'seen 1');
    standIn.pushRawUpdate(update);
    await standIn.waitForMessage(alice.id, (m) => m.text === 'seen 2');

    expect(seen).toEqual([update.update_id, update.update_id]);
    expect(standIn.userSends(alice, 'later').update_id).toBe(update.update_id + 1);
  });
});

describe('getUpdates semantics over raw HTTP', () => {
  it('answers a long poll as soon as an update is queued', async () => {
    const started = Date.now();
    const poll = callApi('getUpdates', { timeout: 20 });
    setTimeout(() => standIn.userSends(alice, 'ping'), 200);

    const { reply } = await poll;

    expect((reply.result as Update[]).map((update) => update.message?.text)).toEqual(['ping']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('honours limit and confirms updates below the offset', async () => {
    const ids = ['a', 'b', 'c'].map((text) => standIn.userSends(alice, text).update_id);
    const idsOf = (reply: ApiReply): number[] => (reply.result as Update[]).map((u) => u.update_id);

    expect(idsOf((await callApi('getUpdates', { limit: 2 })).reply)).toEqual(ids.slice(0, 2));
    expect(idsOf((await callApi('getUpdates', { offset: ids[2] })).reply)).toEqual(ids.slice(2));
    expect(standIn.pendingUpdateCount()).toBe(1);
    expect(idsOf((await callApi('getUpdates', { offset: (ids[2] ?? 0) + 1 })).reply)).toEqual([]);
    expect(standIn.pendingUpdateCount()).toBe(0);
  });

  it('ends an empty long poll after its timeout', async () => {
    const started = Date.now();
    const { reply } = await callApi('getUpdates', { timeout: 1 });
    expect(reply.result).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('terminates a pending long poll with 409 when another one arrives', async () => {
    const first = callApi('getUpdates', { timeout: 20 });
    await standIn.waitForCall('getUpdates', () => true, { includePending: true });
    await callApi('getUpdates', { timeout: 0 });
    const { status, reply } = await first;
    expect(status).toBe(409);
    expect(reply.description).toMatch(/^Conflict: terminated by other getUpdates request/);
  });

  it('ends pending long polls promptly on stop()', async () => {
    const poll = callApi('getUpdates', { timeout: 30 }).catch(() => 'connection closed');
    await sleep(50);
    const started = Date.now();
    await standIn.stop();
    await poll;
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('requests the stand-in refuses', () => {
  it('answers unknown methods, paths and malformed tokens with 404', async () => {
    expect(await callApi('sendTelepathy', {})).toEqual({
      status: 404,
      reply: { ok: false, error_code: 404, description: 'Not Found' },
    });
    expect((await callApi('getMe', undefined, 'not-a-token')).status).toBe(404);
    expect((await fetch(`${standIn.apiRoot}/nowhere`)).status).toBe(404);
    expect((await fetch(`${standIn.apiRoot}/file/bot${TOKEN}/documents/missing.pdf`)).status).toBe(404);
  });

  it('answers malformed and oversized bodies with 400 and 413', async () => {
    const malformed = await callApi('sendMessage', '{"chat_id": 1,');
    expect(malformed).toMatchObject({ status: 400, reply: { ok: false, error_code: 400 } });
    const huge = await callApi('sendMessage', { chat_id: alice.id, text: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(standIn.calls('sendMessage').map((c) => c.outcome)).toEqual([
      expect.objectContaining({ ok: false, errorCode: 400 }),
      expect.objectContaining({ ok: false, errorCode: 413 }),
    ]);
  });

  it('answers with Telegram errors for unknown chats, blocked users, bad HTML and unchanged edits', async () => {
    const bot = newBot();
    await expect(bot.api.sendMessage(999, 'hi')).rejects.toThrow('Bad Request: chat not found');

    standIn.addUser(alice);
    const sent = await bot.api.sendMessage(alice.id, '<b>Step 1</b>', { parse_mode: 'HTML' });
    await expect(bot.api.sendMessage(alice.id, 'a <br> b', { parse_mode: 'HTML' })).rejects.toThrow(
      "Bad Request: can't parse entities",
    );
    await expect(bot.api.sendMessage(alice.id, 'Done.', { parse_mode: 'MarkdownV2' })).rejects.toThrow(
      "Character '.' is reserved",
    );
    await expect(
      bot.api.editMessageText(alice.id, sent.message_id, '<b>Step 1</b>', { parse_mode: 'HTML' }),
    ).rejects.toThrow('Bad Request: message is not modified');

    standIn.userBlocksBot(alice);
    const blocked = await bot.api.sendMessage(alice.id, 'hi').catch((error: unknown) => error);
    expect(blocked).toBeInstanceOf(GrammyError);
    expect((blocked as GrammyError).error_code).toBe(403);
  });

  it('explains what arrived when waitForMessage times out', async () => {
    standIn.addUser(alice);
    await newBot().api.sendMessage(alice.id, 'Something else', {
      reply_markup: new InlineKeyboard().text('OK', 'ok'),
    });
    await expect(standIn.waitForMessage(alice.id, (m) => m.text === 'Expected', 100)).rejects.toThrow(
      /Timed out after 100 ms[\s\S]*#1 "Something else" \[OK → ok\][\s\S]*sendMessage → ok/,
    );
  });
});

describe('grammY API calls against the stand-in', () => {
  it('keeps command lists per language and scope', async () => {
    const bot = newBot();
    await bot.api.setMyCommands([{ command: 'start', description: 'Start a procedure' }]);
    await bot.api.setMyCommands([{ command: 'start', description: 'Mulai prosedur' }], {
      language_code: 'id',
    });
    await bot.api.setMyCommands([{ command: 'status', description: 'Status' }], {
      scope: { type: 'all_private_chats' },
      language_code: 'id',
    });

    expect(standIn.commands()).toEqual([{ command: 'start', description: 'Start a procedure' }]);
    expect(standIn.commands({ languageCode: 'id' })).toEqual([
      { command: 'start', description: 'Mulai prosedur' },
    ]);
    expect(
      await bot.api.getMyCommands({ scope: { type: 'all_private_chats' }, language_code: 'id' }),
    ).toEqual([{ command: 'status', description: 'Status' }]);
    expect(await bot.api.getMyCommands({ language_code: 'en' })).toEqual([]);
    await expect(bot.api.setMyCommands([{ command: 'Start', description: 'x' }])).rejects.toThrow(
      'BOT_COMMAND_INVALID',
    );
  });

  it('fails with 429 and retry_after, and a transformer honouring it succeeds after waiting', async () => {
    standIn.addUser(alice);
    const plain = newBot();
    standIn.failNext('sendMessage', { status: 429, retryAfter: 7 });
    const error = await plain.api.sendMessage(alice.id, 'first').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({
      error_code: 429,
      description: 'Too Many Requests: retry after 7',
      parameters: { retry_after: 7 },
    });

    const retrying = newBot();
    retrying.api.config.use(retryAfterTransformer());
    standIn.failNext('sendMessage', { status: 429, retryAfter: 1 });
    await retrying.api.sendMessage(alice.id, 'after retry');

    const [, limited, retried] = standIn.calls('sendMessage');
    expect(limited?.outcome).toEqual({
      ok: false,
      errorCode: 429,
      description: 'Too Many Requests: retry after 1',
    });
    expect(retried?.outcome).toEqual({ ok: true });
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(990);
    expect(standIn.sentTo(alice.id).map((m) => m.text)).toEqual(['after retry']);
  });

  it('fails the next n calls with 500 or a dropped connection', async () => {
    standIn.addUser(alice);
    const bot = newBot();
    standIn.failNext('sendMessage', { status: 500, count: 2 });
    standIn.failNext('getMe', { dropConnection: true });

    await expect(bot.api.sendMessage(alice.id, '1')).rejects.toThrow('Internal Server Error');
    await expect(bot.api.sendMessage(alice.id, '2')).rejects.toThrow('Internal Server Error');
    await bot.api.sendMessage(alice.id, '3');
    await expect(bot.api.getMe()).rejects.toBeInstanceOf(HttpError);
    await expect(bot.api.getMe()).resolves.toMatchObject({ id: 123, is_bot: true });
    expect(standIn.sentTo(alice.id).map((m) => m.text)).toEqual(['3']);
  });

  it('refuses getFile for files over 20 MB', async () => {
    const small = standIn.userSendsDocument(alice, {
      fileName: 'a.txt',
      mimeType: 'text/plain',
      bytes: Buffer.from('a'),
    });
    const big = standIn.userSendsDocument(alice, {
      fileName: 'scan.pdf',
      mimeType: 'application/pdf',
      bytes: Buffer.alloc(MAX_DOWNLOAD_BYTES + 1),
    });
    const bot = newBot();

    await expect(bot.api.getFile(small.message?.document?.file_id ?? '')).resolves.toMatchObject({
      file_size: 1,
    });
    const error = await bot.api.getFile(big.message?.document?.file_id ?? '').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 400, description: 'Bad Request: file is too big' });
  });
});

describe('a grammY bot behind a webhook', () => {
  let server: http.Server;
  let webhookUrl: string;

  async function serveWebhook(bot: Bot, secretToken: string): Promise<void> {
    const handle = webhookCallback(bot, 'http', { secretToken });
    server = http.createServer((req, res) => {
      handle(req, res).catch(() => res.writeHead(500).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram`;
  }

  afterEach(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });

  it('posts updates with the secret token, and a wrong secret gets 401', async () => {
    const bot = newBot();
    bot.command('start', (ctx) => ctx.reply('Hello via webhook'));
    await serveWebhook(bot, 'pandu-secret');
    await bot.api.setWebhook(webhookUrl, { secret_token: 'pandu-secret' });

    standIn.userSends(alice, '/start');
    await standIn.waitForMessage(alice.id, (m) => m.text === 'Hello via webhook');
    await standIn.flushWebhook();
    expect(standIn.webhookDeliveries().map((d) => d.status)).toEqual([200]);
    expect((await bot.api.getWebhookInfo()).url).toBe(webhookUrl);
    await expect(bot.api.getUpdates()).rejects.toMatchObject({ error_code: 409 });

    await bot.api.setWebhook(webhookUrl, { secret_token: 'wrong-secret' });
    standIn.userSends(alice, '/start again');
    await standIn.flushWebhook();
    expect(standIn.webhookDeliveries().map((d) => d.status)).toEqual([200, 401]);
    expect(standIn.webhookInfo().last_error_message).toBe(
      'Wrong response from the webhook: 401 Unauthorized',
    );
    expect(standIn.sentTo(alice.id)).toHaveLength(1);
  });

  it('executes a method call returned in the webhook response', async () => {
    const bot = new Bot(TOKEN, {
      client: { apiRoot: standIn.apiRoot, canUseWebhookReply: (method) => method === 'sendMessage' },
    });
    bot.on('message:text', (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    await serveWebhook(bot, 'pandu-secret');
    await bot.api.setWebhook(webhookUrl, { secret_token: 'pandu-secret' });

    standIn.userSends(alice, 'hi');
    await standIn.flushWebhook();

    expect(standIn.lastMessageTo(alice.id)?.text).toBe('echo: hi');
    expect(standIn.calls('sendMessage').map((c) => c.via)).toEqual(['webhook-reply']);
  });
});
