/**
 * No silent loss (issue 15, failure 4): direct replies (the answers to a command, a text, a file)
 * outlast a Bot API outage. The Bot API stand-in answers 502 to every send for a few seconds while a
 * requester sends /ajukan, the subject and the nota dinas: each prompt and the confirmation arrive
 * once the outage is over, in order, none twice. The real grammY bot (long polling) over real HTTP.
 */
import type { ChannelModule } from '../../src/channels/channel.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { loadConfig } from '../../src/config/env.js';
import { createChatRig, type ChatRig } from '../support/chat-rig.js';
import { untilChannel } from '../support/channel-status.js';
import { waitFor } from '../support/e2e/waiting.js';
import { TelegramBotApiStandIn, type SimUser } from '../support/telegram/index.js';

const TOKEN = '123456:REPLY-retry';
const ulp: SimUser = { id: 6201, first_name: 'ULP', language_code: 'id' };
const SENDS = ['sendMessage', 'answerCallbackQuery', 'editMessageText', 'sendDocument'];

describe('Telegram replies during a Bot API outage', () => {
  let standIn: TelegramBotApiStandIn;
  let rig: ChatRig;
  let channel: ChannelModule;

  beforeAll(async () => {
    standIn = new TelegramBotApiStandIn({ token: TOKEN, defaultWaitMs: 15_000 });
    await standIn.start();
    rig = createChatRig();
    const made = await createTelegramChannel(
      rig.channelDeps(
        // Replies retry for up to 4 s in all here (a minute by default), then go to the outbox.
        loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: standIn.apiRoot, REPLY_RETRY_MS: '4000' }),
      ),
    );
    if ('off' in made) throw new Error(made.off);
    channel = made;
    await channel.start();
    await untilChannel(channel);
    standIn.userSends(ulp, `/start ${await rig.invite('ulp-biro-umum')}`);
    await standIn.waitForMessage(ulp.id, (m) => /Selamat datang/.test(m.text ?? ''));
    // After the welcome, the person's open tasks (none).
    await standIn.waitForMessage(ulp.id, (m) => /Tidak ada tugas terbuka/.test(m.text ?? ''));
  });

  afterAll(async () => {
    await channel?.stop();
    await standIn?.stop();
  });

  test('/ajukan, the subject and the memo during a 502: every prompt and the confirmation arrive once, after it', async () => {
    const before = standIn.sentTo(ulp.id).length;
    const outageMs = 3000;
    standIn.failFor(SENDS, outageMs);
    const started = Date.now();
    standIn.userSends(ulp, '/ajukan');
    standIn.userSends(ulp, 'Permohonan SPSE saat gangguan');
    standIn.userSendsDocument(ulp, {
      fileName: 'nota-dinas.pdf',
      mimeType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 nota dinas'),
    });
    await standIn.waitForMessage(ulp.id, (m) => /diterima dan diteruskan/.test(m.text ?? ''));
    const refused = standIn
      .calls('sendMessage')
      .filter((c) => c.at >= started && c.outcome?.ok === false && c.outcome.errorCode === 502);
    expect(refused.length).toBeGreaterThan(0);
    const shown = standIn
      .sentTo(ulp.id)
      .slice(before)
      .map((m) => m.text ?? '');
    const which = shown.map((text) =>
      /Tulis perihal/.test(text)
        ? 'subject?'
        : /kirim nota dinasnya/.test(text)
          ? 'memo?'
          : /diterima dan diteruskan/.test(text)
            ? 'confirmed'
            : text,
    );
    expect(which).toEqual(['subject?', 'memo?', 'confirmed']);
    expect(await rig.harness.service.openTasksFor('tuti')).toHaveLength(1);
  }, 60_000);

  test('a reply still refused when the retries are spent goes to the outbox, not lost and not sent twice', async () => {
    const before = standIn.sentTo(ulp.id).length;
    standIn.failFor(SENDS, 8000);
    standIn.userSends(ulp, '/tugas');
    const queued = await waitFor('the reply in the outbox', () =>
      [...rig.harness.outbox.entries.values()].find((e) => e.prompt.id.startsWith('reply:')),
    );
    expect(queued.prompt).toMatchObject({ to: 'ulp-biro-umum', kind: 'notice' });
    expect(JSON.stringify(queued.prompt.lines)).toContain('Tidak ada tugas terbuka');
    expect(standIn.sentTo(ulp.id).slice(before)).toEqual([]);
  }, 30_000);
});
