import { pino } from 'pino';
import {
  ChannelContentRefusedError,
  ChannelPermanentError,
  ChannelRateLimitedError,
  ChannelTransientError,
} from '../../../src/chat/errors.js';
import { perCallIdentities } from '../../../src/chat/call-memo.js';
import { OutboxDispatcher } from '../../../src/chat/outbox-dispatcher.js';
import { ReaderResolver } from '../../../src/chat/readers.js';
import type { Prompt } from '../../../src/core/engine/types.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { loadOrgFile } from '../../../src/config/org-file.js';
import {
  MemoryActionTokenStore,
  MemoryPlatformFileRefs,
  MemoryTaskMessageLog,
} from '../../support/fakes/memory-chat-stores.js';
import {
  ManualClock,
  MemoryFileStore,
  MemoryIdentityStore,
  MemoryOutbox,
} from '../../support/fakes/memory-ports.js';
import { FakeSender } from '../../support/fake-sender.js';
import { EXAMPLE_ORG_FILE, LOCALES_DIR } from '../../support/paths.js';

function rig(withChannels = true) {
  const org = loadOrgFile(EXAMPLE_ORG_FILE);
  const clock = new ManualClock(new Date('2026-11-23T02:00:00Z'));
  const outbox = new MemoryOutbox();
  const identities = new MemoryIdentityStore();
  const telegram = new FakeSender('telegram');
  const slack = new FakeSender('slack');
  const tokens = new MemoryActionTokenStore();
  const messages = new MemoryTaskMessageLog();
  const files = new MemoryFileStore();
  const fileRefs = new MemoryPlatformFileRefs();
  const dispatcher = new OutboxDispatcher({
    files,
    fileRefs,
    outbox,
    senders: withChannels ? [telegram, slack] : [],
    identities,
    org: () => org,
    readers: new ReaderResolver({ org: () => org, identities, defaultTimeZone: 'Asia/Jakarta' }),
    translator: loadTranslator(LOCALES_DIR),
    tokens,
    messages,
    clock,
    logger: pino({ level: 'silent' }),
    limits: {
      telegram: { perChatMs: 1000, globalPerSecond: 30 },
      slack: { perChatMs: 1000, globalPerSecond: 20 },
    },
  });
  return { org, clock, outbox, identities, telegram, slack, tokens, messages, files, fileRefs, dispatcher };
}

let n = 0;
function task(to: string, runId = 'input-data-ppk#1', kind: Prompt['kind'] = 'task'): Prompt {
  n += 1;
  return {
    id: `i1:${n}:1`,
    to,
    instanceId: 'i1',
    runId,
    kind,
    lines: [{ key: 'reply-approved' }],
    actions:
      kind === 'task-closed' ? [] : [{ id: 'approve', label: { key: 'action-approve' }, style: 'primary' }],
  };
}

/** Counts the calls of the named methods of `target`, under `reads[name]`. */
function countCalls<T extends object>(
  target: T,
  names: Array<keyof T & string>,
  reads: Record<string, number>,
) {
  for (const name of names) {
    const method = (target[name] as (...args: unknown[]) => unknown).bind(target);
    reads[name] = 0;
    (target as Record<string, unknown>)[name] = (...args: unknown[]) => {
      reads[name] = (reads[name] ?? 0) + 1;
      return method(...args);
    };
  }
}

/**
 * One tick of a requester's card to each of `people` people, wired as the app wires it (the
 * identities per call, for the dispatcher and the readers alike); half of the cards were sent
 * before (edited now), half are new. Returns what was read, by store method.
 */
