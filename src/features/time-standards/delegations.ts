import { ObjectId, type Collection, type Db } from 'mongodb';
import type { PersonId } from '../../core/ids.js';

/** A person out of office names a delegate (wakil) for a period; tasks and escalations go to them. */
export interface Delegation {
  id: string;
  personId: PersonId;
  delegateId: PersonId;
  from: Date;
  until: Date;
}

export interface DelegationStore {
  /** Delegations in force at `at` (from ≤ at < until). */
  activeAt(at: Date): Promise<Delegation[]>;
  /** Names a delegate for [from, until), ending the person's delegation in force at `from`. */
  set(delegation: Omit<Delegation, 'id'>): Promise<Delegation>;
  /** Ends the person's delegations in force at `at`; how many there were. */
  end(personId: PersonId, at: Date): Promise<number>;
}

/**
 * Who stands in for whom: each person to their delegate. When the delegate is away too and has a
 * delegate of their own, the task goes on to that one (a cycle stops before it comes back).
 */
export function delegationMap(active: readonly Delegation[]): Map<PersonId, PersonId> {
  const direct = new Map<PersonId, Delegation>();
  for (const d of active) {
    const seen = direct.get(d.personId);
    if (!seen || d.from.getTime() > seen.from.getTime()) direct.set(d.personId, d);
  }
  const resolved = new Map<PersonId, PersonId>();
  for (const personId of direct.keys()) {
    const visited = new Set<PersonId>([personId]);
    let target = direct.get(personId)?.delegateId ?? personId;
    for (;;) {
      const next = direct.get(target)?.delegateId;
      if (!next || visited.has(next) || next === target) break;
      visited.add(target);
      target = next;
    }
    if (target !== personId) resolved.set(personId, target);
  }
  return resolved;
}

interface DelegationDoc {
  _id: ObjectId;
  personId: string;
  delegateId: string;
  from: Date;
  until: Date;
  createdAt: Date;
}

/** Delegations in the service's database, one document each; ending one shortens its period. */
export class MongoDelegationStore implements DelegationStore {
  private readonly docs: Collection<DelegationDoc>;

  constructor(db: Db) {
    this.docs = db.collection<DelegationDoc>('delegations');
  }

  async activeAt(at: Date): Promise<Delegation[]> {
    const docs = await this.docs.find({ from: { $lte: at }, until: { $gt: at } }).toArray();
    return docs.map(fromDoc);
  }

  async set(delegation: Omit<Delegation, 'id'>): Promise<Delegation> {
    await this.end(delegation.personId, delegation.from);
    const doc: DelegationDoc = { _id: new ObjectId(), ...delegation, createdAt: new Date() };
    await this.docs.insertOne(doc);
    return fromDoc(doc);
  }

  async end(personId: PersonId, at: Date): Promise<number> {
    const result = await this.docs.updateMany(
      { personId, from: { $lte: at }, until: { $gt: at } },
      { $set: { until: at } },
    );
    return result.modifiedCount;
  }
}

function fromDoc(doc: DelegationDoc): Delegation {
  return {
    id: doc._id.toHexString(),
    personId: doc.personId,
    delegateId: doc.delegateId,
    from: doc.from,
    until: doc.until,
  };
}
