import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '../../src/app.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../src/storage/embedded-mongo.js';
import { inviteCode, startTestApp } from '../support/app-rig.js';
import { EXAMPLE_ORG_FILE } from '../support/paths.js';
import { TelegramBotApiStandIn, type SimUser } from '../support/telegram/index.js';

const TOKEN = '616161:MENU-token';
const ulp: SimUser = { id: 7001, first_name: 'Andi', language_code: 'id' };
const admin: SimUser = { id: 7002, first_name: 'Hendra', language_code: 'en' };

describe('Telegram command menus per role', () => {
  const standIn = new TelegramBotApiStandIn({ token: TOKEN });
  const dir = mkdtempSync(join(tmpdir(), 'pandu-menus-'));
  const orgFile = join(dir, 'org.yaml');
  let app: App;

  const menuOf = (user: SimUser) =>
    standIn.commands({ scope: { type: 'chat', chat_id: user.id } })?.map((c) => c.command);

  async function until(check: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function link(user: SimUser, personId: string): Promise<void> {
    standIn.userSends(user, `/start ${await inviteCode(app, personId)}`);
    await standIn.waitForMessage(user.id, (m) => /Selamat datang|Welcome/.test(m.text ?? ''));
    await until(() => menuOf(user) !== undefined, `the menu of ${personId}`);
  }

  beforeAll(async () => {
    copyFileSync(EXAMPLE_ORG_FILE, orgFile);
    await standIn.start();
    app = await startTestApp({
      env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: standIn.apiRoot, ORG_FILE: orgFile },
      channels: [createTelegramChannel],
    });
  });

  afterAll(async () => {
    await app.stop();
    await standIn.stop();
  });

  test('the default menu, in both languages, has only the commands for everyone', () => {
    for (const languageCode of [undefined, 'en']) {
      const names = standIn.commands(languageCode ? { languageCode } : {})?.map((c) => c.command) ?? [];
      expect(names).toEqual(expect.arrayContaining(['start', 'tugas', 'status', 'bantuan']));
      expect(names).not.toContain('ajukan');
      expect(names).not.toContain('gangguan');
    }
    expect(standIn.commands({ languageCode: 'en' })?.find((c) => c.command === 'tugas')?.description).toBe(
      'My open tasks',
    );
  });

  test('a requester who links gets /ajukan in their chat, an admin /gangguan, in their language', async () => {
    await link(ulp, 'ulp-biro-umum');
    await link(admin, 'hendra');
    expect(menuOf(ulp)).toContain('ajukan');
    expect(menuOf(ulp)).not.toContain('gangguan');
    expect(menuOf(admin)).toContain('gangguan');
    expect(menuOf(admin)).toContain('laporan');
    const adminMenu = standIn.commands({ scope: { type: 'chat', chat_id: admin.id } });
    expect(adminMenu?.find((c) => c.command === 'tugas')?.description).toBe('My open tasks');
  });

  test('the menus follow a change of the org file', async () => {
    const org = readFileSync(orgFile, 'utf8').replace(
      'position: ULP\n    unit: biro-umum\n',
      'position: ULP\n    unit: biro-umum\n    admin: true\n',
    );
    writeFileSync(orgFile, org);
    await until(() => menuOf(ulp)?.includes('gangguan') === true, 'the new menu of the ULP');
    expect(menuOf(ulp)).toContain('ajukan');
  }, 30_000);
});

describe('Telegram menus of people at a restart', () => {
  const standIn = new TelegramBotApiStandIn({ token: TOKEN });
  const requester: SimUser = { id: 7101, first_name: 'Rina', language_code: 'id' };
  let database: EmbeddedMongo;
  const env = () => ({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: standIn.apiRoot });
  const isMenuOf = (params: Record<string, unknown>) =>
    JSON.stringify(params.scope ?? '').includes(String(requester.id));

  beforeAll(async () => {
    await standIn.start();
    database = await startEmbeddedMongo({ database: 'pandu-menus' });
  });

  afterAll(async () => {
    await standIn.stop();
    await database.stop();
  });

  test('the channel is up before people get their menus, and a 429 on one is waited out', async () => {
    const first = await startTestApp({
      mongoUri: database.uri,
      env: env(),
      channels: [createTelegramChannel],
    });
    standIn.userSends(requester, `/start ${await inviteCode(first, 'ulp-biro-umum')}`);
    await standIn.waitForMessage(requester.id, (m) => /Selamat datang|Welcome/.test(m.text ?? ''));
    await first.stop();

    // Telegram refuses the requester's menu once, asking for a second's wait.
    standIn.failNext('setMyCommands', { status: 429, retryAfter: 1, when: isMenuOf });
    const since = standIn.calls().length;
    const app = await startTestApp({ mongoUri: database.uri, env: env(), channels: [createTelegramChannel] });
    try {
      const menuCalls = () => standIn.calls('setMyCommands').filter((c) => isMenuOf(c.params));
      const deadline = Date.now() + 15_000;
      while (!menuCalls().some((c) => c.outcome?.ok === true && standIn.calls().indexOf(c) >= since)) {
        if (Date.now() > deadline) throw new Error('the requester menu was not set again after the restart');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const after = standIn.calls().slice(since);
      const receiving = after.findIndex((c) => c.method === 'getUpdates');
      const attempts = after.filter((c) => c.method === 'setMyCommands' && isMenuOf(c.params));
      expect(receiving).toBeGreaterThanOrEqual(0);
      expect(receiving).toBeLessThan(after.indexOf(attempts[0] as (typeof after)[number]));
      expect(attempts.map((c) => c.outcome?.ok)).toEqual([false, true]);
      const [refused, set] = attempts as [(typeof after)[number], (typeof after)[number]];
      expect(set.at - refused.at).toBeGreaterThanOrEqual(1000);
      expect(
        standIn.commands({ scope: { type: 'chat', chat_id: requester.id } })?.map((c) => c.command),
      ).toContain('ajukan');
    } finally {
      await app.stop();
    }
  }, 40_000);
});
