import type { Agenda } from 'agenda';
import type { Collection, Db, Document, ObjectId } from 'mongodb';
import { batched, failAll } from '../../storage/batching.js';
import { isDuplicateKeyError, onlyDuplicateKeys, writeErrorsOf } from '../../storage/object-ids.js';
import { allTimerIds, jobNameOf, timerJobId, type TimerSpec } from './timer-jobs.js';

export const JOBS_COLLECTION = 'agendaJobs';

/**
 * Writes step timers into Agenda's job collection. Every job's `_id` comes from its key, so:
 * `replace` (Agenda's `unique` upsert on that `_id`) moves a timer, `ensure` inserts the missing
 * ones in one round trip and leaves existing ones alone (a duplicate `_id` is refused by every
 * MongoDB, the embedded one included), and `cancelRun` removes a run's timers by their ids.
 */
export class TimerJobStore {
  private readonly jobs: Collection;

  constructor(
    private readonly agenda: Agenda,
    db: Db,
    private readonly owner: string,
  ) {
    this.jobs = db.collection(JOBS_COLLECTION);
  }

  /** Creates or moves each timer (a resumed clock moved its due time). */
  async replace(specs: readonly TimerSpec[]): Promise<void> {
    for (const spec of specs) {
      const job = this.agenda
        .create(jobNameOf(spec.data.kind), { ...spec.data })
        .unique({ _id: timerJobId(spec.data) })
        .schedule(spec.at);
      try {
        await job.save();
      } catch (error) {
        // Two upserts of one new key at once: the loser finds the winner's job on its retry.
        if (!isDuplicateKeyError(error)) throw error;
        await job.save();
      }
    }
  }

  /** Creates the timers that do not exist yet; existing ones keep their schedule and locks. */
  async ensure(specs: readonly TimerSpec[]): Promise<number> {
    return specs.length === 0 ? 0 : this.insert(specs);
  }

  /**
   * The timers ensured in the same tick go in one unordered insert; a timer that exists already
   * (a duplicate `_id`) is left alone. Each caller learns how many of its own were new.
   */
  private readonly insert = batched<readonly TimerSpec[], number>(async (batches) => {
    const docs = batches.flat().map((spec) => this.document(spec));
    const refused = new Set<number>();
    try {
      await this.jobs.insertMany(docs, { ordered: false });
    } catch (error) {
      if (!onlyDuplicateKeys(error)) return failAll(batches, error);
      for (const e of writeErrorsOf(error)) refused.add(e.index);
    }
    let offset = 0;
    return batches.map((specs) => {
      let inserted = 0;
      for (let i = 0; i < specs.length; i++) if (!refused.has(offset + i)) inserted++;
      offset += specs.length;
      return inserted;
    });
  });

  /** Removes every timer of these runs (ended, reassigned, or clock stopped). */
  async cancelRuns(
    runs: ReadonlyArray<{ instanceId: string; runId: string }>,
    keep: readonly TimerSpec[] = [],
  ): Promise<number> {
    const kept = new Set(keep.map((spec) => timerJobId(spec.data).toHexString()));
    const ids = runs
      .flatMap((r) => allTimerIds(r.instanceId, r.runId))
      .filter((id) => !kept.has(id.toHexString()));
    if (ids.length === 0) return 0;
    const result = await this.jobs.deleteMany({ _id: { $in: ids } });
    return result.deletedCount;
  }

  /**
   * Releases the locks this process holds on jobs it has not started (locked ahead of their due
   * time) when it stops. A started job has no next run: its lock must expire for another process
   * to take it over, so it is left alone.
   */
  async releaseLocks(): Promise<number> {
    const result = await this.jobs.updateMany(
      { lastModifiedBy: this.owner, lockedAt: { $ne: null }, nextRunAt: { $ne: null } },
      { $set: { lockedAt: null } },
    );
    return result.modifiedCount;
  }

  async find(filter: Document = {}): Promise<Document[]> {
    return this.jobs.find(filter).toArray();
  }

  /** The document Agenda's MongoDB backend writes for a new one-off job. */
  private document(spec: TimerSpec): Document & { _id: ObjectId } {
    const name = jobNameOf(spec.data.kind);
    return {
      _id: timerJobId(spec.data),
      name,
      data: { ...spec.data },
      type: 'normal',
      priority: this.agenda.definitions[name]?.priority ?? 0,
      nextRunAt: spec.at,
      lockedAt: null,
      lastFinishedAt: null,
      failedAt: null,
      failCount: null,
      failReason: null,
      repeatTimezone: null,
      lastRunAt: null,
      repeatInterval: null,
      repeatAt: null,
      disabled: null,
      progress: null,
      debounceStartedAt: null,
      fork: null,
      startDate: null,
      endDate: null,
      skipDays: null,
      lastModifiedBy: this.owner,
    };
  }
}
