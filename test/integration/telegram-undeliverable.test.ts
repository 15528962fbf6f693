/**
 * No silent loss (issue 15, failure 3): a message the Bot API refuses for its content is sent once
 * more as plain, well-formed, short text; one refused again is kept as failed and the person's
 * superior and the admins are told in chat. The real Telegram sender (grammY's Api) over real HTTP
 * against the Bot API stand-in, driven by the real outbox dispatcher on in-memory ports.
 */
import { Api } from 'grammy';
import { pino } from 'pino';
import { OutboxDispatcher } from '../../src/chat/outbox-dispatcher.js';
import { ReaderResolver } from '../../src/chat/readers.js';
import { createTelegramSender } from '../../src/channels/telegram/telegram-sender.js';
import { loadOrgFile } from '../../src/config/org-file.js';
import type { Prompt } from '../../src/core/engine/types.js';
import { loadTranslator } from '../../src/i18n/translator.js';
import { MemoryActionTokenStore, MemoryTaskMessageLog } from '../support/fakes/memory-chat-stores.js';
import {
  ManualClock,
  MemoryFileStore,
  MemoryIdentityStore,
  MemoryOutbox,
} from '../support/fakes/memory-ports.js';
import { EXAMPLE_ORG_FILE, LOCALES_DIR } from '../support/paths.js';
import { inlineButtons, TelegramBotApiStandIn, type SimUser } from '../support/telegram/index.js';

const TOKEN = '123456:UNDELIVERABLE';
const rina: SimUser = { id: 7101, first_name: 'Rina', language_code: 'id' };
const bambang: SimUser = { id: 7102, first_name: 'Bambang', language_code: 'id' };
const hendra: SimUser = { id: 7103, first_name: 'Hendra', language_code: 'en' };

describe('a message the Bot API refuses', () => {
  const standIn = new TelegramBotApiStandIn({ token: TOKEN });
  const org = loadOrgFile(EXAMPLE_ORG_FILE);
  const clock = new ManualClock(new Date('2026-11-23T02:00:00Z'));
  const outbox = new MemoryOutbox();
  const identities = new MemoryIdentityStore();
  let dispatcher: OutboxDispatcher;

  beforeAll(async () => {
    await standIn.start();
    for (const [personId, user] of [
      ['rina', rina],
      ['bambang', bambang],
      ['hendra', hendra],
    ] as const) {
      standIn.addUser(user);
      await identities.link(personId, {
        channel: 'telegram',
        userId: String(user.id),
        chatId: String(user.id),
      });
    }
    await identities.setPreferences('hendra', { locale: 'en' });
    dispatcher = new OutboxDispatcher({
      outbox,
      senders: [createTelegramSender(new Api(TOKEN, { apiRoot: standIn.apiRoot }))],
      identities,
      org: () => org,
      readers: new ReaderResolver({ org: () => org, identities, defaultTimeZone: 'Asia/Jakarta' }),
      translator: loadTranslator(LOCALES_DIR),
      tokens: new MemoryActionTokenStore(),
      messages: new MemoryTaskMessageLog(),
      files: new MemoryFileStore(),
      clock,
      logger: pino({ level: 'silent' }),
    });
  });

  afterAll(async () => {
    await standIn.stop();
  });

  const task = (id: string, subject: string): Prompt => ({
    id,
    to: 'rina',
    instanceId: 'i7',
    runId: 'input-data-ppk#1',
    kind: 'task',
    lines: [{ key: 'chat-document-coming', params: { name: subject } }],
    actions: [{ id: 'approve', label: { key: 'action-approve' }, style: 'primary' }],
  });

  test('a lone surrogate (refused: not UTF-8) goes as plain text, once more, with its buttons', async () => {
    await outbox.enqueue([task('i7:1:1', `${'😀'.repeat(3)}\uD83D`)]);
    await dispatcher.tick();
    const calls = standIn.calls('sendMessage').filter((c) => String(c.params['chat_id']) === String(rina.id));
    expect(calls.map((c) => c.outcome?.ok)).toEqual([false, true]);
    expect(calls[0]?.outcome).toMatchObject({ description: 'Bad Request: strings must be encoded in UTF-8' });
    const [shown] = standIn.sentTo(rina.id);
    expect(shown?.text).toContain('😀😀😀\uFFFD');
    expect(inlineButtons(shown?.replyMarkup).map((b) => b.text)).toEqual(['✅ Setujui']);
    expect(outbox.entries.get('i7:1:1')?.status).toBe('sent');
  });

  test('refused again as plain text: kept as failed; the superior and the admin are told, each in their language', async () => {
    standIn.failNext('sendMessage', {
      status: 400,
      description: 'Bad Request: message is too long',
      count: 2,
    });
    clock.advance(5000);
    await outbox.enqueue([task('i7:2:1', 'Perihal')]);
    await dispatcher.tick();
    expect(outbox.entries.get('i7:2:1')).toMatchObject({ status: 'failed' });
    clock.advance(5000);
    await dispatcher.tick();
    expect(standIn.sentTo(bambang.id).map((m) => m.text)).toEqual([
      expect.stringMatching(
        /Pesan untuk Rina Wulandari \(rina\) tidak dapat dikirim[^]*Mohon kabari Rina Wulandari/,
      ),
    ]);
    expect(standIn.sentTo(hendra.id).map((m) => m.text)).toEqual([
      expect.stringMatching(
        /A message to Rina Wulandari \(rina\) could not be delivered[^]*outbox retry i7:2:1/,
      ),
    ]);
    expect(standIn.sentTo(rina.id)).toHaveLength(1);
  });
});
