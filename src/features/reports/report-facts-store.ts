import type { AnyBulkWriteOperation, Collection, Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import { batched, failAll } from '../../storage/batching.js';
import { onlyDuplicateKeys } from '../../storage/object-ids.js';
import type { ComplianceSource } from './compliance-source.js';
import { decodeAttempts, encodeAttempts, FACTS_FORMAT } from './report-facts-codec.js';
import type { ReportInstance } from './report-instance.js';
import { attemptFactsOf, type InstanceFacts } from './step-attempts.js';

interface ReportFactsDoc {
  _id: ObjectId;
  /** The instance's version these facts were read from. */
  version: number;
  flowId: string;
  /** When its first and last finished attempts ended (null: none yet). */
  firstEndAt: Date | null;
  lastEndAt: Date | null;
  /** The attempts, encoded (report-facts-codec.ts). */
  attempts: string;
  /** The encoding's version: documents of another are read again from their instance. */
  format: number;
  /** When this document was last written (the writing process's clock). */
  writtenAt: Date;
}

/** The facts of one instance as read back, with what a cache needs to keep them current. */
export interface StoredFacts extends InstanceFacts {
  version: number;
  firstEndMs: number | null;
  lastEndMs: number | null;
}

export const REPORT_FACTS_COLLECTION = 'report_facts';

/**
 * The finished attempts of every instance, one small document per instance in `report_facts`,
 * so that a year's compliance report reads 10,000 short documents instead of 10,000 whole
 * instances with their audit trails (~18 KB each: seconds on the embedded database). Kept by the
 * reports feature from every saved change that ends a run, and brought in step with the
 * instances at start (`reconcileReportFacts`). A write never replaces facts read from a newer
 * version of the instance. Queried with `{ flowId: { $in }, lastEndAt: { $gte: from },
 * firstEndAt: { $lt: to } }`, served by the index `{ flowId: 1, lastEndAt: 1 }`.
 */
export class MongoReportFacts implements ComplianceSource {
  private readonly docs: Collection<ReportFactsDoc>;

  /** Saves made in the same tick go as one unordered bulk write. */
  private readonly write = batched<ReportFactsDoc, void>(async (docs) => {
    try {
      await this.docs.bulkWrite(
        docs.map((doc): AnyBulkWriteOperation<ReportFactsDoc> => ({
          updateOne: {
            filter: { _id: doc._id, version: { $lt: doc.version } },
            update: { $set: { ...fieldsOf(doc) } },
            upsert: true,
          },
        })),
        { ordered: false },
      );
      return docs.map(() => undefined);
    } catch (error) {
      // A duplicate key: facts from a newer version are already there (a later save won the race).
      if (onlyDuplicateKeys(error)) return docs.map(() => undefined);
      return failAll(docs, error);
    }
  });

  constructor(db: Db) {
    this.docs = db.collection<ReportFactsDoc>(REPORT_FACTS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.docs.createIndex({ flowId: 1, lastEndAt: 1 });
    await this.docs.createIndex({ writtenAt: 1 });
  }

  /** Stores the facts of an instance read at `version` (unless newer ones are stored). */
  async save(instance: ReportInstance, version: number): Promise<void> {
    const _id = ObjectId.isValid(instance.id) ? new ObjectId(instance.id) : undefined;
    if (!_id) return;
    const attempts = attemptFactsOf(instance);
    const ends = attempts.map((a) => a.endMs);
    await this.write({
      _id,
      version,
      flowId: instance.flowId,
      firstEndAt: ends.length > 0 ? new Date(Math.min(...ends)) : null,
      lastEndAt: ends.length > 0 ? new Date(Math.max(...ends)) : null,
      attempts: encodeAttempts(attempts),
      format: FACTS_FORMAT,
      writtenAt: new Date(),
    });
  }

  async factsBetween(from: Date, to: Date, filter: { flowIds: readonly string[] }): Promise<InstanceFacts[]> {
    const docs = await this.docs
      .find(
        { flowId: { $in: [...filter.flowIds] }, lastEndAt: { $gte: from }, firstEndAt: { $lt: to } },
        { projection: { flowId: 1, attempts: 1 } },
      )
      .toArray();
    return docs.map((doc) => ({
      instanceId: doc._id.toHexString(),
      flowId: doc.flowId,
      attempts: decodeAttempts(doc.attempts),
    }));
  }

  /** The id and version of every document written at or after `since`. */
  async versionsWrittenSince(since: Date): Promise<Map<string, number>> {
    const docs = await this.docs
      .find({ writtenAt: { $gte: since } }, { projection: { version: 1 } })
      .toArray();
    return new Map(docs.map((doc) => [doc._id.toHexString(), doc.version]));
  }

  /** The facts of these instances (24-hex ids), or of every instance without ids. */
  async read(ids?: readonly string[]): Promise<StoredFacts[]> {
    if (ids?.length === 0) return [];
    const filter = ids ? { _id: { $in: ids.map((id) => new ObjectId(id)) } } : {};
    const docs = await this.docs.find(filter, { projection: { writtenAt: 0 } }).toArray();
    return docs.map((doc) => ({
      instanceId: doc._id.toHexString(),
      flowId: doc.flowId,
      version: doc.version,
      firstEndMs: doc.firstEndAt?.getTime() ?? null,
      lastEndMs: doc.lastEndAt?.getTime() ?? null,
      attempts: decodeAttempts(doc.attempts),
    }));
  }

  /** The version each stored instance's facts were read from (-1: written in another format). */
  async versions(): Promise<Map<string, number>> {
    const docs = await this.docs.find({}, { projection: { version: 1, format: 1 } }).toArray();
    return new Map(
      docs.map((doc) => [doc._id.toHexString(), doc.format === FACTS_FORMAT ? doc.version : -1]),
    );
  }
}

function fieldsOf(doc: ReportFactsDoc): Omit<ReportFactsDoc, '_id'> {
  const { _id: _ignored, ...fields } = doc;
  return fields;
}
