import type { AuditEvent, Instance, Prompt } from '../core/engine/types.js';
import {
  DuplicateInstanceError,
  VersionConflictError,
  type InstanceStore,
  type OpenTask,
} from '../core/ports.js';
import type { AnyBulkWriteOperation, Document, UpdateFilter } from 'mongodb';
import type { Types } from 'mongoose';
import { batched, BOOKKEEPING_WINDOW_MS, failAll, groupCommit } from './batching.js';
import type { InstanceDoc, Models } from './models.js';
import { isDuplicateKeyError, objectIdForKey, toObjectId, writeErrorsOf } from './object-ids.js';

/** Instances as one MongoDB document each, saved with a version check and the audit trail appended. */
export class MongoInstanceStore implements InstanceStore {
  /** Instances read in the same tick come in one query. */
  private readonly load = batched<string, InstanceDoc | undefined>(async (ids) => {
    const unique = [...new Set(ids)];
    const docs = await this.models.Instance.find({ _id: { $in: unique } }).lean<InstanceDoc[]>();
    const byId = new Map(docs.map((doc) => [String(doc._id), doc]));
    const given = new Set<string>();
    // Each caller gets a document of its own (the engine works on what it is given).
    return ids.map((id) => {
      const doc = byId.get(id);
      if (!doc) return undefined;
      if (given.has(id)) return structuredClone(doc);
      given.add(id);
      return doc;
    });
  });

  /**
   * Queued prompts leave their instances' pending lists together, a window's worth in one bulk
   * write. Lost in a crash, they are queued again at the next start, which the outbox ignores
   * (its entries are keyed by the prompt's id and kept once sent).
   */
  private readonly unqueue = groupCommit<{ _id: Types.ObjectId; promptIds: string[] }>(async (keys) => {
    try {
      await this.models.Instance.bulkWrite(
        keys.map(({ _id, promptIds }) => ({
          updateOne: {
            filter: { _id },
            update: {
              $pull: { pending: { $or: promptIds.map((id) => ({ id })) } },
            },
          },
        })),
        { ordered: false },
      );
      return keys.map(() => undefined);
    } catch (error) {
      return failAll(keys, error);
    }
  }, BOOKKEEPING_WINDOW_MS);

  /**
   * Saves made in the same turn go as one unordered bulk write. Each is an upsert on
   * `{ _id, version }`: when the version moved on, the upsert's insert collides with the existing
   * `_id`, and that statement's duplicate-key error says exactly which save lost the race (a plain
   * bulk update only counts the matches). Instances are never deleted, so the upsert never inserts.
   */
  private readonly write = batched<SaveRequest, void>(async (saves) => {
    try {
      await this.models.Instance.collection.bulkWrite(
        saves.map(({ instance, expectedVersion, events, prompts }): AnyBulkWriteOperation => {
          const { _id, ...fields } = indexedFields(instance);
          // Unset optional fields are left out, as mongoose leaves them out (the driver would write null).
          const $set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
          const $push = { events: { $each: events }, pending: { $each: prompts } };
          return {
            updateOne: {
              filter: { _id, version: expectedVersion },
              // The driver types `$push` only for a typed schema; the instance document is untyped here.
              update: { $set, $push } as unknown as UpdateFilter<Document>,
              upsert: true,
            },
          };
        }),
        { ordered: false },
      );
      return saves.map(() => undefined);
    } catch (error) {
      const failed = new Map(writeErrorsOf(error).map((e) => [e.index, e]));
      if (failed.size === 0) return failAll(saves, error);
      return saves.map(({ instance, expectedVersion }, i) => {
        const writeError = failed.get(i);
        if (!writeError) return undefined;
        if (isDuplicateKeyError(writeError)) return new VersionConflictError(instance.id, expectedVersion);
        return new Error(`saving instance ${instance.id} failed: ${String(writeError.errmsg)}`, {
          cause: error,
        });
      });
    }
  });

  constructor(private readonly models: Models) {}

  idForKey(idempotencyKey: string): string {
    return objectIdForKey(idempotencyKey).toHexString();
  }

