import type { PersonId } from '../core/ids.js';
import type { OrgDirectory } from '../core/org/org-directory.js';
import type { ChatIdentity, IdentityStore } from './ports.js';
import type { ChatPlatform } from './types.js';

/**
 * Where a person gets messages: among their accounts on the platforms that are running (linked
 * by invite, or named in the org file), the one they chose (`/kanal`), else the one they used
 * last, else the first.
 */
export async function reachOf(
  deps: { identities: IdentityStore; org: () => OrgDirectory },
  personId: PersonId,
  running: readonly ChatPlatform[],
): Promise<{ platform: ChatPlatform; chatId: string } | undefined> {
  const linked = await deps.identities.identitiesOf(personId);
  const fromOrg: ChatIdentity[] = Object.entries(deps.org().person(personId)?.chat ?? {})
    .filter(([platform]) => !linked.some((l) => l.channel === platform))
    .map(([platform, userId]) => ({ channel: platform, userId, chatId: userId }));
  const available = [...linked, ...fromOrg].filter((i) => running.includes(i.channel));
  if (available.length === 0) return undefined;
  const prefs = await deps.identities.preferences(personId);
  const chosen =
    available.find((i) => i.channel === prefs.preferredChannel) ??
    available.find((i) => i.channel === prefs.lastChannel) ??
    available[0];
  return chosen ? { platform: chosen.channel, chatId: chosen.chatId ?? chosen.userId } : undefined;
}
