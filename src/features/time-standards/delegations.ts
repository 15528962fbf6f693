import { ObjectId, type Collection, type Db } from 'mongodb';
import type { PersonId } from '../../core/ids.js';

/** A person out of office names a delegate (wakil) for a period; tasks and escalations go to them. */
export interface Delegation {
  id: string;
  personId: PersonId;
  delegateId: PersonId;
  from: Date;
  until: Date;
  /** Who named the delegate (the person, or an admin for them); absent: the person. */
  setBy?: PersonId;
}

/** Who ended a delegation and how: withdrawn (by the person or an admin) or declined by the delegate. */
export interface DelegationEnding {
  by: PersonId;
  action: 'ended' | 'declined';
  /** Only the delegation to this delegate (a decline ends only one's own). */
  delegateId?: PersonId;
}

/** One entry of a delegation's audit trail. */
export interface DelegationEvent {
  at: Date;
  by: PersonId;
  action: 'set' | 'ended' | 'declined';
}

export interface DelegationStore {
  /** Delegations in force at `at` (from ≤ at < until). */
  activeAt(at: Date): Promise<Delegation[]>;
  /** Names a delegate for [from, until), ending the person's delegation in force at `from`. */
  set(delegation: Omit<Delegation, 'id'>): Promise<Delegation>;
  /** Ends the person's delegations in force at `at`; how many there were. */
  end(personId: PersonId, at: Date, ending?: DelegationEnding): Promise<number>;
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
  setBy?: string;
  createdAt: Date;
  /** The audit trail: who set it, who ended or declined it, when. */
  history?: DelegationEvent[];
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
    const by = delegation.setBy ?? delegation.personId;
    await this.end(delegation.personId, delegation.from, { by, action: 'ended' });
    const doc: DelegationDoc = {
      _id: new ObjectId(),
      ...delegation,
      createdAt: new Date(),
      history: [{ at: delegation.from, by, action: 'set' }],
    };
    await this.docs.insertOne(doc);
    return fromDoc(doc);
  }

  async end(personId: PersonId, at: Date, ending?: DelegationEnding): Promise<number> {
    const event: DelegationEvent = { at, by: ending?.by ?? personId, action: ending?.action ?? 'ended' };
    const result = await this.docs.updateMany(
      {
        personId,
        from: { $lte: at },
        until: { $gt: at },
        ...(ending?.delegateId ? { delegateId: ending.delegateId } : {}),
      },
      { $set: { until: at }, $push: { history: event } },
    );
    return result.modifiedCount;
  }

  /** Every delegation of a person, newest first, with its audit trail. */
  async historyOf(personId: PersonId): Promise<Array<Delegation & { history: DelegationEvent[] }>> {
    const docs = await this.docs.find({ personId }).sort({ createdAt: -1 }).toArray();
    return docs.map((doc) => ({ ...fromDoc(doc), history: doc.history ?? [] }));
  }
}

function fromDoc(doc: DelegationDoc): Delegation {
  return {
    id: doc._id.toHexString(),
    personId: doc.personId,
    delegateId: doc.delegateId,
    from: doc.from,
    until: doc.until,
    ...(doc.setBy ? { setBy: doc.setBy } : {}),
  };
}
