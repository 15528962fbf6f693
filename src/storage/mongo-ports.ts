import { randomUUID } from 'node:crypto';
import type { Prompt } from '../core/engine/types.js';
import type { Outbox, OutboxEntry, OutboxStatus } from '../core/ports.js';
import type { DeliveryLog, InviteStore, RedeemResult } from '../chat/ports.js';
import { batched, BOOKKEEPING_WINDOW_MS, failAll, groupCommit } from './batching.js';
import type { Models, OutboxDoc } from './models.js';
import { objectIdForKey, onlyDuplicateKeys, writeErrorsOf } from './object-ids.js';

/** MongoDB implementations of the core's smaller ports. Each operation is atomic on one document. */

/** An outbox entry's `_id` comes from its prompt's id: looked up by key, queued at most once. */
function outboxKey(promptId: string) {
  return { _id: objectIdForKey(`outbox:${promptId}`) };
}

export class MongoOutbox implements Outbox {
  constructor(private readonly models: Models) {}

  /** The prompts queued in the same tick go in one insert. */
  private readonly insert = batched<Prompt[], void>(async (batches) => {
    const now = new Date();
    const docs = batches.flat().map((prompt, seq) => ({
      ...outboxKey(prompt.id),
      promptId: prompt.id,
      prompt: prompt as unknown as Record<string, unknown>,
      status: 'pending' as const,
      attempts: 0,
      notBefore: new Date(0),
      leasedUntil: new Date(0),
      createdAt: now,
      seq,
    }));
    try {
      await this.models.Outbox.insertMany(docs, { ordered: false, lean: true });
    } catch (error) {
      if (!onlyDuplicateKeys(error)) return failAll(batches, error);
    }
    return batches.map(() => undefined);
  });

  /** A prompt already queued (a retry after a crash) is left as it is. */
  async enqueue(prompts: Prompt[]): Promise<void> {
    if (prompts.length > 0) await this.insert(prompts);
  }

  /**
   * Leases up to `limit` due entries, oldest first, in three commands however many: one query
   * finds the candidates, one update claims those still due under a token of this lease, one read
   * by `_id` gets back what that token claimed. An entry another process claimed in between has
   * that process's token: it is skipped, never handed out twice.
   */
  async lease(limit: number, leaseMs: number, now: Date): Promise<OutboxEntry[]> {
    const due = { status: 'pending' as const, notBefore: { $lte: now }, leasedUntil: { $lte: now } };
    const candidates = await this.models.Outbox.find(due, { _id: 1 })
      .sort({ createdAt: 1, seq: 1, _id: 1 })
      .limit(limit)
      .lean<Array<{ _id: OutboxDoc['_id'] }>>();
    if (candidates.length === 0) return [];
    const ids = candidates.map(({ _id }) => _id);
    const leaseToken = randomUUID();
    await this.models.Outbox.updateMany(
      { _id: { $in: ids }, ...due },
      { $set: { leasedUntil: new Date(now.getTime() + leaseMs), leaseToken }, $inc: { attempts: 1 } },
    );
    const docs = await this.models.Outbox.find({ _id: { $in: ids }, leaseToken }).lean<OutboxDoc[]>();
    const byId = new Map(docs.map((doc) => [String(doc._id), doc]));
    const claimed = ids.map((id) => byId.get(String(id)));
    return claimed.flatMap((doc) =>
      doc
        ? [
            {
              prompt: doc.prompt as unknown as Prompt,
              status: doc.status,
              attempts: doc.attempts,
              notBefore: doc.notBefore.toISOString(),
              ...(doc.lastError ? { lastError: doc.lastError } : {}),
            },
          ]
        : [],
    );
  }

  /** The entries sent in the same tick are marked in one update. */
  private readonly sent = batched<string, void>(async (promptIds) => {
    const ids = promptIds.map((id) => outboxKey(id)._id);
    await this.models.Outbox.updateMany({ _id: { $in: ids } }, { $set: { status: 'sent' } });
    return promptIds.map(() => undefined);
  });

  /** The entries held back in the same tick are rescheduled in one bulk write. */
  private readonly later = batched<{ promptId: string; notBefore: Date; error: string }, void>(
    async (entries) => {
      await this.models.Outbox.bulkWrite(
        entries.map(({ promptId, notBefore, error }) => ({
          updateOne: {
            filter: outboxKey(promptId),
            update: { $set: { notBefore, leasedUntil: new Date(0), lastError: error } },
          },
        })),
        { ordered: false },
      );
      return entries.map(() => undefined);
    },
  );

