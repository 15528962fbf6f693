import { createHash } from 'node:crypto';
import { toJobId, type JobParameters } from 'agenda';
import { ObjectId, type Document } from 'mongodb';

/** The collection Agenda's MongoDB backend keeps its jobs in (its default, which Pandu keeps). */
export const JOBS_COLLECTION = 'agendaJobs';

/**
 * The field a batch lock writes its claim into: the token of the one lock call that stamped the
 * job, so that call (and only it) reads back the jobs it locked. Agenda never reads it.
 */
export const LOCK_CLAIM_FIELD = 'lockClaim';

/**
 * A job's `_id` derived from its key (`timer:…`, `digest:…`): every process names the same job
 * the same way, so inserting it twice leaves one job and cancelling needs no look-up. Keys are
 * namespaced by the feature that makes them.
 */
export function keyedJobId(key: string): ObjectId {
  return new ObjectId(createHash('sha256').update(`pandu-job:${key}`).digest('hex').slice(0, 24));
}

/** A stored job as Agenda's MongoDB backend hands it to Agenda (its computeJobObj, 4.0.3). */
export function toJobParameters(doc: Document): JobParameters {
  const field = <T>(name: string): T | undefined => (doc[name] ?? undefined) as T | undefined;
  return {
    _id: toJobId(String(doc['_id'])),
    name: doc['name'] as string,
    priority: doc['priority'] as number,
    nextRunAt: doc['nextRunAt'] as Date | null,
    type: doc['type'] as 'normal' | 'single',
    data: doc['data'] as unknown,
    lockedAt: field('lockedAt'),
    lastFinishedAt: field('lastFinishedAt'),
    failedAt: field('failedAt'),
    failCount: field('failCount'),
    failReason: field('failReason'),
    repeatTimezone: field('repeatTimezone'),
    lastRunAt: field('lastRunAt'),
    repeatInterval: field('repeatInterval'),
    repeatAt: field('repeatAt'),
    disabled: field('disabled'),
    progress: field('progress'),
    unique: field('unique'),
    uniqueOpts: field('uniqueOpts'),
    lastModifiedBy: field('lastModifiedBy'),
    fork: field('fork'),
    debounceStartedAt: field('debounceStartedAt'),
    startDate: field('startDate'),
    endDate: field('endDate'),
    skipDays: field('skipDays'),
  };
}

/**
 * The document Agenda's MongoDB backend (4.0.3) inserts for a new job in `saveJob`: the job's
 * own fields, every optional field it knows as null, and who wrote it, under the given `_id`.
 * test/integration/scheduler.test.ts compares the two.
 */
export function newJobDocument(
  job: JobParameters,
  id: ObjectId,
  lastModifiedBy: string | undefined,
): Document {
  // Like Agenda's: the id and the unique constraint are not stored as fields.
  const { _id: _ignoredId, unique: _unique, uniqueOpts: _uniqueOpts, ...props } = job;
  return {
    _id: id,
    ...props,
    lockedAt: props.lockedAt ?? null,
    lastFinishedAt: props.lastFinishedAt ?? null,
    failedAt: props.failedAt ?? null,
    failCount: props.failCount ?? null,
    failReason: props.failReason ?? null,
    repeatTimezone: props.repeatTimezone ?? null,
    lastRunAt: props.lastRunAt ?? null,
    repeatInterval: props.repeatInterval ?? null,
    repeatAt: props.repeatAt ?? null,
    disabled: props.disabled ?? null,
    progress: props.progress ?? null,
    debounceStartedAt: props.debounceStartedAt ?? null,
    fork: props.fork ?? null,
    startDate: props.startDate ?? null,
    endDate: props.endDate ?? null,
    skipDays: props.skipDays ?? null,
    lastModifiedBy: lastModifiedBy ?? null,
  };
}
