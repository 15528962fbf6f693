import type { ChatAccountRule } from '../core/org/check-org.js';
import type { ChatPlatform } from './types.js';

/**
 * What the chat layer knows of a platform, from its adapter's registration (src/channels/index.ts):
 * its id and name, what its account ids look like in the org file, and how its commands are typed.
 */
export interface PlatformInfo {
  id: ChatPlatform;
  label: string;
  account: ChatAccountRule;
  /** How commands are typed: `/` (Telegram: `/tugas`) or `/pandu ` (Slack: `/pandu tugas`). */
  commandPrefix: string;
  /** The command that links an account with an invite code (`start` in Telegram, `link` in Slack). */
  linkCommand: string;
}

/** The account rules of the platforms, by id, for checking an org file's `chat:` entries. */
export function accountRules(platforms: readonly PlatformInfo[]): Record<string, ChatAccountRule> {
  return Object.fromEntries(platforms.map((p) => [p.id, p.account]));
}
