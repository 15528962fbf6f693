import type { EngineContext } from '../../core/engine/engine-context.js';
import type { SopService } from '../../core/service/sop-service.js';
import type { TimerJobStore } from './timer-job-store.js';
import type { TimerSpec } from './timer-jobs.js';
import { planTimers, type TimerPolicy } from './timer-plan.js';

const CHUNK = 1000;

/**
 * Makes sure every open timed run of every active instance has the timers its state calls for.
 * Run at start (a process that crashed between saving a change and setting its timers loses
 * nothing) and periodically. Only missing jobs are created: existing ones keep their schedule
 * and locks, and jobs already due simply run when Agenda polls.
 */
export async function reconcileTimers(deps: {
  service: SopService;
  store: TimerJobStore;
  policy: TimerPolicy;
  limit: number;
}): Promise<{ instances: number; timers: number; created: number }> {
  const active = await deps.service.listActive(deps.limit);
  const contexts = new Map<string, EngineContext | undefined>();
  const specs: TimerSpec[] = [];
  for (const instance of active) {
    if (instance.status !== 'active') continue;
    if (!contexts.has(instance.flowId)) {
      const flow = deps.service.flow(instance.flowId);
      contexts.set(instance.flowId, flow ? await deps.service.context(flow) : undefined);
    }
    const ctx = contexts.get(instance.flowId);
    if (!ctx) continue;
    for (const run of instance.runs) {
      if (!run.endedAt) specs.push(...planTimers(ctx, instance.id, run, deps.policy));
    }
  }
  let created = 0;
  for (let i = 0; i < specs.length; i += CHUNK) created += await deps.store.ensure(specs.slice(i, i + CHUNK));
  return { instances: active.length, timers: specs.length, created };
}
