import { ObjectId, type Collection, type Db } from 'mongodb';

/**
 * A declared disruption of the SPSE infrastructure (the SOP's 4th warning): while it lasts the
 * standard times do not run. One can be current at a time; ended ones stay as history.
 */
export interface Disruption {
  id: string;
  since: Date;
  note: string;
  by: string;
  until?: Date;
  endedBy?: string;
  endNote?: string;
}

export interface DisruptionStore {
  current(): Promise<Disruption | undefined>;
  /** Declares one; refused (with the current one) when one is already declared. */
  start(
    disruption: Omit<Disruption, 'id' | 'until' | 'endedBy' | 'endNote'>,
  ): Promise<{ ok: true; disruption: Disruption } | { ok: false; current: Disruption }>;
  /** Ends the current one and returns it, or undefined when none was declared. */
  end(at: Date, by: string, note?: string): Promise<Disruption | undefined>;
  /** Newest first, the current one included. */
  history(limit: number): Promise<Disruption[]>;
}

interface DisruptionDoc {
  _id: ObjectId;
  disruptionId: string;
  current: boolean;
  since: Date;
  note: string;
  by: string;
  until?: Date;
  endedBy?: string;
  endNote?: string;
}

/** The one document that exists while a disruption is declared: a second declaration collides on its `_id`. */
export const CURRENT_ID = new ObjectId('d15a00000000000000000001');

/**
 * Disruptions in the service's database: the current one is a single document with a fixed
 * `_id` (inserting a second fails, on every MongoDB), each disruption also has a history record.
 */
export class MongoDisruptionStore implements DisruptionStore {
  private readonly docs: Collection<DisruptionDoc>;

  constructor(db: Db) {
    this.docs = db.collection<DisruptionDoc>('disruptions');
  }

  async current(): Promise<Disruption | undefined> {
    const doc = await this.docs.findOne({ _id: CURRENT_ID });
    return doc ? fromDoc(doc) : undefined;
  }

  async start(
    disruption: Omit<Disruption, 'id'>,
  ): Promise<{ ok: true; disruption: Disruption } | { ok: false; current: Disruption }> {
    const id = new ObjectId();
    const fields = {
      disruptionId: id.toHexString(),
      since: disruption.since,
      note: disruption.note,
      by: disruption.by,
    };
    try {
      await this.docs.insertOne({ _id: CURRENT_ID, current: true, ...fields });
    } catch (error) {
      if ((error as { code?: unknown }).code !== 11000) throw error;
      const current = await this.current();
      if (current) return { ok: false, current };
      throw error;
    }
    await this.docs.insertOne({ _id: id, current: false, ...fields });
    return {
      ok: true,
      disruption: { id: fields.disruptionId, since: fields.since, note: fields.note, by: fields.by },
    };
  }

  async end(at: Date, by: string, note?: string): Promise<Disruption | undefined> {
    const doc = await this.docs.findOneAndDelete({ _id: CURRENT_ID });
    if (!doc) return undefined;
    const ended = { until: at, endedBy: by, ...(note ? { endNote: note } : {}) };
    await this.docs.updateOne({ _id: new ObjectId(doc.disruptionId) }, { $set: ended });
    return { ...fromDoc(doc), ...ended };
  }

  async history(limit: number): Promise<Disruption[]> {
    const docs = await this.docs.find({ current: false }).sort({ since: -1 }).limit(limit).toArray();
    return docs.map(fromDoc);
  }
}

function fromDoc(doc: DisruptionDoc): Disruption {
  return {
    id: doc.disruptionId,
    since: doc.since,
    note: doc.note,
    by: doc.by,
    ...(doc.until ? { until: doc.until } : {}),
    ...(doc.endedBy ? { endedBy: doc.endedBy } : {}),
    ...(doc.endNote ? { endNote: doc.endNote } : {}),
  };
}
