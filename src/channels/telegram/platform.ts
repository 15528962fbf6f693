import type { PlatformRegistration } from '../channel.js';

export const telegramPlatform: PlatformRegistration = {
  id: 'telegram',
  label: 'Telegram',
  account: { label: 'Telegram', pattern: /^\d{1,20}$/, example: '123456789' },
  commandPrefix: '/',
  linkCommand: 'start',
  load: async () => (await import('./telegram-channel.js')).createTelegramChannel,
  offWith: (config) => (config.TELEGRAM_BOT_TOKEN ? undefined : 'telegram: TELEGRAM_BOT_TOKEN is not set'),
};
