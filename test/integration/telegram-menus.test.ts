import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '../../src/app.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
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
