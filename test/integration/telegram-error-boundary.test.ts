/**
 * One error boundary, the same behaviour everywhere: when something fails while a tap, a message
 * or a file is handled, the tap is answered (the button stops spinning), the person is told in
 * their language what was and was not recorded, and the failure is logged with its cause. The real
 * grammY bot over real HTTP against the Bot API stand-in; the state behind it in memory.
 */
import { Writable } from 'node:stream';
import type { ChannelModule } from '../../src/channels/channel.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { loadConfig } from '../../src/config/env.js';
import { createLogger } from '../../src/logger.js';
import { createChatRig, type ChatRig } from '../support/chat-rig.js';
import { untilChannel } from '../support/channel-status.js';
import {
  inlineButtons,
  TelegramBotApiStandIn,
  type RecordedMessage,
  type SimUser,
} from '../support/telegram/index.js';

const TOKEN = '123456:ERROR-boundary';
const tuti: SimUser = { id: 6101, first_name: 'Tuti', language_code: 'id' };
const fajar: SimUser = { id: 6102, first_name: 'Fajar', language_code: 'en' };

describe('the Telegram error boundary', () => {
  let standIn: TelegramBotApiStandIn;
  let rig: ChatRig;
  let channel: ChannelModule;
  const logged: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    standIn = new TelegramBotApiStandIn({ token: TOKEN });
    await standIn.start();
    const logs = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          logged.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const logger = createLogger('error', logs);
    rig = createChatRig({ logger });
    const made = await createTelegramChannel(
      rig.channelDeps(loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: standIn.apiRoot }), logger),
    );
    if ('off' in made) throw new Error(made.off);
    channel = made;
    await channel.start();
    await untilChannel(channel);
    for (const [personId, user] of [
      ['tuti', tuti],
      ['fajar', fajar],
    ] as const) {
      standIn.userSends(user, `/start ${await rig.invite(personId)}`);
      await standIn.waitForMessage(user.id, (m) => /Selamat datang|Welcome/.test(m.text ?? ''));
    }
  });

  afterAll(async () => {
    await channel?.stop();
    await standIn?.stop();
  });

  const last = (user: SimUser) => standIn.sentTo(user.id).at(-1)?.messageId ?? 0;
  const newMessage = (user: SimUser, after: number, text: RegExp) =>
    standIn.waitForMessage(user.id, (m) => m.messageId > after && text.test(m.text ?? ''));

  async function registerTask(): Promise<RecordedMessage> {
    await rig.harness.start(`Uji batas kesalahan ${last(tuti)}`);
    const before = last(tuti);
    standIn.userSends(tuti, '/tugas');
    return standIn.waitForMessage(
      tuti.id,
      (m) =>
        m.messageId > before &&
        (m.text ?? '').includes('Langkah 2/11') &&
        inlineButtons(m.replyMarkup).length > 0,
    );
  }

  test('a tap that fails before anything is saved: the tap is answered, nothing changed, and the person is told so', async () => {
    const task = await registerTask();
    const instance = (await rig.harness.service.openTasksFor('tuti')).at(-1)?.instance;
    const get = rig.harness.store.get.bind(rig.harness.store);
    rig.harness.store.get = () => Promise.reject(new Error('database away'));
    const before = last(tuti);
    try {
      const tap = standIn.userTapsButton(
        tuti,
        task,
        inlineButtons(task.replyMarkup).find((b) => b.text.includes('Catat'))?.text ?? '',
      );
      const answer = await standIn.waitForCallbackAnswer(tap);
      expect(answer.text).toMatch(/terjadi gangguan.*tidak ada yang berubah/);
      await newMessage(tuti, before, /^⚠️ Maaf, terjadi gangguan/);
    } finally {
      rig.harness.store.get = get;
    }
    expect(
      (await rig.harness.current(instance ?? (task as never))).runs.filter((r) => r.outcome === 'registered'),
    ).toEqual([]);
    expect(logged.some((l) => l['msg'] === 'chat: handling a message or tap failed' && l['err'])).toBe(true);
  });

  test('a failure after the change was saved says what was recorded, in the person’s language', async () => {
    // Fajar (English) at step 5 sends his list; the upload is recorded, then clearing the
    // conversation fails.
    const instance = await rig.harness.advanceTo(await rig.harness.start('Uji unggah'), 'input-data-ppk');
    expect(rig.harness.openRun(instance).assigneeId).toBe('fajar');
    const set = rig.conversations.set.bind(rig.conversations);
    rig.conversations.set = () => Promise.reject(new Error('conversation store away'));
    const before = last(fajar);
    try {
      standIn.userSendsDocument(fajar, {
        fileName: 'daftar.csv',
        mimeType: 'text/csv',
        bytes: Buffer.from('a,b\n1,2\n'),
      });
      const told = await newMessage(
        fajar,
        before,
        /^⚠️ Sorry, something went wrong after this was recorded: /,
      );
      expect(told.text).toContain('daftar.csv');
    } finally {
      rig.conversations.set = set;
    }
    const run = rig.harness.openRun(await rig.harness.current(instance));
    expect(run.files.map((f) => f.name)).toEqual(['daftar.csv']);
  });

  test('a reply that cannot be sent: the boundary still answers the person', async () => {
    const before = last(tuti);
    standIn.failNext('sendMessage', { status: 400, description: 'Bad Request: message is too long' });
    standIn.userSends(tuti, '/tugas');
    await newMessage(tuti, before, /^⚠️ Maaf, terjadi gangguan/);
    expect(logged.some((l) => l['msg'] === 'Telegram update failed')).toBe(true);
  });
});
