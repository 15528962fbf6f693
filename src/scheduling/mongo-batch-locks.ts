import type { JobParameters, SortDirection } from 'agenda';
import { ObjectId, type Collection, type Document, type Sort } from 'mongodb';
import type { BatchLockStore, HeldJob, LockRequest } from './batch-locker.js';
import { LOCK_CLAIM_FIELD, toJobParameters } from './job-documents.js';

/** Agenda's MongoDB backend's default order of due jobs. */
export const DEFAULT_JOB_SORT: Record<string, SortDirection> = { nextRunAt: 'asc', priority: 'desc' };

/**
 * Batch locks in MongoDB, with the same conditions as Agenda's own `getNextJobToRun` (due and
 * free, or locked before the lock deadline; not disabled): find a batch, stamp those still free
 * with the lock time, the owner and this call's claim, read back what the claim got. All three
 * queries after the first are by `_id`, which every MongoDB (and the embedded server) looks up by
 * key, so a batch costs one scan of the collection however large it is. The stamp is conditional
 * like Agenda's lock, so processes locking one by one and in batches mix safely.
 */
export class MongoBatchLocks implements BatchLockStore {
  private readonly sort: Sort;

  constructor(
    private readonly jobs: () => Collection,
    sort: Record<string, SortDirection> = DEFAULT_JOB_SORT,
  ) {
    this.sort = Object.fromEntries(Object.entries(sort).map(([key, dir]) => [key, dir === 'asc' ? 1 : -1]));
  }

  async lock(request: LockRequest, limit: number, claim: string): Promise<JobParameters[]> {
    const jobs = this.jobs();
    const free: Document = {
      name: request.jobName,
      disabled: { $ne: true },
      $or: [
        { lockedAt: { $eq: null }, nextRunAt: { $lte: request.nextScanAt } },
        { lockedAt: { $lte: request.lockDeadline } },
      ],
    };
    const candidates = await jobs
      .find(free, { projection: { _id: 1 } })
      .sort(this.sort)
      .limit(limit)
      .toArray();
    if (candidates.length === 0) return [];
    const ids = candidates.map((c) => c._id);
    await jobs.updateMany(
      { ...free, _id: { $in: ids } },
      {
        $set: {
          lockedAt: request.now ?? new Date(),
          lastModifiedBy: request.owner ?? null,
          [LOCK_CLAIM_FIELD]: claim,
        },
      },
    );
    const mine = await jobs
      .find({ _id: { $in: ids }, [LOCK_CLAIM_FIELD]: claim })
      .sort(this.sort)
      .toArray();
    return mine.map(toJobParameters);
  }

  async release(held: readonly HeldJob[]): Promise<void> {
    const claims = [...new Set(held.map((h) => h.claim))];
    const times = [...new Set(held.map((h) => h.job.lockedAt?.getTime()))].map((t) => new Date(t ?? 0));
    const ids = held.map((h) => new ObjectId(String(h.job._id)));
    // Still ours: the claim and the lock time both as this process stamped them.
    await this.jobs().updateMany(
      { _id: { $in: ids }, [LOCK_CLAIM_FIELD]: { $in: claims }, lockedAt: { $in: times } },
      { $set: { lockedAt: null } },
    );
  }
}
