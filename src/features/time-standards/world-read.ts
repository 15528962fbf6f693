import type { Db, Document } from 'mongodb';
import type { PersonId } from '../../core/ids.js';
import { delegationMap } from './delegations.js';
import { CURRENT_ID } from './disruptions.js';

/** What every decision reads of this feature's state. */
export interface TimeWorld {
  delegations: Map<PersonId, PersonId>;
  disruptedSince: Date | undefined;
}

/**
 * Who stands in for whom at `at` and whether a disruption is declared, in one query: the current
 * disruption's document (at most one, by its fixed id) with the delegations in force appended
 * (`$unionWith`, MongoDB 4.4+). A decision needs both, so both come in one round trip.
 */
export async function readTimeWorld(db: Db, at: Date): Promise<TimeWorld> {
  const docs = await db
    .collection('disruptions')
    .aggregate<Document>([
      { $match: { _id: CURRENT_ID } },
      {
        $unionWith: {
          coll: 'delegations',
          pipeline: [{ $match: { from: { $lte: at }, until: { $gt: at } } }],
        },
      },
    ])
    .toArray();
  const current = docs.find((doc) => String(doc['_id']) === String(CURRENT_ID));
  const delegations = docs
    .filter((doc) => doc !== current && typeof doc['delegateId'] === 'string')
    .map((doc) => ({
      id: String(doc['_id']),
      personId: doc['personId'] as string,
      delegateId: doc['delegateId'] as string,
      from: doc['from'] as Date,
      until: doc['until'] as Date,
    }));
  const since: unknown = current?.['since'];
  return {
    delegations: delegationMap(delegations),
    disruptedSince: since instanceof Date ? since : undefined,
  };
}