async function readsOfOneTick(people: number) {
  const r = rig();
  const store = new MemoryIdentityStore();
  const reads: Record<string, number> = {};
  for (let i = 0; i < people; i++) {
    await store.link(`p${i}`, { channel: 'telegram', userId: `${i}`, chatId: `${i}` });
    if (i % 2 === 0)
      await r.messages.record(`i${i}`, 'card', `p${i}`, {
        platform: 'telegram',
        chatId: `${i}`,
        messageId: `${i}`,
      });
  }
  countCalls(
    store,
    ['account', 'identitiesOf', 'identitiesOfMany', 'preferences', 'preferencesOfMany'],
    reads,
  );
  countCalls(r.messages, ['find', 'findMany'], reads);
  reads.letterFacts = 0;
  reads.letterFactsBatch = 0;
  const facts = { confidential: false, rank: 1, badge: { key: 'reply-approved' } };
  const identities = perCallIdentities(store);
  const dispatcher = new OutboxDispatcher({
    outbox: r.outbox,
    senders: [r.telegram],
    identities,
    org: () => r.org,
    readers: new ReaderResolver({ org: () => r.org, identities, defaultTimeZone: 'Asia/Jakarta' }),
    translator: loadTranslator(LOCALES_DIR),
    tokens: r.tokens,
    messages: r.messages,
    clock: r.clock,
    logger: pino({ level: 'silent' }),
    files: r.files,
    letterFacts: () => {
      reads.letterFacts = (reads.letterFacts ?? 0) + 1;
      return Promise.resolve(facts);
    },
    letterFactsBatch: () => {
      reads.letterFactsBatch = (reads.letterFactsBatch ?? 0) + 1;
      return Promise.resolve(() => Promise.resolve(facts));
    },
    limits: { telegram: { perChatMs: 1000, globalPerSecond: 1000 } },
  });
  await r.outbox.enqueue(
    Array.from({ length: people }, (_, i) => ({
      ...task(`p${i}`, 'card', 'card'),
      instanceId: `i${i}`,
      actions: [],
    })),
  );
  expect(await dispatcher.tick()).toBe(people);
  expect([r.telegram.sent.length, r.telegram.edits.length]).toEqual([people / 2, people / 2]);
  // The letter's mark is on every card, sent or edited.
  expect([...r.telegram.sent, ...r.telegram.edits].every((m) => m.message.lines[0] === 'Disetujui.')).toBe(
    true,
  );
  return reads;
}

