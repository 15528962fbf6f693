import { TELEGRAM_COMMANDS } from '../../../src/channels/telegram/telegram-channel.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { LOCALES_DIR } from '../../support/paths.js';

/**
 * The help texts (/bantuan, /pandu bantuan) and Telegram's command menu list the admin command
 * /gangguan. Help is the same for everyone (not per role), so the admin-only commands say so.
 */
const translator = loadTranslator(LOCALES_DIR);
const reader = (locale: 'id' | 'en') => ({ locale, timeZone: 'Asia/Jakarta' });

describe('help texts and the Telegram command menu', () => {
  test.each(['id', 'en'] as const)('/bantuan in %s lists /gangguan as an admin command', (locale) => {
    const lines = translator.format({ key: 'chat-help' }, reader(locale)).split('\n');
    const line = lines.find((l) => l.startsWith('/gangguan '));
    expect(line).toMatch(/^\/gangguan mulai \S+ \| selesai — .+ \(admin\)$/);
    // Before /bantuan, which stays the last line.
    expect(lines.at(-1)).toMatch(/^\/bantuan — /);
  });

  test.each(['id', 'en'] as const)(
    '/pandu bantuan in %s lists /pandu gangguan as an admin command',
    (locale) => {
      const lines = translator.format({ key: 'chat-help-slack' }, reader(locale)).split('\n');
      expect(lines.find((l) => l.startsWith('/pandu gangguan '))).toMatch(
        /^\/pandu gangguan mulai \S+ \| selesai — .+ \(admin\)$/,
      );
    },
  );

  test('the Telegram menu has /gangguan, and every command a description in both languages', () => {
    expect(TELEGRAM_COMMANDS).toContain('gangguan');
    expect(TELEGRAM_COMMANDS.at(-1)).toBe('bantuan');
    for (const locale of ['id', 'en'] as const) {
      const missing = TELEGRAM_COMMANDS.filter((c) => !translator.has(`chat-command-${c}`, locale));
      expect(missing).toEqual([]);
      expect(translator.format({ key: 'chat-command-gangguan' }, reader(locale))).toMatch(/\(admin\)$/);
    }
  });

  test('each help text names every command of the Telegram menu', () => {
    for (const locale of ['id', 'en'] as const) {
      const help = translator.format({ key: 'chat-help' }, reader(locale));
      const unlisted = TELEGRAM_COMMANDS.filter((c) => c !== 'start').filter(
        (c) => !new RegExp(`^/${c}\\b`, 'm').test(help),
      );
      expect(unlisted).toEqual([]);
    }
  });
});
