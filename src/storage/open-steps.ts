import type { OpenStepCount } from '../metrics/metrics.js';
import type { Models } from './models.js';

interface RunFields {
  stepId?: string;
  endedAt?: string;
  dueAt?: string | null;
  pausedAt?: string;
}

/**
 * Open steps of the active instances by flow and step, and those past their due time (a paused
 * step, during a declared disruption, is not counted as overdue). Reads only the runs.
 */
export async function countOpenSteps(models: Models, now: Date): Promise<OpenStepCount[]> {
  const docs = await models.Instance.find({ status: 'active' }, { flowId: 1, 'state.runs': 1 }).lean<
    { flowId?: string; state?: { runs?: RunFields[] } }[]
  >();
  const counts = new Map<string, OpenStepCount>();
  const nowIso = now.toISOString();
  for (const doc of docs) {
    for (const run of doc.state?.runs ?? []) {
      if (run.endedAt || !run.stepId) continue;
      const flowId = doc.flowId ?? '';
      const key = `${flowId}\u0000${run.stepId}`;
      const count = counts.get(key) ?? { flowId, stepId: run.stepId, open: 0, overdue: 0 };
      count.open += 1;
      if (run.dueAt && !run.pausedAt && run.dueAt < nowIso) count.overdue += 1;
      counts.set(key, count);
    }
  }
  return [...counts.values()];
}
