import type { ChannelFactory } from './channel.js';

/**
 * The chat platforms Pandu can run on. A new platform is one folder under src/channels with a
 * factory added here; the rest of the service does not change.
 */
export const CHANNEL_FACTORIES: Record<string, () => Promise<ChannelFactory>> = {
  telegram: async () => (await import('./telegram/telegram-channel.js')).createTelegramChannel,
  slack: async () => (await import('./slack/slack-channel.js')).createSlackChannel,
};
