/**
 * Issue 17: one outbox tick reads what its messages need together, not per message. The real
 * dispatcher on real mongoose over the embedded database, the paper feature's letters in
 * `paper_letters`, and the real Telegram sender (grammY) over HTTP against the Bot API stand-in;
 * the driver's commands are counted per collection while one tick runs.
 */
import type { CommandStartedEvent } from 'mongodb';
import { Api } from 'grammy';
import { pino } from 'pino';
import { createTelegramSender } from '../../src/channels/telegram/telegram-sender.js';
import { perCallIdentities } from '../../src/chat/call-memo.js';
import { OutboxDispatcher } from '../../src/chat/outbox-dispatcher.js';
import { ReaderResolver } from '../../src/chat/readers.js';
import { loadOrgFile } from '../../src/config/org-file.js';
import type { Prompt } from '../../src/core/engine/types.js';
import { letterFacts, letterFactsOfMany } from '../../src/features/paper/letter.js';
import type { PaperDeps } from '../../src/features/paper/paper-context.js';
import { MongoPaperStore } from '../../src/features/paper/paper-store.js';
import { loadTranslator } from '../../src/i18n/translator.js';
import { connectMongoStorage, type MongoStorage } from '../../src/storage/mongo-storage.js';
import { ManualClock } from '../support/fakes/memory-ports.js';
import { testMongo } from '../support/mongo.js';
import { EXAMPLE_ORG_FILE, LOCALES_DIR } from '../support/paths.js';
import { TelegramBotApiStandIn } from '../support/telegram/index.js';

const TOKEN = '123456:TICKREADS';

describe('one outbox tick on the database', () => {
  const standIn = new TelegramBotApiStandIn({ token: TOKEN });
  const org = loadOrgFile(EXAMPLE_ORG_FILE);
  const clock = new ManualClock(new Date('2026-11-23T02:00:00Z'));
  let mongo: Awaited<ReturnType<typeof testMongo>>;
  let storage: MongoStorage;
  let dispatcher: OutboxDispatcher;
  const commands = new Map<string, number>();
  let counting = false;

  beforeAll(async () => {
    await standIn.start();
    mongo = await testMongo('pandu-tick-reads');
    storage = await connectMongoStorage(
      `${mongo.uri}${mongo.uri.includes('?') ? '&' : '?'}monitorCommands=true`,
    );
    storage.connection.getClient().on('commandStarted', (event: CommandStartedEvent) => {
      if (!counting) return;
      const collection = event.command[event.commandName] as unknown;
      const key = `${event.commandName} ${typeof collection === 'string' ? collection : ''}`;
      commands.set(key, (commands.get(key) ?? 0) + 1);
    });
    const db = storage.connection.db;
    if (!db) throw new Error('not connected');
    const paperDeps = {
      store: new MongoPaperStore(db),
      org: () => org,
      flow: () => undefined,
      instance: () => Promise.resolve(undefined),
    } as unknown as PaperDeps;
    const identities = perCallIdentities(storage.identities);
    dispatcher = new OutboxDispatcher({
      outbox: storage.outbox,
      senders: [createTelegramSender(new Api(TOKEN, { apiRoot: standIn.apiRoot }))],
      identities,
      org: () => org,
      readers: new ReaderResolver({ org: () => org, identities, defaultTimeZone: 'Asia/Jakarta' }),
      translator: loadTranslator(LOCALES_DIR),
      tokens: storage.tokens,
      messages: storage.taskMessages,
      files: storage.files,
      clock,
      logger: pino({ level: 'silent' }),
      letterFacts: (instanceId, personId) => letterFacts(paperDeps, instanceId, personId),
      letterFactsBatch: (instanceIds) => letterFactsOfMany(paperDeps, instanceIds),
      limits: { telegram: { perChatMs: 10, globalPerSecond: 1000 } },
    });
    await paperDeps.store.saveLetter({
      instanceId: 'tick-0',
      metadata: { sifat: 'biasa', derajat: 'segera', lampiran: 0, tembusan: [] },
      updatedAt: '2026-11-23T02:00:00Z',
      updatedBy: 'tuti',
      confirmed: true,
    });
  });

  afterAll(async () => {
    await storage.close();
    await mongo.stop();
    await standIn.stop();
  });

  /** A task (with a button) to each of `people` new people, and a card to each; one tick. */
  async function oneTick(people: number, tag: string, firstUser: number): Promise<Map<string, number>> {
    const prompts: Prompt[] = [];
    for (let i = 0; i < people; i++) {
      const userId = firstUser + i;
      standIn.addUser({ id: userId, first_name: `P${i}`, language_code: 'id' });
      const personId = `${tag}-${i}`;
      await storage.identities.link(personId, {
        channel: 'telegram',
        userId: String(userId),
        chatId: String(userId),
      });
      await storage.identities.setPreferences(personId, { locale: i % 2 === 0 ? 'id' : 'en' });
      const instanceId = `tick-${i}`;
      prompts.push({
        id: `${tag}:${i}:task`,
        to: personId,
        instanceId,
        runId: `${tag}#${i}`,
        kind: i % 2 === 0 ? 'task' : 'card',
        lines: [{ key: 'reply-approved' }],
        actions: i % 2 === 0 ? [{ id: 'approve', label: { key: 'action-approve' }, style: 'primary' }] : [],
      });
    }
    await storage.outbox.enqueue(prompts);
    commands.clear();
    counting = true;
    const handled = await dispatcher.tick();
    counting = false;
    expect(handled).toBe(people);
    expect(await storage.outbox.counts()).toMatchObject({ pending: 0, failed: 0 });
    return new Map(commands);
  }

  test('the reads of a tick of 12 messages to 12 people are as many as of 3 to 3: one per collection', async () => {
    const few = await oneTick(3, 'few', 8100);
    const many = await oneTick(12, 'many', 8200);
    const reads = (tally: Map<string, number>) =>
      Object.fromEntries(
        ['identities', 'preferences', 'task_messages', 'paper_letters'].map((c) => [
          c,
          tally.get(`find ${c}`) ?? 0,
        ]),
      );
    expect(reads(many)).toEqual(reads(few));
    expect(reads(many)).toEqual({ identities: 1, preferences: 1, task_messages: 1, paper_letters: 1 });
    // What was sent: the letter's urgency on its task, each in its reader's language.
    expect(standIn.sentTo(8200).at(-1)?.text).toContain('Segera');
    expect(standIn.sentTo(8201).at(-1)?.text).toContain('Approved.');
    expect(standIn.sentTo(8202).at(-1)?.text).not.toContain('Segera');
  });
});
