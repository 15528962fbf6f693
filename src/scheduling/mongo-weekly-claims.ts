import type { Connection, Types } from 'mongoose';
import { isDuplicateKeyError, objectIdForKey } from '../storage/object-ids.js';
import type { WeeklyClaims } from './weekly-claims.js';

/** The collection of claims on the service's database. */
export const WEEKLY_CLAIMS_COLLECTION = 'weekly_claims';

interface ClaimDoc {
  _id: Types.ObjectId;
  key: string;
  claimedAt: Date;
}

/**
 * Weekly claims in MongoDB: a claim inserts a document whose `_id` is derived from the key, so of two
 * processes that claim the same key only the first insert succeeds; the other gets a duplicate-key
 * error (which the embedded server enforces for `_id`, unlike other unique indexes).
 */
export class MongoWeeklyClaims implements WeeklyClaims {
  constructor(
    private readonly connection: Connection,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private get collection() {
    return this.connection.collection<ClaimDoc>(WEEKLY_CLAIMS_COLLECTION);
  }

  async claim(key: string): Promise<boolean> {
    try {
      await this.collection.insertOne({
        _id: objectIdForKey(`weekly-claim:${key}`),
        key,
        claimedAt: this.clock(),
      });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async release(key: string): Promise<void> {
    await this.collection.deleteOne({ _id: objectIdForKey(`weekly-claim:${key}`) });
  }
}
