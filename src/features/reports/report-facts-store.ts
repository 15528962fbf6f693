import type { AnyBulkWriteOperation, Collection, Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import { BOOKKEEPING_WINDOW_MS, failAll, groupCommit } from '../../storage/batching.js';
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

  /**
   * Saves from changes go together, a window's worth as one write (`writeDocs`): they are
   * book-keeping (a crash loses at most a window's worth, which the next start's reconciliation
   * writes again). Reads in this process wait for its saves first.
   */
  private readonly write = groupCommit<FactsFields>((docs) => this.writeDocs(docs), BOOKKEEPING_WINDOW_MS);

  /** Waits for the saves handed in so far. */
  settled(): Promise<void> {
    return this.write.settled();
  }

  constructor(db: Db) {
    this.docs = db.collection<ReportFactsDoc>(REPORT_FACTS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.docs.createIndex({ flowId: 1, lastEndAt: 1 });
    await this.docs.createIndex({ writtenAt: 1 });
  }

  /** Stores the facts of an instance read at `version` (unless newer ones are stored), soon. */
  async save(instance: ReportInstance, version: number): Promise<void> {
    const doc = factsFields(instance, version);
    if (doc) await this.write(doc);
  }

  /** Stores the facts of these instances, each read at its own version, in one write now. */
  async saveNow(instances: ReadonlyArray<ReportInstance & { version: number }>): Promise<void> {
    const docs = instances.flatMap((instance) => factsFields(instance, instance.version) ?? []);
    if (docs.length === 0) return;
    const [failure] = (await this.writeDocs(docs)).filter((r) => r instanceof Error);
    if (failure) throw failure;
  }

  /**
   * One unordered bulk write of upserts, each only over facts of an older version. `writtenAt` is
   * the time of the write, so a cache that asks what was written since its last look does not miss
   * a save that waited.
   */
  private async writeDocs(docs: readonly FactsFields[]): Promise<Array<undefined | Error>> {
    const writtenAt = new Date();
    try {
      await this.docs.bulkWrite(
        docs.map((doc): AnyBulkWriteOperation<ReportFactsDoc> => ({
          updateOne: {
            filter: { _id: doc._id, version: { $lt: doc.version } },
            update: { $set: { ...fieldsOf(doc), writtenAt } },
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
  }

  async factsBetween(from: Date, to: Date, filter: { flowIds: readonly string[] }): Promise<InstanceFacts[]> {
    await this.write.settled();
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
    await this.write.settled();
    const docs = await this.docs
      .find({ writtenAt: { $gte: since } }, { projection: { version: 1 } })
      .toArray();
    return new Map(docs.map((doc) => [doc._id.toHexString(), doc.version]));
  }

  /** The facts of these instances (24-hex ids), or of every instance without ids. */
  async read(ids?: readonly string[]): Promise<StoredFacts[]> {
    if (ids?.length === 0) return [];
    await this.write.settled();
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
    await this.write.settled();
    const docs = await this.docs.find({}, { projection: { version: 1, format: 1 } }).toArray();
    return new Map(
      docs.map((doc) => [doc._id.toHexString(), doc.format === FACTS_FORMAT ? doc.version : -1]),
    );
  }
}

type FactsFields = Omit<ReportFactsDoc, 'writtenAt'>;

function factsFields(instance: ReportInstance, version: number): FactsFields | undefined {
  if (!ObjectId.isValid(instance.id)) return undefined;
  const attempts = attemptFactsOf(instance);
  const ends = attempts.map((a) => a.endMs);
  return {
    _id: new ObjectId(instance.id),
    version,
    flowId: instance.flowId,
    firstEndAt: ends.length > 0 ? new Date(Math.min(...ends)) : null,
    lastEndAt: ends.length > 0 ? new Date(Math.max(...ends)) : null,
    attempts: encodeAttempts(attempts),
    format: FACTS_FORMAT,
  };
}

function fieldsOf(doc: FactsFields): Omit<ReportFactsDoc, '_id' | 'writtenAt'> {
  const { _id: _ignored, ...fields } = doc;
  return fields;
}
