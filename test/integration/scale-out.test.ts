import type { App } from '../../src/app.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../src/storage/embedded-mongo.js';
import { inviteCode, startTestApp } from '../support/app-rig.js';
import { freePort } from '../support/free-port.js';
import { TelegramBotApiStandIn, type SimUser } from '../support/telegram/index.js';

const TOKEN = '717171:SCALE-token';
const SECRET = 'scale-out-secret-0123456789';
const tuti: SimUser = { id: 5202, first_name: 'Tuti', language_code: 'id' };
const ulp: SimUser = { id: 5201, first_name: 'Andi', language_code: 'id' };

/**
 * Two service processes on one database behind a load balancer, Telegram in webhook mode in
 * both: state is shared (an invite issued by one is redeemed through the other), either answers
 * any person, and each outbox message is sent once although both dispatchers lease.
 */
describe('two processes on one database, Telegram webhooks in both', () => {
  const standIn = new TelegramBotApiStandIn({ token: TOKEN });
  let mongo: EmbeddedMongo;
  const apps: App[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    mongo = await startEmbeddedMongo({ database: 'pandu-scale' });
    await standIn.start();
    for (let i = 0; i < 2; i += 1) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}/telegram/webhook`;
      urls.push(url);
      apps.push(
        await startTestApp({
          mongoUri: mongo.uri,
          env: {
            PORT: String(port),
            TELEGRAM_BOT_TOKEN: TOKEN,
            TELEGRAM_API_ROOT: standIn.apiRoot,
            TELEGRAM_WEBHOOK_URL: url,
            TELEGRAM_WEBHOOK_SECRET: SECRET,
          },
          channels: [createTelegramChannel],
        }),
      );
    }
  }, 60_000);

  afterAll(async () => {
    for (const app of apps) await app.stop();
    await standIn.stop();
    await mongo.stop();
  });

  const [first, second] = [() => apps[0] as App, () => apps[1] as App];

  test('a person links through one process with an invite issued by the other', async () => {
    expect(standIn.webhookInfo().url).toBe(urls[1]);
    for (const [user, personId] of [
      [tuti, 'tuti'],
      [ulp, 'ulp-biro-umum'],
    ] as const) {
      standIn.userSends(user, `/start ${await inviteCode(first(), personId)}`);
      await standIn.waitForMessage(user.id, (m) => /Selamat datang/.test(m.text ?? ''), 10_000);
    }
    expect(await first().storage.identities.findPerson('telegram', String(tuti.id))).toBe('tuti');
  });

  test('the other process answers the same person when the load balancer sends the update there', async () => {
    const before = standIn.sentTo(tuti.id).length;
    const response = await fetch(urls[0] ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({
        update_id: 880001,
        message: {
          message_id: 77,
          date: Math.floor(Date.now() / 1000),
          chat: { id: tuti.id, type: 'private', first_name: 'Tuti' },
          from: { id: tuti.id, is_bot: false, first_name: 'Tuti' },
          text: '/tugas',
        },
      }),
    });
    expect(response.status).toBe(200);
    await standIn.waitForMessage(tuti.id, () => standIn.sentTo(tuti.id).length > before, 10_000);
  });

  test('each task message is sent once although both processes lease the outbox', async () => {
    const subjects = [1, 2, 3, 4, 5].map((n) => `Permohonan skala ${n}`);
    for (const [n, subject] of subjects.entries()) {
      const started = await (n % 2 === 0 ? first() : second()).service.start({
        flowId: 'spse-eproc',
        requesterId: 'ulp-biro-umum',
        subject,
        channel: 'cli',
        idempotencyKey: `scale-${n}`,
      });
      if (!started.ok) throw new Error(started.refusal.code);
    }
    // Tuti's task of step 2 for each request (the paper feature's question about the letter's sifat
    // and derajat names the subject too, and arrives later, paced).
    const mentions = (subject: string) =>
      standIn
        .sentTo(tuti.id)
        .filter((m) => (m.text ?? '').includes(subject) && (m.text ?? '').includes('Langkah 2/11')).length;
    const deadline = Date.now() + 20_000;
    while (subjects.some((s) => mentions(s) === 0) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    // Both dispatchers poll every 20 ms: a second send would show within a few rounds.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(subjects.map(mentions)).toEqual([1, 1, 1, 1, 1]);
    expect(await first().storage.outbox.counts()).toMatchObject({ pending: 0 });
  }, 60_000);
});