  markSent(promptId: string): Promise<void> {
    return this.sent(promptId);
  }

  retryLater(promptId: string, notBefore: Date, error: string): Promise<void> {
    return this.later({ promptId, notBefore, error });
  }

  async markFailed(promptId: string, error: string): Promise<void> {
    await this.models.Outbox.updateOne(outboxKey(promptId), {
      $set: { status: 'failed', lastError: error, failedAt: new Date() },
    });
  }

  async counts(): Promise<Record<OutboxStatus, number>> {
    const [pending, sent, failed] = await Promise.all(
      (['pending', 'sent', 'failed'] as const).map((status) => this.models.Outbox.countDocuments({ status })),
    );
    return { pending: pending ?? 0, sent: sent ?? 0, failed: failed ?? 0 };
  }
}

export class MongoInviteStore implements InviteStore {
  constructor(private readonly models: Models) {}

  async issue(personId: string, code: string, expiresAt: Date): Promise<void> {
    await this.models.Invite.create({
      _id: objectIdForKey(`invite:${code}`),
      code,
      personId,
      expiresAt,
      usedAt: null,
    });
  }

  async redeem(code: string, now: Date): Promise<RedeemResult> {
    const _id = objectIdForKey(`invite:${code}`);
    const won = await this.models.Invite.findOneAndUpdate(
      { _id, usedAt: null, expiresAt: { $gt: now } },
      { $set: { usedAt: now } },
      { returnDocument: 'after' },
    ).lean();
    if (won) return { ok: true, personId: won.personId };
    const invite = await this.models.Invite.findById(_id).lean();
    if (!invite) return { ok: false, reason: 'unknown' };
    return { ok: false, reason: invite.usedAt ? 'used' : 'expired' };
  }
}

export class MongoDeliveryLog implements DeliveryLog {
  constructor(private readonly models: Models) {}

  /**
   * The keys recorded in the same tick go in one unordered insert; a key that exists (or came
   * twice in the batch) is refused by its duplicate `_id`, and only its caller learns "not first".
   */
  private readonly record = batched<string, boolean>(async (keys) => {
    const at = new Date();
    const refused = new Set<number>();
    try {
      await this.models.Delivery.insertMany(
        keys.map((key) => ({ _id: deliveryId(key), key, at })),
        { ordered: false, lean: true },
      );
    } catch (error) {
      if (!onlyDuplicateKeys(error)) return failAll(keys, error);
      const indexes = writeErrorsOf(error).map((e) => e.index);
      // A lone insert's duplicate-key error may come without its index.
      for (const index of indexes.length > 0 ? indexes : [0]) refused.add(index);
    }
    return keys.map((_, i) => !refused.has(i));
  });

  /** The keys looked up in the same tick come in one query. */
  private readonly lookUp = batched<string, boolean>(async (keys) => {
    const ids = [...new Set(keys)].map(deliveryId);
    const found = await this.models.Delivery.find({ _id: { $in: ids } }, { _id: 1 }).lean();
    const known = new Set(found.map((doc) => String(doc._id)));
    return keys.map((key) => known.has(String(deliveryId(key))));
  });

  /**
   * Keys of updates handled, a window's worth in one unordered insert (a key already there is
   * fine). A crash before the write loses only the record of updates whose answer the platform
   * had not yet had, which it then sends again: handled twice, they apply once.
   */
  private readonly remember = groupCommit<string>(async (keys) => {
    const at = new Date();
    try {
      await this.models.Delivery.insertMany(
        [...new Set(keys)].map((key) => ({ _id: deliveryId(key), key, at })),
        { ordered: false, lean: true },
      );
    } catch (error) {
      if (!onlyDuplicateKeys(error)) return failAll(keys, error);
    }
    return keys.map(() => undefined);
  }, BOOKKEEPING_WINDOW_MS);

  firstTime(key: string): Promise<boolean> {
    return this.record(key);
  }

  async seen(key: string): Promise<boolean> {
    if (this.remember.waiting().includes(key)) return true;
    return this.lookUp(key);
  }

  handled(key: string): Promise<void> {
    return this.remember(key);
  }

  /** Waits for the keys handed to `handled` so far. */
  settled(): Promise<void> {
    return this.remember.settled();
  }
}

const deliveryId = (key: string) => objectIdForKey(`delivery:${key}`);
