import type { ChatSender, OutgoingFile } from '../../chat/types.js';
import type { PersonId } from '../../core/ids.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { ChatIdentity, IdentityStore } from '../../core/ports.js';
import type { Logger } from '../../logger.js';

export interface FileSenderDeps {
  senders: () => ChatSender[];
  identities: IdentityStore;
  org: () => OrgDirectory;
  logger: Logger;
}

/**
 * Sends a file straight to a person's chat, on the platform their messages go to (their choice,
 * else the one used last, else any linked one). False when they have no reachable account or the
 * platform refuses; the file can then be asked for again (`/daftar`).
 */
export function createFileSender(
  deps: FileSenderDeps,
): (personId: PersonId, file: OutgoingFile) => Promise<boolean> {
  return async (personId, file) => {
    const senders = new Map(deps.senders().map((s) => [s.platform, s]));
    const linked = await deps.identities.identitiesOf(personId);
    const person = deps.org().person(personId);
    const fromOrg: ChatIdentity[] = [
      ...(person?.telegram !== undefined
        ? [{ channel: 'telegram' as const, userId: String(person.telegram) }]
        : []),
      ...(person?.slack ? [{ channel: 'slack' as const, userId: person.slack }] : []),
    ].filter((o) => !linked.some((l) => l.channel === o.channel));
    const available = [...linked, ...fromOrg].filter((i) => senders.has(i.channel));
    const prefs = await deps.identities.preferences(personId);
    const chosen =
      available.find((i) => i.channel === prefs.preferredChannel) ??
      available.find((i) => i.channel === prefs.lastChannel) ??
      available[0];
    const sender = chosen && senders.get(chosen.channel);
    if (!chosen || !sender) return false;
    try {
      await sender.sendFile(chosen.chatId ?? chosen.userId, file);
      return true;
    } catch (error) {
      deps.logger.warn({ err: error, personId, file: file.name }, 'file could not be sent');
      return false;
    }
  };
}
