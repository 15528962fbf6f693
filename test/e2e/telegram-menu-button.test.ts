import type { App } from '../../src/app.js';
import { reportsFeature } from '../../src/features/reports/reports-app.js';
import { startTestApp } from '../support/app-rig.js';
import { standInChannels, standInEnv, TELEGRAM_TEST_TOKEN } from '../support/e2e/index.js';
import { TelegramBotApiStandIn } from '../support/telegram/index.js';

/** With the dashboard and an https PUBLIC_URL, the bot's menu button opens the dashboard's Mini App. */
describe('the Telegram menu button', () => {
  const standIn = new TelegramBotApiStandIn({ token: TELEGRAM_TEST_TOKEN });
  const buttons: unknown[] = [];
  let app: App | undefined;

  beforeAll(async () => {
    standIn.onMethod('setChatMenuButton', (params) => {
      const raw = params['menu_button'];
      buttons.push(typeof raw === 'string' ? JSON.parse(raw) : raw);
      return true;
    });
    await standIn.start();
  });

  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  afterAll(async () => {
    await standIn.stop();
  });

  /** The service, once its Telegram channel has connected (menus and button set: channels connect in the background). */
  const start = async (publicUrl: string): Promise<App> => {
    const telegram = { standIn };
    const started = await startTestApp({
      env: { ...standInEnv({ telegram }), PUBLIC_URL: publicUrl },
      channels: standInChannels({ telegram }),
      features: [reportsFeature()],
    });
    for (let i = 0; i < 200 && started.channels.some((c) => c.status().state !== 'up'); i += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started.channels.map((c) => c.status().state)).toEqual(['up']);
    return started;
  };

  test('is set to the Mini App page at start', async () => {
    app = await start('https://pandu.example.go.id/');
    expect(buttons).toEqual([
      { type: 'web_app', text: 'Dasbor', web_app: { url: 'https://pandu.example.go.id/dasbor/tg' } },
    ]);
  });

  test('is left alone without https (Telegram opens Mini Apps only over https)', async () => {
    buttons.length = 0;
    app = await start('http://127.0.0.1:3000');
    expect(buttons).toEqual([]);
  });
});
