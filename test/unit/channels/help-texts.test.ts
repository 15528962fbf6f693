import type { App } from '../../../src/app.js';
import { menuCommands } from '../../../src/channels/telegram/telegram-channel.js';
import type { ChatUser } from '../../../src/chat/types.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { startTestApp } from '../../support/app-rig.js';
import { LOCALES_DIR } from '../../support/paths.js';

/**
 * The help (/bantuan, /pandu bantuan) is made from the command table: every command of the chat
 * layer and of the service's features, as typed on the person's platform, /gangguan marked as an
 * admin command, /bantuan last before the invite-code line. Telegram's menu lists the same
 * commands, each described in both languages.
 */
const translator = loadTranslator(LOCALES_DIR);

describe('help texts and the Telegram command menu', () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp({ start: false });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const user = (platform: string, languageCode: 'id' | 'en'): ChatUser => ({
    platform,
    userId: `help-${platform}-${languageCode}`,
    chatId: `help-${platform}-${languageCode}`,
    languageCode,
  });
  const helpLines = async (platform: string, languageCode: 'id' | 'en') =>
    (await app.chat.help(user(platform, languageCode))).messages.flatMap((m) =>
      m.lines.join('\n').split('\n'),
    );

  test.each(['id', 'en'] as const)('/bantuan in %s lists /gangguan as an admin command', async (locale) => {
    const lines = await helpLines('telegram', locale);
    expect(lines.find((l) => l.startsWith('/gangguan '))).toMatch(
      /^\/gangguan mulai \S+ \| selesai — .+ \(admin\)$/,
    );
    // /bantuan is the last command; the invite-code line follows it.
    expect(lines.at(-2)).toMatch(/^\/bantuan — /);
    expect(lines.at(-1)).toMatch(/^\/start (KODE|CODE) — /);
  });

  test.each(['id', 'en'] as const)(
    '/pandu bantuan in %s lists /pandu gangguan as an admin command',
    async (locale) => {
      const lines = await helpLines('slack', locale);
      expect(lines.find((l) => l.startsWith('/pandu gangguan '))).toMatch(
        /^\/pandu gangguan mulai \S+ \| selesai — .+ \(admin\)$/,
      );
      expect(lines.at(-1)).toMatch(/^\/pandu link (KODE|CODE) — /);
    },
  );

  test('the Telegram menu has /gangguan, and every command a description in both languages', () => {
    const menu = menuCommands(app.chat);
    expect(menu).toContain('gangguan');
    expect(menu.at(-1)).toBe('bantuan');
    for (const locale of ['id', 'en'] as const) {
      const missing = menu.filter(
        (c) => !translator.has(`chat-command-${c}`, locale) || !translator.has(`chat-help-${c}`, locale),
      );
      expect(missing).toEqual([]);
      expect(
        translator.format({ key: 'chat-command-gangguan' }, { locale, timeZone: 'Asia/Jakarta' }),
      ).toMatch(/\(admin\)$/);
    }
  });

  test('each help text names every command of the Telegram menu', async () => {
    for (const locale of ['id', 'en'] as const) {
      const help = (await helpLines('telegram', locale)).join('\n');
      const unlisted = menuCommands(app.chat).filter((c) => !new RegExp(`^/${c}\\b`, 'm').test(help));
      expect(unlisted).toEqual([]);
    }
  });
});
