import type { EngineContext } from '../../core/engine/engine-context.js';
import type { Instance, StepRun } from '../../core/engine/types.js';
import type { Flow } from '../../core/flow/model.js';
import type { SopService } from '../../core/service/sop-service.js';
import type { StepTimers } from '../../core/service/step-timers.js';
import type { Logger } from '../../logger.js';
import type { TimerJobStore } from './timer-job-store.js';
import type { TimerSpec } from './timer-jobs.js';
import { planTimers, type TimerPolicy } from './timer-plan.js';

/**
 * The service's timer port on Agenda: a started (or resumed) run gets its reminder and first
 * escalation; an ended run (or a stopped clock) loses them all.
 *
 * The change is already saved when these run, so a failure here is logged, not thrown: the
 * user's action succeeded, and reconciliation (at start and periodically) recreates the timers.
 */
export class AgendaStepTimers implements StepTimers {
  constructor(
    private readonly deps: {
      service: SopService;
      store: Pick<TimerJobStore, 'cancelRuns' | 'replace' | 'ensure'>;
      policy: TimerPolicy;
      logger: Logger;
    },
  ) {}

  async runsStarted(instance: Instance, runs: readonly StepRun[]): Promise<void> {
    try {
      // A run whose clock was stopped before comes back with its due time moved: its timers are
      // replaced (Agenda's `unique` upsert), and those it no longer needs go. A new run has none
      // yet: its timers are inserted (a second insert of the same key is refused).
      const restarted = new Set(
        instance.events.filter((e) => e.type === 'clock-paused' && e.runId).map((e) => e.runId as string),
      );
      const fresh = runs.filter((r) => !restarted.has(r.runId));
      const resumed = runs.filter((r) => restarted.has(r.runId));
      if (fresh.length > 0) await this.deps.store.ensure(await this.plan(instance, fresh));
      if (resumed.length > 0) {
        const specs = await this.plan(instance, resumed);
        await this.deps.store.cancelRuns(
          resumed.map((r) => ({ instanceId: instance.id, runId: r.runId })),
          specs,
        );
        await this.deps.store.replace(specs);
      }
    } catch (error) {
      this.deps.logger.error(
        { err: error, instanceId: instance.id, runs: runs.map((r) => r.runId) },
        'could not set step timers',
      );
    }
  }

  async runsEnded(instance: Instance, runs: readonly StepRun[]): Promise<void> {
    try {
      await this.deps.store.cancelRuns(runs.map((r) => ({ instanceId: instance.id, runId: r.runId })));
    } catch (error) {
      this.deps.logger.error(
        { err: error, instanceId: instance.id, runs: runs.map((r) => r.runId) },
        'could not clear step timers',
      );
    }
  }

  /** The timers these runs need, from the instance as saved. */
  async plan(instance: Instance, runs: readonly StepRun[]): Promise<TimerSpec[]> {
    const flow = this.deps.service.flow(instance.flowId);
    if (!flow) return [];
    const ctx = await this.planningContext(flow);
    return runs.flatMap((run) => planTimers(ctx, instance.id, run, this.deps.policy));
  }

  /**
   * What planning needs: the office-time arithmetic (fixed for the service's life, taken once) and
   * the current org. Who stands in for whom does not change whether a superior exists, so the
   * delegations and the disruption are not read for it.
   */
  private async planningContext(flow: Flow): Promise<EngineContext> {
    if (!this.dueAt) {
      const ctx = await this.deps.service.context(flow);
      this.dueAt = (start, ms, f) => ctx.dueAt(start, ms, f);
    }
    return { flow, org: this.deps.service.org, now: new Date(), dueAt: this.dueAt };
  }

  private dueAt: EngineContext['dueAt'] | undefined;
}