  async create(instance: Instance, prompts: Prompt[]): Promise<void> {
    try {
      await this.models.Instance.create({
        ...indexedFields(instance),
        events: instance.events,
        pending: prompts,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new DuplicateInstanceError(instance.id);
      throw error;
    }
  }

  async get(id: string): Promise<Instance | undefined> {
    const _id = toObjectId(id);
    if (!_id) return undefined;
    const doc = await this.load(_id.toHexString());
    return doc ? fromDoc(doc) : undefined;
  }

  async save(
    instance: Instance,
    expectedVersion: number,
    events: AuditEvent[],
    prompts: Prompt[],
  ): Promise<void> {
    await this.write({ instance, expectedVersion, events, prompts });
  }

  async pendingPrompts(limit: number): Promise<Prompt[]> {
    await this.unqueue.settled();
    const docs = await this.models.Instance.find({ 'pending.0': { $exists: true } }, { pending: 1 })
      .limit(limit)
      .lean<Array<Pick<InstanceDoc, 'pending'>>>();
    return docs.flatMap((d) => d.pending as unknown as Prompt[]).slice(0, limit);
  }

  /**
   * Drops queued prompts from the instance's pending list in one atomic update. The version is
   * left alone: a save in between only appends to the list, which this does not overwrite. The
   * condition is a query on each element (`$or`, which the embedded server matches as MongoDB does;
   * it compares `{ id: { $in } }` literally).
   */
  async markPromptsQueued(instanceId: string, promptIds: string[]): Promise<void> {
    const _id = toObjectId(instanceId);
    if (!_id || promptIds.length === 0) return;
    await this.unqueue({ _id, promptIds });
  }

  /** Waits for the pending lists' updates handed in so far. */
  settled(): Promise<void> {
    return this.unqueue.settled();
  }

  async findByAgendaNumber(agendaNumber: string): Promise<Instance | undefined> {
    const doc = await this.models.Instance.findOne({
      $or: [{ agendaIncoming: agendaNumber }, { agendaOutgoing: agendaNumber }],
    }).lean<InstanceDoc>();
    return doc ? fromDoc(doc) : undefined;
  }

  async openTasksFor(personId: string): Promise<OpenTask[]> {
    const docs = await this.models.Instance.find({ status: 'active', openAssignees: personId }).lean<
      InstanceDoc[]
    >();
    return docs.flatMap((doc) => {
      const instance = fromDoc(doc);
      return instance.runs
        .filter((r) => !r.endedAt && r.assigneeId === personId)
        .map((r) => ({ instance, runId: r.runId }));
    });
  }

  async listActive(limit: number): Promise<Instance[]> {
    const docs = await this.models.Instance.find({ status: 'active' }).limit(limit).lean<InstanceDoc[]>();
    return docs.map(fromDoc);
  }

  async listForUnit(unitId: string, limit: number): Promise<Instance[]> {
    const docs = await this.models.Instance.find({
      $or: [{ requesterUnitId: unitId }, { handlingUnitId: unitId }],
    })
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean<InstanceDoc[]>();
    return docs.map(fromDoc);
  }
}

interface SaveRequest {
  instance: Instance;
  expectedVersion: number;
  events: AuditEvent[];
  prompts: Prompt[];
}

function indexedFields(instance: Instance) {
  const { events: _events, ...state } = instance;
  const _id = toObjectId(instance.id);
  if (!_id) throw new Error(`instance id ${instance.id} is not a 24-hex id`);
  return {
    _id,
    version: instance.version,
    status: instance.status,
    flowId: instance.flowId,
    subject: instance.subject,
    requesterUnitId: instance.requesterUnitId,
    handlingUnitId: instance.handlingUnitId,
    agendaIncoming: instance.agendaNumbers.incoming,
    agendaOutgoing: instance.agendaNumbers.outgoing,
    openAssignees: [
      ...new Set(instance.runs.filter((r) => !r.endedAt && r.assigneeId).map((r) => r.assigneeId as string)),
    ],
    state,
    createdAt: new Date(instance.createdAt),
    updatedAt: new Date(instance.updatedAt),
  };
}

function fromDoc(doc: InstanceDoc): Instance {
  return { ...(doc.state as unknown as Omit<Instance, 'events'>), events: doc.events as AuditEvent[] };
}
