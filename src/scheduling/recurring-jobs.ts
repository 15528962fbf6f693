import type { Agenda } from 'agenda';
import { isDuplicateKeyError } from '../storage/object-ids.js';
import { keyedJobId } from './job-documents.js';

export interface RecurringJob {
  name: string;
  /** Milliseconds, or a cron expression (in `timezone`). */
  interval: number | string;
  timezone: string | undefined;
  skipImmediate: boolean;
}

/**
 * Recurring jobs, one document per job name across all processes. Agenda's own `every` upserts
 * the job on each call and writes its schedule and lock fields afresh, so every restart of any
 * process would move a weekly job a week later (or clear the lock of the run in progress). Here
 * the job has an id derived from its name and is inserted only if missing: its schedule and its
 * lock survive restarts, and Agenda's lock runs each occurrence once. Another job of the same
 * name (an older `every`, another interval or time zone) is removed first.
 */
export class RecurringJobs {
  private readonly jobs = new Map<string, RecurringJob>();

  constructor(private readonly agenda: Agenda) {}

  add(job: RecurringJob): void {
    this.jobs.set(job.name, job);
  }

  async saveAll(): Promise<void> {
    for (const name of this.jobs.keys()) await this.save(name);
  }

  async save(name: string): Promise<void> {
    const wanted = this.jobs.get(name);
    if (!wanted) return;
    const id = keyedJobId(`every:${name}`).toHexString();
    const { jobs } = await this.agenda.queryJobs({ name });
    const stale = jobs.filter(
      (j) =>
        String(j._id) !== id ||
        j.repeatInterval !== wanted.interval ||
        (j.repeatTimezone ?? undefined) !== wanted.timezone,
    );
    if (stale.length > 0) await this.agenda.cancel({ ids: stale.map((j) => String(j._id)) });
    if (stale.length < jobs.length) return;
    const job = this.agenda
      .create(name, {})
      .repeatEvery(wanted.interval, {
        skipImmediate: wanted.skipImmediate,
        ...(wanted.timezone ? { timezone: wanted.timezone } : {}),
      })
      .unique({ _id: keyedJobId(`every:${name}`) }, { insertOnly: true });
    try {
      await job.save();
    } catch (error) {
      // Another process inserted it at the same moment: it exists, which is all that is wanted.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
