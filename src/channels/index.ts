import type { PlatformRegistration } from './channel.js';
import { slackPlatform } from './slack/platform.js';
import { telegramPlatform } from './telegram/platform.js';
import { webPlatform } from './web/platform.js';

/**
 * The chat platforms Pandu runs on, one line each. A new platform is one folder under
 * src/channels with a `platform.ts` registration, added here; nothing else in the service changes.
 */
export const PLATFORMS: readonly PlatformRegistration[] = [telegramPlatform, slackPlatform, webPlatform];
