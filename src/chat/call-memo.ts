import { forgetInCall, knownInCall, memoInCall, rememberInCall } from './call-scope.js';
import type { ChatIdentity, IdentityStore, LinkedAccount, PersonPreferences } from './ports.js';
import type { ChatPlatform } from './types.js';

const accountKey = (channel: ChatPlatform, userId: string) => `account:${channel}:${userId}`;
const prefsKey = (personId: string) => `prefs:${personId}`;
const IDENTITIES = 'identities:';
const identitiesKey = (personId: string) => `${IDENTITIES}${personId}`;

const copyIdentities = (linked: ChatIdentity[]): ChatIdentity[] => linked.map((i) => ({ ...i }));

/**
 * What the call remembers of each of `ids`; the ones it does not know yet are read together, in
 * one `readMany`, and remembered one by one (a later single read of one of them is answered from
 * the call). Outside a call, one `readMany` of them all.
 */
async function manyInCall<T>(
  ids: readonly string[],
  key: (id: string) => string,
  readMany: (ids: readonly string[]) => Promise<Map<string, T>>,
  none: () => T,
): Promise<Map<string, T>> {
  const unknown = [...new Set(ids)].filter((id) => !knownInCall(key(id)));
  const reading = unknown.length > 0 ? readMany(unknown) : Promise.resolve(new Map<string, T>());
  const answers = ids.map(
    async (id) => [id, await memoInCall(key(id), async () => (await reading).get(id) ?? none())] as const,
  );
  return new Map(await Promise.all(answers));
}

/**
 * The identity store as one chat call (one update, one outbox tick) sees it: the account behind
 * the user, a person's accounts and their preferences are read once per call, however many parts
 * of the call ask (identifying the person, their language for each line of the answer), and what
 * the call itself changes is remembered as changed. Every call reads afresh; outside a call every
 * read goes to the store. The batch reads (`…OfMany`) prime what the call remembers.
 */
export function perCallIdentities(store: IdentityStore): IdentityStore {
  const account = (channel: ChatPlatform, userId: string): Promise<LinkedAccount | undefined> =>
    memoInCall(accountKey(channel, userId), async () => {
      const found = await store.account(channel, userId);
      // Read with the account: the call asks the store for the person's preferences no more.
      if (found?.preferences && !knownInCall(prefsKey(found.personId)))
        rememberInCall(prefsKey(found.personId), found.preferences);
      return found;
    });
  return {
    account,
    findPerson: async (channel, userId) => (await account(channel, userId))?.personId,
    identitiesOf: async (personId) =>
      copyIdentities(await memoInCall(identitiesKey(personId), () => store.identitiesOf(personId))),
    identitiesOfMany: async (personIds) => {
      const found = await manyInCall(
        personIds,
        identitiesKey,
        (ids) => store.identitiesOfMany(ids),
        () => [],
      );
      return new Map([...found].map(([id, linked]) => [id, copyIdentities(linked)]));
    },
    async link(personId: string, identity: ChatIdentity): Promise<void> {
      await store.link(personId, identity);
      rememberInCall<LinkedAccount>(accountKey(identity.channel, identity.userId), {
        personId,
        ...(identity.chatId ? { chatId: identity.chatId } : {}),
      });
      // The account may have moved from someone else: every person's accounts are read again.
      forgetInCall(IDENTITIES);
    },
    // Each caller gets its own copy (callers may change what they are given).
    preferences: async (personId) => ({
      ...(await memoInCall(prefsKey(personId), () => store.preferences(personId))),
    }),
    preferencesOfMany: async (personIds) => {
      const found = await manyInCall(
        personIds,
        prefsKey,
        (ids) => store.preferencesOfMany(ids),
        () => ({}),
      );
      return new Map([...found].map(([id, prefs]) => [id, { ...prefs }]));
    },
    async setPreferences(personId: string, changes: PersonPreferences): Promise<void> {
      const before = knownInCall<PersonPreferences>(prefsKey(personId));
      await store.setPreferences(personId, changes);
      rememberInCall(prefsKey(personId), before ? { ...(await before), ...changes } : undefined);
    },
  };
}
