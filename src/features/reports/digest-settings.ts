import type { Connection, Types } from 'mongoose';
import { objectIdForKey } from '../../storage/object-ids.js';
import type { PersonId } from '../../core/ids.js';

/** Who has turned their weekly digest off (`/laporan mingguan mati`); everyone else gets it. */
export interface DigestSettings {
  weeklyOn(personId: PersonId): Promise<boolean>;
  setWeekly(personId: PersonId, on: boolean): Promise<void>;
  /** Everyone who turned it off. */
  weeklyOff(): Promise<Set<PersonId>>;
}

/** The collection of digest settings on the service's database: one document per person who chose. */
export const DIGEST_SETTINGS_COLLECTION = 'report_digest_settings';

interface SettingDoc {
  _id: Types.ObjectId;
  personId: PersonId;
  weekly: boolean;
  updatedAt: Date;
}

/** One document per person, its `_id` derived from the person's id (so an upsert never makes two). */
const idOf = (personId: PersonId) => objectIdForKey(`digest-settings:${personId}`);

export class MongoDigestSettings implements DigestSettings {
  constructor(
    private readonly connection: Connection,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private get collection() {
    return this.connection.collection<SettingDoc>(DIGEST_SETTINGS_COLLECTION);
  }

  async weeklyOn(personId: PersonId): Promise<boolean> {
    const doc = await this.collection.findOne({ _id: idOf(personId) });
    return doc?.weekly ?? true;
  }

  async setWeekly(personId: PersonId, on: boolean): Promise<void> {
    await this.collection.updateOne(
      { _id: idOf(personId) },
      { $set: { personId, weekly: on, updatedAt: this.clock() } },
      { upsert: true },
    );
  }

  async weeklyOff(): Promise<Set<PersonId>> {
    const docs = await this.collection.find({ weekly: false }, { projection: { personId: 1 } }).toArray();
    return new Set(docs.map((doc) => doc.personId));
  }
}

/** Settings in memory (unit tests). */
export class InMemoryDigestSettings implements DigestSettings {
  private readonly off = new Set<PersonId>();

  weeklyOn(personId: PersonId): Promise<boolean> {
    return Promise.resolve(!this.off.has(personId));
  }

  setWeekly(personId: PersonId, on: boolean): Promise<void> {
    if (on) this.off.delete(personId);
    else this.off.add(personId);
    return Promise.resolve();
  }

  weeklyOff(): Promise<Set<PersonId>> {
    return Promise.resolve(new Set(this.off));
  }
}
