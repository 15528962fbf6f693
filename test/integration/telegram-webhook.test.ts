import type { App } from '../../src/app.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { inviteCode, startTestApp } from '../support/app-rig.js';
import { freePort } from '../support/free-port.js';
import { TelegramBotApiStandIn, type SimUser } from '../support/telegram/index.js';

const SECRET = 'webhook-secret-0123456789';
const rina: SimUser = { id: 7001, first_name: 'Rina', language_code: 'id' };

describe('Telegram in webhook mode', () => {
  let standIn: TelegramBotApiStandIn;
  let app: App;
  let url: string;

  beforeAll(async () => {
    standIn = new TelegramBotApiStandIn({ token: '42:WEBHOOK-token' });
    await standIn.start();
    const port = await freePort();
    url = `http://127.0.0.1:${port}/telegram/webhook`;
    app = await startTestApp({
      env: {
        PORT: String(port),
        TELEGRAM_BOT_TOKEN: '42:WEBHOOK-token',
        TELEGRAM_API_ROOT: standIn.apiRoot,
        TELEGRAM_WEBHOOK_URL: url,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
      },
      channels: [createTelegramChannel],
    });
  });

  afterAll(async () => {
    await app?.stop();
    await standIn?.stop();
  });

  test('sets the webhook with its secret, and /healthz says so', async () => {
    expect(standIn.webhookInfo().url).toBe(url);
    const health = (await (await fetch(`http://127.0.0.1:${app.port()}/healthz`)).json()) as {
      channels: Record<string, unknown>;
    };
    expect(health.channels['telegram']).toMatchObject({ enabled: true, mode: 'webhook' });
  });

  test('a request with a wrong or missing secret is rejected before any handler runs', async () => {
    const sendsBefore = standIn.calls('sendMessage').length;
    const update = {
      update_id: 999001,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 7001, type: 'private', first_name: 'Rina' },
        from: { id: 7001, is_bot: false, first_name: 'Rina' },
        text: '/bantuan',
      },
    };
    const attempts: Array<Record<string, string>> = [
      { 'x-telegram-bot-api-secret-token': 'wrong-secret-0123456789' },
      {},
    ];
    for (const headers of attempts) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(update),
      });
      expect(response.status).toBe(401);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(standIn.calls('sendMessage').length).toBe(sendsBefore);
  });

  test('a malformed body gets 400, not a 500, and runs nothing', async () => {
    const sendsBefore = standIn.calls('sendMessage').length;
    const headers = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET };
    for (const body of ['{"update_id": 5, "message": {', '[1,2]', '"text"', '{"message":{}}', '']) {
      const response = await fetch(url, { method: 'POST', headers, body });
      expect(response.status).toBe(400);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(standIn.calls('sendMessage').length).toBe(sendsBefore);
  });

  test('updates arrive through the webhook; a document over 20 MB is refused with a clear message', async () => {
    const code = await inviteCode(app, 'rina');
    standIn.userSends(rina, `/start ${code}`);
    await standIn.waitForMessage(
      rina.id,
      (m) => (m.text ?? '').includes('Selamat datang, Rina Wulandari'),
      8000,
    );
    await standIn.flushWebhook();
    expect(standIn.webhookDeliveries().map((d) => d.status)).toEqual(
      standIn.webhookDeliveries().map(() => 200),
    );
    const getFileCalls = standIn.calls('getFile').length;
    standIn.userSendsDocument(rina, {
      fileName: 'besar.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: Buffer.alloc(10),
      fileSize: 25 * 1024 * 1024,
    });
    const refusal = await standIn.waitForMessage(
      rina.id,
      (m) => (m.text ?? '').includes('terlalu besar'),
      8000,
    );
    expect(refusal.text).toContain('25.0 MB');
    expect(standIn.calls('getFile').length).toBe(getFileCalls);
  });
});
