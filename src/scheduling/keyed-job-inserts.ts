import type { JobParameters } from 'agenda';
import type { Collection, ObjectId } from 'mongodb';
import { batched, failAll } from '../storage/batching.js';
import { onlyDuplicateKeys, writeErrorsOf } from '../storage/object-ids.js';
import { newJobDocument } from './job-documents.js';

/** A new job under an `_id` of its own choosing (keyedJobId), to insert unless it exists. */
export interface KeyedNewJob {
  id: ObjectId;
  job: JobParameters;
}

interface InsertCall {
  jobs: readonly KeyedNewJob[];
  lastModifiedBy: string | undefined;
}

/**
 * Inserts keyed jobs that do not exist yet; one that exists (a duplicate `_id`, refused by every
 * MongoDB, the embedded one included) keeps its schedule and lock. The calls made in the same
 * turn of the event loop go as one unordered insert; each caller learns how many of its own were
 * new.
 */
export class KeyedJobInserts {
  private readonly insert = batched<InsertCall, number>(async (calls) => {
    const docs = calls.flatMap((call) =>
      call.jobs.map((k) => newJobDocument(k.job, k.id, call.lastModifiedBy)),
    );
    const refused = new Set<number>();
    try {
      await this.jobs().insertMany(docs, { ordered: false });
    } catch (error) {
      if (!onlyDuplicateKeys(error)) return failAll(calls, error);
      for (const e of writeErrorsOf(error)) refused.add(e.index);
    }
    let offset = 0;
    return calls.map((call) => {
      let inserted = 0;
      for (let i = 0; i < call.jobs.length; i++) if (!refused.has(offset + i)) inserted++;
      offset += call.jobs.length;
      return inserted;
    });
  });

  constructor(private readonly jobs: () => Collection) {}

  insertMissing(jobs: readonly KeyedNewJob[], lastModifiedBy: string | undefined): Promise<number> {
    return jobs.length === 0 ? Promise.resolve(0) : this.insert({ jobs, lastModifiedBy });
  }
}
