import type { SavedChange } from '../../core/service/sop-service.js';
import type { MongoInstancesSource } from './mongo-instances-source.js';
import type { MongoReportFacts } from './report-facts-store.js';

/** Instances read and written per round while catching up. */
const RECONCILE_CHUNK = 200;

/**
 * A saved-change listener (`service.onSaved`) that keeps the report facts of an instance in step
 * whenever a change ends a run (only then does a finished attempt appear or change).
 */
export function reportFactsListener(facts: Pick<MongoReportFacts, 'save'>) {
  return async (change: Pick<SavedChange, 'instance' | 'endedRuns'>): Promise<void> => {
    if (change.endedRuns.length === 0) return;
    await facts.save(change.instance, change.instance.version);
  };
}

/**
 * Brings the report facts in step with the instances: every instance whose facts are missing or
 * were read from an older version is read again (its runs and clock events only) and its facts
 * stored. Returns how many were written. Safe to run in several processes at once.
 */
export async function reconcileReportFacts(
  facts: Pick<MongoReportFacts, 'saveNow' | 'versions'>,
  instances: Pick<MongoInstancesSource, 'versions' | 'instancesByIds'>,
): Promise<number> {
  const [current, stored] = await Promise.all([instances.versions(), facts.versions()]);
  const behind = [...current].filter(([id, version]) => (stored.get(id) ?? -1) < version).map(([id]) => id);
  let written = 0;
  for (let i = 0; i < behind.length; i += RECONCILE_CHUNK) {
    const chunk = await instances.instancesByIds(behind.slice(i, i + RECONCILE_CHUNK));
    await facts.saveNow(chunk);
    written += chunk.length;
  }
  return written;
}
