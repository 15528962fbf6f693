import { knownInCall, memoInCall, rememberInCall } from './call-scope.js';
import type { ChatIdentity, IdentityStore, LinkedAccount, PersonPreferences } from './ports.js';
import type { ChatPlatform } from './types.js';

const accountKey = (channel: ChatPlatform, userId: string) => `account:${channel}:${userId}`;
const prefsKey = (personId: string) => `prefs:${personId}`;

/**
 * The identity store as one chat call (one update) sees it: the account behind the user and a
 * person's preferences are read once per call, however many parts of the call ask (identifying
 * the person, their language for each line of the answer), and what the call itself changes is
 * remembered as changed. Every call reads afresh; outside a call every read goes to the store.
 */
export function perCallIdentities(store: IdentityStore): IdentityStore {
  const account = (channel: ChatPlatform, userId: string): Promise<LinkedAccount | undefined> =>
    memoInCall(accountKey(channel, userId), () => store.account(channel, userId));
  return {
    account,
    findPerson: async (channel, userId) => (await account(channel, userId))?.personId,
    identitiesOf: (personId) => store.identitiesOf(personId),
    async link(personId: string, identity: ChatIdentity): Promise<void> {
      await store.link(personId, identity);
      rememberInCall<LinkedAccount>(accountKey(identity.channel, identity.userId), {
        personId,
        ...(identity.chatId ? { chatId: identity.chatId } : {}),
      });
    },
    // Each caller gets its own copy (callers may change what they are given).
    preferences: async (personId) => ({
      ...(await memoInCall(prefsKey(personId), () => store.preferences(personId))),
    }),
    async setPreferences(personId: string, changes: PersonPreferences): Promise<void> {
      const before = knownInCall<PersonPreferences>(prefsKey(personId));
      await store.setPreferences(personId, changes);
      rememberInCall(prefsKey(personId), before ? { ...(await before), ...changes } : undefined);
    },
  };
}