describe('the outbox dispatcher', () => {
  test('a process without channels leaves the outbox to the processes that can send', async () => {
    const r = rig(false);
    await r.identities.link('fajar', { channel: 'telegram', userId: '77', chatId: '77' });
    await r.outbox.enqueue([task('fajar')]);
    r.dispatcher.start();
    await r.dispatcher.stop();
    expect(await r.outbox.counts()).toMatchObject({ pending: 1, failed: 0 });
  });

  test('renders in the reader language, with opaque tokens that map back to the action', async () => {
    const r = rig();
    await r.identities.link('fajar', { channel: 'telegram', userId: '77', chatId: '77' });
    await r.identities.setPreferences('fajar', { locale: 'en' });
    await r.outbox.enqueue([task('fajar')]);
    await r.dispatcher.tick();
    const [sent] = r.telegram.sent;
    expect(sent?.chatId).toBe('77');
    expect(sent?.message.lines).toEqual(['Approved.']);
    const button = sent?.message.buttons[0]?.[0];
    expect(button?.label).toBe('✅ Approve');
    expect(button?.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.byteLength(button?.token ?? '')).toBeLessThanOrEqual(64);
    expect(await r.tokens.find(button?.token ?? '')).toMatchObject({
      personId: 'fajar',
      instanceId: 'i1',
      runId: 'input-data-ppk#1',
      actionId: 'approve',
    });
    expect((await r.outbox.counts()).sent).toBe(1);
  });

  test('a 429 is retried after retry_after, never before; nothing is lost', async () => {
    const r = rig();
    await r.identities.link('rina', { channel: 'telegram', userId: '5', chatId: '5' });
    r.telegram.failNext(new ChannelRateLimitedError(7000));
    await r.outbox.enqueue([task('rina')]);
    await r.dispatcher.tick();
    expect(r.telegram.sent).toHaveLength(0);
    r.clock.advance(6999);
    await r.dispatcher.tick();
    expect(r.telegram.sent).toHaveLength(0);
    r.clock.advance(1);
    await r.dispatcher.tick();
    expect(r.telegram.sent).toHaveLength(1);
  });

  test('a platform outage (network, 5xx) backs off and delivers when it is back', async () => {
    const r = rig();
    await r.identities.link('rina', { channel: 'telegram', userId: '5', chatId: '5' });
    r.telegram.failNext(
      new ChannelTransientError('ECONNRESET'),
      new ChannelTransientError('502'),
      new ChannelTransientError('502'),
    );
    await r.outbox.enqueue([task('rina')]);
    for (let i = 0; i < 6; i++) {
      await r.dispatcher.tick();
      r.clock.advance(5000);
    }
    expect(r.telegram.sent).toHaveLength(1);
    expect(
      r.outbox.entries.get(r.telegram.sent.length ? ([...r.outbox.entries.keys()][0] ?? '') : '')?.attempts,
    ).toBe(4);
  });

  test('one message per second to a chat: the second waits, other chats do not', async () => {
    const r = rig();
    await r.identities.link('rina', { channel: 'telegram', userId: '5', chatId: '5' });
    await r.identities.link('fajar', { channel: 'telegram', userId: '6', chatId: '6' });
    await r.outbox.enqueue([task('rina'), task('rina'), task('fajar')]);
    await r.dispatcher.tick();
    expect(r.telegram.sent.map((s) => s.chatId)).toEqual(['5', '6']);
    r.clock.advance(1000);
    await r.dispatcher.tick();
    expect(r.telegram.sent.map((s) => s.chatId)).toEqual(['5', '6', '5']);
  });

  test('a person linked on both platforms gets tasks on their chosen one, else the one they used last', async () => {
    const r = rig();
    await r.identities.link('dewi', { channel: 'telegram', userId: '9', chatId: '9' });
    await r.identities.link('dewi', { channel: 'slack', userId: 'U9', chatId: 'D9' });
    await r.identities.setPreferences('dewi', { lastChannel: 'slack' });
    await r.outbox.enqueue([task('dewi')]);
    await r.dispatcher.tick();
    expect(r.slack.sent.map((s) => s.chatId)).toEqual(['D9']);
    await r.identities.setPreferences('dewi', { preferredChannel: 'telegram' });
    await r.outbox.enqueue([task('dewi', 'x#1')]);
    r.clock.advance(2000);
    await r.dispatcher.tick();
    expect(r.telegram.sent.map((s) => s.chatId)).toEqual(['9']);
  });

  test('closing a task edits its messages on every platform and removes their buttons', async () => {
    const r = rig();
    await r.messages.record('i1', 'r#1', 'dewi', { platform: 'telegram', chatId: '9', messageId: '100' });
    await r.messages.record('i1', 'r#1', 'dewi', { platform: 'slack', chatId: 'D9', messageId: '1.2' });
    await r.messages.record('i1', 'r#1', 'fajar', { platform: 'telegram', chatId: '6', messageId: '7' });
    await r.outbox.enqueue([task('dewi', 'r#1', 'task-closed')]);
    await r.dispatcher.tick();
    expect(r.telegram.edits.map((e) => e.sent.messageId)).toEqual(['100']);
    expect(r.slack.edits.map((e) => e.sent.messageId)).toEqual(['1.2']);
    expect([...r.telegram.edits, ...r.slack.edits].every((e) => e.message.buttons.length === 0)).toBe(true);
  });

  test('someone with no linked account: the message is kept as failed with the reason, not retried forever', async () => {
    const r = rig();
    const failed = () =>
      [...r.outbox.entries.values()].filter((e) => e.status === 'failed' && e.prompt.kind === 'task');
    await r.outbox.enqueue([task('yusuf')]);
    await r.dispatcher.tick();
    const [entry] = failed();
    expect(entry?.status).toBe('failed');
    expect(entry?.lastError).toContain('no linked chat account');
    r.telegram.failNext(new ChannelPermanentError('Forbidden: bot was blocked by the user'));
    await r.identities.link('rina', { channel: 'telegram', userId: '5', chatId: '5' });
    await r.outbox.enqueue([task('rina')]);
    await r.dispatcher.tick();
    expect(failed()).toHaveLength(2);
    // A person blocking the bot is not cured by another rendering: it was tried once.
    expect(r.telegram.sent.filter((s) => s.chatId === '5')).toEqual([]);
  });

  test('someone with no linked account: their superior is told once a day, however many messages wait', async () => {
    const r = rig();
    await r.identities.link('bambang', { channel: 'telegram', userId: '7', chatId: '7' });
    const toBambang = () => r.telegram.sent.filter((s) => s.chatId === '7').map((s) => s.message.lines);
    await r.outbox.enqueue([task('rina'), task('rina', 'verifikasi#1'), task('rina', 'input-data-ppk#2')]);
    await r.dispatcher.tick();
    r.clock.advance(2000);
    await r.dispatcher.tick();
    const failedTasks = [...r.outbox.entries.values()].filter((e) => e.prompt.kind === 'task');
    expect(failedTasks.map((e) => e.status)).toEqual(['failed', 'failed', 'failed']);
    const [told, ...more] = toBambang();
    expect(more).toEqual([]);
    // The reason in his language, not the error's English; the first message's step; the day's rule.
    expect(told?.[0]).toContain('Rina');
    expect(told?.[0]).toContain('akun chat-nya belum ditautkan');
    expect(told?.join('\n')).not.toContain('no linked chat account');
    expect(told?.[1]).toContain('input-data-ppk');
    expect(told?.at(-1)).toContain('Hari ini Anda tidak diberi tahu lagi');
    // The admin hendra (no account either) has one notice for the day too.
    const notices = [...r.outbox.entries.values()].filter((e) => e.prompt.id.startsWith('undeliverable:'));
    expect(notices.map((e) => e.prompt.to).sort()).toEqual(['bambang', 'hendra']);

    // The next office day, a message to her that cannot go is news again.
    r.clock.advance(24 * 3600_000);
    await r.outbox.enqueue([task('rina')]);
    await r.dispatcher.tick();
    r.clock.advance(2000);
    await r.dispatcher.tick();
    expect(toBambang()).toHaveLength(2);
  });

  test('a message the platform refuses is sent once more as plain, short, well-formed text, buttons kept', async () => {
    const r = rig();
    await r.identities.link('rina', { channel: 'telegram', userId: '5', chatId: '5' });
    r.telegram.failNext(
      new ChannelContentRefusedError('Bad Request: strings must be encoded in UTF-8', 'text'),
    );
    await r.outbox.enqueue([
      {
        ...task('rina'),
        lines: [{ key: 'reply-approved' }, { key: 'chat-document-coming', params: { name: 'a\uD83D' } }],
      },
    ]);
    await r.dispatcher.tick();
    const [sent] = r.telegram.sent;
    expect(sent?.message.plain).toBe(true);
    expect(sent?.message.lines).toHaveLength(1);
    expect(sent?.message.lines.join('')).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(sent?.message.lines.join('').length).toBeLessThanOrEqual(2000);
    expect(sent?.message.buttons[0]?.[0]?.label).toBe('✅ Setujui');
    expect(await r.outbox.counts()).toMatchObject({ sent: 1, failed: 0, pending: 0 });
  });

  test('a refusal of the buttons: sent again without them; the text stays', async () => {
    const r = rig();
    await r.identities.link('rina', { channel: 'telegram', userId: '5', chatId: '5' });
    r.telegram.failNext(new ChannelContentRefusedError('Bad Request: BUTTON_DATA_INVALID', 'buttons'));
    await r.outbox.enqueue([task('rina')]);
    await r.dispatcher.tick();
    expect(r.telegram.sent.map((s) => [s.message.lines, s.message.buttons])).toEqual([[['Disetujui.'], []]]);
  });

  test('refused twice: failed, and the superior and the admins are told in chat, once; a notice is never escalated', async () => {
    const r = rig();
    await r.identities.link('rina', { channel: 'telegram', userId: '5', chatId: '5' });
    await r.identities.link('bambang', { channel: 'telegram', userId: '7', chatId: '7' });
    await r.identities.setPreferences('hendra', { locale: 'en' });
    const refused = () => new ChannelContentRefusedError('Bad Request: message is too long', 'text');
    r.telegram.failNext(refused(), refused());
    const failing = { ...task('rina'), id: 'i1:9:1' };
    await r.outbox.enqueue([failing]);
    await r.dispatcher.tick();
    expect(r.outbox.entries.get('i1:9:1')).toMatchObject({ status: 'failed' });
    expect(r.outbox.entries.get('i1:9:1')?.lastError).toContain('as plain text');
    // The admin hendra has no account: that notice fails too, and is reported to nobody.
    r.clock.advance(2000);
    await r.dispatcher.tick();
    r.clock.advance(2000);
    await r.dispatcher.tick();
    const notices = [...r.outbox.entries.values()].filter((e) => e.prompt.id.startsWith('undeliverable:'));
    expect(notices.map((e) => [e.prompt.to, e.status])).toEqual([
      ['bambang', 'sent'],
      ['hendra', 'failed'],
    ]);
    const told = r.telegram.sent.find((s) => s.chatId === '7')?.message.lines ?? [];
    expect(told[0]).toContain('Rina');
    // The task has no header here: the request and step are named by their ids.
    expect(told[1]).toContain('i1');
    expect(told[1]).toContain('input-data-ppk');
    // Bambang is her superior, not an admin: asked to tell her, not given a command he cannot run.
    expect(told[2]).toContain('/tugas');
    expect(told[2]).not.toContain('outbox retry');
    const toAdmin = notices.find((e) => e.prompt.to === 'hendra')?.prompt.lines.at(-1);
    expect(toAdmin).toMatchObject({ key: 'outbox-undeliverable-todo', params: { id: 'i1:9:1' } });
    expect(r.outbox.entries.size).toBe(3);
  });

  test('an edit that cannot be made is kept as failed but reported to nobody: the task itself arrived', async () => {
    const r = rig();
    await r.messages.record('i1', 'r#2', 'rina', { platform: 'telegram', chatId: '5', messageId: '9' });
    r.telegram.failNext(new ChannelPermanentError('Bad Request: message to edit not found'));
    await r.outbox.enqueue([task('rina', 'r#2', 'task-closed')]);
    await r.dispatcher.tick();
    expect([...r.outbox.entries.values()].map((e) => [e.prompt.kind, e.status])).toEqual([
      ['task-closed', 'failed'],
    ]);
  });

  test('a stored file goes with its caption; the second time by the platform’s own id, not uploaded again', async () => {
    const r = rig();
    await r.identities.link('rina', { channel: 'telegram', userId: '5', chatId: '5' });
    const ref = await r.files.put(Buffer.from('isi berkas'), {
      name: 'daftar.csv',
      mimeType: 'text/csv',
      uploadedBy: 'fajar',
      uploadedAt: new Date(),
    });
    const withFile = (id: string): Prompt => ({
      ...task('rina'),
      id,
      kind: 'notice',
      actions: [],
      file: { fileId: ref.fileId, name: ref.name, mimeType: ref.mimeType },
    });
    await r.outbox.enqueue([withFile('f1')]);
    await r.dispatcher.tick();
    expect(
      r.telegram.files.map((f) => [
        f.chatId,
        f.file.name,
        f.file.bytes.toString(),
        f.file.caption,
        f.file.platformRef,
      ]),
    ).toEqual([['5', 'daftar.csv', 'isi berkas', 'Disetujui.', undefined]]);
    r.clock.advance(2000);
    await r.outbox.enqueue([withFile('f2')]);
    await r.dispatcher.tick();
    expect(r.telegram.files[1]?.file.platformRef).toBe('ref-1');
  });

  test('a file larger than the platform takes is not tried: the person is told in a message', async () => {
    const r = rig();
    await r.identities.link('rina', { channel: 'telegram', userId: '5', chatId: '5' });
    r.telegram.maxFileBytes = 4;
    const ref = await r.files.put(Buffer.from('terlalu besar'), {
      name: 'besar.pdf',
      mimeType: 'application/pdf',
      uploadedBy: 'fajar',
      uploadedAt: new Date(),
    });
    await r.outbox.enqueue([
      {
        ...task('rina'),
        id: 'big',
        kind: 'notice',
        actions: [],
        file: { fileId: ref.fileId, name: ref.name, mimeType: ref.mimeType },
      },
    ]);
    await r.dispatcher.tick();
    expect(r.telegram.files).toEqual([]);
    expect(r.telegram.sent.at(-1)?.message.lines.at(-1)).toBe(
      '⚠️ Berkas besar.pdf (13 B) terlalu besar untuk dikirim lewat platform ini. Mintalah kepada admin.',
    );
    expect((await r.outbox.counts()).sent).toBe(1);
  });

  test('the requester’s card: sent once and then edited (ringkas), a new message each time (langkah), or not at all (selesai)', async () => {
    const r = rig();
    await r.identities.link('ulp-biro-umum', { channel: 'telegram', userId: '9', chatId: '9' });
    const card = (id: string): Prompt => ({ ...task('ulp-biro-umum', 'card', 'card'), id, actions: [] });
    await r.outbox.enqueue([card('c1')]);
    await r.dispatcher.tick();
    r.clock.advance(2000);
    await r.outbox.enqueue([card('c2')]);
    await r.dispatcher.tick();
    expect([r.telegram.sent.length, r.telegram.edits.length]).toEqual([1, 1]);

    await r.identities.setPreferences('ulp-biro-umum', { notify: 'langkah' });
    r.clock.advance(2000);
    await r.outbox.enqueue([card('c3')]);
    await r.dispatcher.tick();
    expect([r.telegram.sent.length, r.telegram.edits.length]).toEqual([2, 1]);

    await r.identities.setPreferences('ulp-biro-umum', { notify: 'selesai' });
    r.clock.advance(2000);
    await r.outbox.enqueue([card('c4')]);
    await r.dispatcher.tick();
    expect([r.telegram.sent.length, r.telegram.edits.length]).toEqual([2, 1]);
    expect((await r.outbox.counts()).sent).toBe(4);
  });

  test('a tick reads its people, their messages and their letters together: as many reads for 20 as for 4', async () => {
    const four = await readsOfOneTick(4);
    const twenty = await readsOfOneTick(20);
    expect(twenty).toEqual(four);
    expect(twenty).toEqual({
      account: 0,
      identitiesOf: 0,
      identitiesOfMany: 1,
      preferences: 0,
      preferencesOfMany: 1,
      find: 0,
      findMany: 1,
      letterFacts: 0,
      letterFactsBatch: 1,
    });
  });

  test('what a tick sends it sees later in the same tick: a second card edits the first (ringkas), a close edits the task', async () => {
    const r = rig();
    await r.identities.link('ulp-biro-umum', { channel: 'telegram', userId: '9', chatId: '9' });
    await r.identities.link('fajar', { channel: 'telegram', userId: '6', chatId: '6' });
    const card = (id: string): Prompt => ({ ...task('ulp-biro-umum', 'card', 'card'), id, actions: [] });
    await r.outbox.enqueue([
      card('c1'),
      task('fajar', 'r#5'),
      card('c2'),
      task('fajar', 'r#5', 'task-closed'),
    ]);
    expect(await r.dispatcher.tick()).toBe(4);
    // One message each, then edited: the card by the second card, the task by its close.
    const byChat = (list: Array<{ sent: { chatId: string } }>) =>
      [...list].sort((a, b) => a.sent.chatId.localeCompare(b.sent.chatId)).map((m) => m.sent);
    expect(byChat(r.telegram.sent).map((m) => m.chatId)).toEqual(['6', '9']);
    expect(byChat(r.telegram.edits)).toEqual(byChat(r.telegram.sent));
    expect(r.telegram.edits.find((e) => e.sent.chatId === '6')?.message.buttons).toEqual([]);
    expect((await r.messages.find('i1', 'card')).map((m) => m.personId)).toEqual(['ulp-biro-umum']);
    expect(await r.outbox.counts()).toMatchObject({ sent: 4, pending: 0, failed: 0 });
  });

  test('a batch read that fails leaves each message to read on its own: the tick still delivers', async () => {
    const r = rig();
    await r.identities.link('fajar', { channel: 'telegram', userId: '6', chatId: '6' });
    await r.identities.setPreferences('fajar', { locale: 'en' });
    await r.messages.record('i1', 'r#7', 'fajar', { platform: 'telegram', chatId: '6', messageId: '70' });
    const down = () => Promise.reject(new Error('database unreachable'));
    r.identities.identitiesOfMany = down;
    r.identities.preferencesOfMany = down;
    r.messages.findMany = down;
    await r.outbox.enqueue([task('fajar'), task('fajar', 'r#7', 'task-closed')]);
    expect(await r.dispatcher.tick()).toBe(2);
    expect(r.telegram.sent.map((s) => s.message.lines)).toEqual([['Approved.']]);
    expect(r.telegram.edits.map((e) => e.sent.messageId)).toEqual(['70']);
    expect(await r.outbox.counts()).toMatchObject({ sent: 2, pending: 0, failed: 0 });
  });
});
