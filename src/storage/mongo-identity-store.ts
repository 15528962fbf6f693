import type { Types } from 'mongoose';
import {
  isRequesterUpdates,
  type ChatIdentity,
  type IdentityStore,
  type LinkedAccount,
  type PersonPreferences,
} from '../chat/ports.js';
import type { IdentityDoc, Models, PreferenceFields } from './models.js';
import { objectIdForKey } from './object-ids.js';

const identityId = (channel: string, userId: string) => objectIdForKey(`identity:${channel}:${userId}`);
const preferencesId = (personId: string) => objectIdForKey(`prefs:${personId}`);

/**
 * Chat accounts (`identities`, one per platform account) and each person's preferences
 * (`preferences`, one per person: the record). Every account also carries a copy of its person's
 * preferences with the record's revision (`prefs`, `prefsRev`), so that a tap reads who tapped
 * and in which language to answer in one query. A change of preferences bumps the revision and
 * writes the copy onto the person's accounts; a copy is only ever replaced by a newer revision,
 * so two changes at once leave every account with the later one. An account linked anew has no
 * copy until its first read, which reads the record and copies it on.
 */
export class MongoIdentityStore implements IdentityStore {
  constructor(private readonly models: Models) {}

  async link(personId: string, identity: ChatIdentity): Promise<void> {
    await this.models.Identity.updateOne(
      { _id: identityId(identity.channel, identity.userId) },
      {
        $set: { personId, channel: identity.channel, userId: identity.userId, chatId: identity.chatId },
        // The account may have been someone else's: its copy is taken afresh at its next read.
        $unset: { prefs: 1, prefsRev: 1 },
      },
      { upsert: true },
    );
  }

  async findPerson(channel: ChatIdentity['channel'], userId: string): Promise<string | undefined> {
    return (await this.account(channel, userId))?.personId;
  }

  async account(channel: ChatIdentity['channel'], userId: string): Promise<LinkedAccount | undefined> {
    const doc = await this.models.Identity.findById(identityId(channel, userId)).lean<IdentityDoc>();
    if (!doc) return undefined;
    const account = { personId: doc.personId, ...(doc.chatId ? { chatId: doc.chatId } : {}) };
    if (doc.prefs && doc.prefsRev !== undefined) return { ...account, preferences: preferencesOf(doc.prefs) };
    const record = await this.models.Preference.findById(preferencesId(doc.personId)).lean();
    // Copied on for the next read; if that fails, the next read reads the record again.
    void this.copyOnto(doc._id, doc.personId, record ?? {}, record?.rev ?? 0).catch(() => undefined);
    return { ...account, preferences: preferencesOf(record ?? {}) };
  }

  async identitiesOf(personId: string): Promise<ChatIdentity[]> {
    return (await this.identitiesOfMany([personId])).get(personId) ?? [];
  }

  async identitiesOfMany(personIds: readonly string[]): Promise<Map<string, ChatIdentity[]>> {
    const found = new Map(personIds.map((id) => [id, [] as ChatIdentity[]]));
    if (personIds.length === 0) return found;
    const query = personIds.length === 1 ? { personId: personIds[0] } : { personId: { $in: [...personIds] } };
    for (const d of await this.models.Identity.find(query, { prefs: 0, prefsRev: 0 }).lean())
      found.get(d.personId)?.push({
        channel: d.channel,
        userId: d.userId,
        ...(d.chatId ? { chatId: d.chatId } : {}),
      });
    return found;
  }

  async preferences(personId: string): Promise<PersonPreferences> {
    const doc = await this.models.Preference.findById(preferencesId(personId)).lean();
    return doc ? preferencesOf(doc) : {};
  }

  async preferencesOfMany(personIds: readonly string[]): Promise<Map<string, PersonPreferences>> {
    const found = new Map(personIds.map((id) => [id, {}]));
    if (personIds.length === 0) return found;
    const byKey = new Map(personIds.map((id) => [String(preferencesId(id)), id]));
    const docs = await this.models.Preference.find({ _id: { $in: personIds.map(preferencesId) } }).lean();
    for (const doc of docs) {
      const personId = byKey.get(String(doc._id));
      if (personId) found.set(personId, preferencesOf(doc));
    }
    return found;
  }

  async setPreferences(personId: string, changes: PersonPreferences): Promise<void> {
    const record = await this.models.Preference.findOneAndUpdate(
      { _id: preferencesId(personId) },
      { $set: { personId, ...changes }, $inc: { rev: 1 } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    if (!record) throw new Error(`the preferences of ${personId} were not saved`);
    await this.models.Identity.updateMany(
      { personId, ...olderCopyThan(record.rev ?? 0) },
      { $set: { prefs: fieldsOf(record), prefsRev: record.rev ?? 0 } },
    );
  }

  /** Puts the record (at `rev`) on one account of the person, unless it has a copy as new. */
  private async copyOnto(_id: Types.ObjectId, personId: string, record: PreferenceFields, rev: number) {
    await this.models.Identity.updateOne(
      { _id, personId, ...olderCopyThan(rev) },
      { $set: { prefs: fieldsOf(record), prefsRev: rev } },
    );
  }
}

/** Accounts without a copy, or with one of an older revision than `rev`. */
const olderCopyThan = (rev: number) => ({
  $or: [{ prefsRev: { $exists: false } }, { prefsRev: { $lt: rev } }],
});

/** The preference fields of a record (as copied onto the accounts). */
function fieldsOf(record: PreferenceFields): PreferenceFields {
  const { locale, preferredChannel, lastChannel, notify } = record;
  return {
    ...(locale ? { locale } : {}),
    ...(preferredChannel ? { preferredChannel } : {}),
    ...(lastChannel ? { lastChannel } : {}),
    ...(notify ? { notify } : {}),
  };
}

/** Stored preferences as the chat layer reads them (unknown values left out). */
function preferencesOf(doc: PreferenceFields): PersonPreferences {
  return {
    ...(doc.locale ? { locale: doc.locale as PersonPreferences['locale'] } : {}),
    ...(doc.preferredChannel ? { preferredChannel: doc.preferredChannel } : {}),
    ...(doc.lastChannel ? { lastChannel: doc.lastChannel } : {}),
    ...(isRequesterUpdates(doc.notify) ? { notify: doc.notify } : {}),
  };
}
