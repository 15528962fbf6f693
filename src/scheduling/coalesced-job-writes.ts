import type { JobParameters, JobRepositoryOptions, RemoveJobsOptions } from 'agenda';
import { ObjectId, type Collection } from 'mongodb';
import { batched, failAll } from '../storage/batching.js';

interface StateWrite {
  _id: ObjectId;
  name: string;
  $set: Record<string, unknown>;
}

/**
 * Agenda writes each job's state twice per run (started, finished) and removes a finished
 * one-off job: three round trips per job. These do the same writes, but those made in the same
 * tick (a batch of due jobs runs together) go to the database as one bulk write each.
 *
 * `saveJobState` sets exactly the fields Agenda's MongoDB backend (4.0.3) sets and fails, as it
 * does, for a job that no longer exists (cancelled while it ran);
 * test/integration/coalesced-job-writes.test.ts compares the two on the same job.
 */
export class CoalescedJobWrites {
  private readonly writeState = batched<StateWrite, void>(async (writes) => {
    try {
      const result = await this.jobs().bulkWrite(
        writes.map(({ _id, name, $set }) => ({ updateOne: { filter: { _id, name }, update: { $set } } })),
        { ordered: false },
      );
      if (result.matchedCount === writes.length) return writes.map(() => undefined);
      const existing = await this.existing(writes.map((w) => w._id));
      return writes.map((w) =>
        existing.get(w._id.toHexString()) === w.name
          ? undefined
          : new Error(
              `job ${w._id.toHexString()} (name: ${w.name}) cannot be updated in the database, maybe it does not exist anymore?`,
            ),
      );
    } catch (error) {
      return failAll(writes, error);
    }
  });

  private readonly remove = batched<ObjectId, number>(async (ids) => {
    try {
      const existing = await this.existing(ids);
      await this.jobs().deleteMany({ _id: { $in: [...ids] } });
      const counted = new Set<string>();
      return ids.map((id) => {
        const hex = id.toHexString();
        if (!existing.has(hex) || counted.has(hex)) return 0;
        counted.add(hex);
        return 1;
      });
    } catch (error) {
      return failAll(ids, error);
    }
  });

  /** Removals whose callers need no count (keyed timers cancelled): one delete per tick, no read first. */
  private readonly discard = batched<ObjectId, void>(async (ids) => {
    try {
      await this.jobs().deleteMany({ _id: { $in: [...ids] } });
      return ids.map(() => undefined);
    } catch (error) {
      return failAll(ids, error);
    }
  });

  /** `jobs`: the job collection (known once the backend is connected). */
  constructor(private readonly jobs: () => Collection) {}

  saveJobState(job: JobParameters, options: JobRepositoryOptions | undefined): Promise<void> {
    if (!job._id) return Promise.reject(new Error('Cannot save job state without job ID'));
    const date = (value: Date | string | null | undefined) => (value ? new Date(value) : null);
    return this.writeState({
      _id: new ObjectId(job._id.toString()),
      name: job.name,
      $set: {
        lockedAt: date(job.lockedAt),
        nextRunAt: date(job.nextRunAt),
        lastRunAt: date(job.lastRunAt),
        progress: job.progress ?? null,
        failReason: job.failReason ?? null,
        failCount: job.failCount ?? null,
        failedAt: date(job.failedAt),
        lastFinishedAt: date(job.lastFinishedAt),
        lastModifiedBy: options?.lastModifiedBy ?? null,
      },
    });
  }

  /** Removing one job by its id (a finished one-off job) is coalesced; anything else is not. */
  coalesces(options: RemoveJobsOptions): boolean {
    const keys = Object.keys(options).filter((k) => options[k as keyof RemoveJobsOptions] !== undefined);
    return keys.length === 1 && keys[0] === 'id' && ObjectId.isValid(String(options.id));
  }

  removeJob(id: string): Promise<number> {
    return this.remove(new ObjectId(id));
  }

  /** Removes these jobs (whichever exist), together with the removals of the same tick. */
  async discardJobs(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.filter((id) => ObjectId.isValid(id)).map((id) => this.discard(new ObjectId(id))));
  }

  private async existing(ids: readonly ObjectId[]): Promise<Map<string, string>> {
    const docs = await this.jobs()
      .find({ _id: { $in: [...ids] } }, { projection: { name: 1 } })
      .toArray();
    return new Map(docs.map((d) => [d._id.toHexString(), String(d['name'])]));
  }
}
