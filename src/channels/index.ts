import type { Config } from '../config/env.js';
import type { ChannelFactory, PlatformRegistration } from './channel.js';
import { slackPlatform } from './slack/platform.js';
import { telegramPlatform } from './telegram/platform.js';
import { webPlatform } from './web/platform.js';

/**
 * The chat platforms Pandu runs on, one line each. A new platform is one folder under
 * src/channels with a `platform.ts` registration, added here; nothing else in the service changes.
 */
export const PLATFORMS: readonly PlatformRegistration[] = [telegramPlatform, slackPlatform, webPlatform];

/** Each platform's channel factory; a platform that is off with this configuration is not loaded. */
export function channelFactories(config: Config): Promise<ChannelFactory[]> {
  return Promise.all(
    PLATFORMS.map((platform) => {
      const off = platform.offWith?.(config);
      return off ? Promise.resolve<ChannelFactory>(() => Promise.resolve({ off })) : platform.load();
    }),
  );
}
