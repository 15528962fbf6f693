import type { EngineContext } from '../../core/engine/engine-context.js';
import type { Instance, StepRun } from '../../core/engine/types.js';
import type { Flow } from '../../core/flow/model.js';
import type { SopService } from '../../core/service/sop-service.js';
import type { StepTimers } from '../../core/service/step-timers.js';
import type { Logger } from '../../logger.js';
import { failAll, groupCommit } from '../../storage/batching.js';
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
  /**
   * With `gatherMs`, the timers of new runs and of ended runs are handed over and written a
   * moment later with the others of that moment (one insert, one delete): the service's save does
   * not wait for them. A crash before the write loses at most that moment's changes, which
   * reconciliation repairs (at start and periodically); a timer left for an ended run finds the
   * run ended and does nothing. A run's new timers and its end in the same moment cancel out.
   */
  private readonly gathered: ReturnType<typeof groupCommit<TimerChange>> | undefined;

  constructor(
    private readonly deps: {
      service: SopService;
      store: Pick<TimerJobStore, 'cancelRuns' | 'replace' | 'ensure'>;
      policy: TimerPolicy;
      logger: Logger;
      gatherMs?: number;
    },
  ) {
    this.gathered =
      deps.gatherMs && deps.gatherMs > 0
        ? groupCommit<TimerChange>((changes) => this.writeGathered(changes), deps.gatherMs)
        : undefined;
  }

  /** Waits for the timers handed over so far to be written. */
  async settled(): Promise<void> {
    await this.gathered?.settled();
  }

  private async writeGathered(changes: readonly TimerChange[]): Promise<Array<undefined | Error>> {
    const ended = changes.flatMap((c) => ('ended' in c ? c.ended : []));
    const endedKeys = new Set(ended.map((r) => `${r.instanceId}:${r.runId}`));
    const specs = changes
      .flatMap((c) => ('specs' in c ? c.specs : []))
      .filter((spec) => !endedKeys.has(`${spec.data.instanceId}:${spec.data.runId}`));
    try {
      await Promise.all([
        ended.length > 0 ? this.deps.store.cancelRuns(ended) : undefined,
        specs.length > 0 ? this.deps.store.ensure(specs) : undefined,
      ]);
      return changes.map(() => undefined);
    } catch (error) {
      return failAll(changes, error);
    }
  }

  /** Hands a change to the gathering (logged if its write fails), or writes it now. */
  private async apply(change: TimerChange, now: () => Promise<unknown>, what: string): Promise<void> {
    if (!this.gathered) {
      await now();
      return;
    }
    void this.gathered(change).catch((error: unknown) =>
      this.deps.logger.error({ err: error }, `could not ${what} (reconciliation sets them again)`),
    );
  }

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
      if (fresh.length > 0) {
        const specs = await this.plan(instance, fresh);
        await this.apply({ specs }, () => this.deps.store.ensure(specs), 'set step timers');
      }
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
      const ended = runs.map((r) => ({ instanceId: instance.id, runId: r.runId }));
      await this.apply({ ended }, () => this.deps.store.cancelRuns(ended), 'clear step timers');
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

/** A moment's change to the timers: the new timers of started runs, or the runs that ended. */
type TimerChange =
  { specs: readonly TimerSpec[] } | { ended: ReadonlyArray<{ instanceId: string; runId: string }> };
