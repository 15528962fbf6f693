import type { Command } from '../../core/engine/commands.js';
import type { Instance, StepRun } from '../../core/engine/types.js';
import type { Clock } from '../../core/ports.js';
import type { SopService } from '../../core/service/sop-service.js';
import type { Logger } from '../../logger.js';
import type { Disruption, DisruptionStore } from './disruptions.js';

const SWEEP_LIMIT = 100_000;
const SWEEP_CONCURRENCY = 4;

export type DisruptionStartResult =
  { ok: true; disruption: Disruption; paused: number } | { ok: false; current: Disruption };
export type DisruptionEndResult = { ok: true; disruption: Disruption; resumed: number } | { ok: false };

/**
 * Declares and ends disruptions. Declaring one is recorded first (steps that start from then on
 * start with their clock stopped), then every open timed run of every active instance has its
 * clock stopped; ending it is recorded first, then every stopped clock restarts, its due time
 * moved later by the time it stood still. The engine records both in each instance's audit
 * trail. Each run's pause and resume have idempotency keys of their own, so a sweep that is
 * interrupted can simply be run again.
 */
export class DisruptionControl {
  constructor(
    private readonly deps: { store: DisruptionStore; service: SopService; clock: Clock; logger: Logger },
  ) {}

  /** Since when a disruption is declared (for the engine), if one is. */
  async since(): Promise<Date | undefined> {
    return (await this.deps.store.current())?.since;
  }

  current(): Promise<Disruption | undefined> {
    return this.deps.store.current();
  }

  async start(by: string, note: string): Promise<DisruptionStartResult> {
    const started = await this.deps.store.start({ since: this.deps.clock.now(), note, by });
    if (!started.ok) return started;
    const { disruption } = started;
    const paused = await this.sweep(
      (run) => !run.pausedAt,
      (instance, run) => ({
        type: 'pause',
        ...(note ? { note } : {}),
        ...this.base(instance, run, `disruption:${disruption.id}:pause`),
      }),
    );
    this.deps.logger.warn(
      { disruption: disruption.id, by, note, paused },
      'disruption declared: standard-time clocks stopped',
    );
    return { ok: true, disruption, paused };
  }

  async end(by: string, note?: string): Promise<DisruptionEndResult> {
    const disruption = await this.deps.store.end(this.deps.clock.now(), by, note);
    if (!disruption) return { ok: false };
    const resumed = await this.resumeAll(disruption.id, note);
    this.deps.logger.warn(
      { disruption: disruption.id, by, resumed },
      'disruption ended: standard-time clocks running again',
    );
    return { ok: true, disruption, resumed };
  }

  /**
   * At start: when no disruption is declared, clocks still stopped (an end that was interrupted,
   * a step started as the disruption ended) are restarted, keyed to the last disruption.
   */
  async heal(): Promise<number> {
    if (await this.deps.store.current()) return 0;
    const [last] = await this.deps.store.history(1);
    const resumed = await this.resumeAll(last?.id ?? 'none');
    if (resumed > 0)
      this.deps.logger.warn({ resumed }, 'stopped clocks restarted: no disruption is declared');
    return resumed;
  }

  private async resumeAll(disruptionId: string, note?: string): Promise<number> {
    // Two passes: a step that started (stopped) while the first pass ran is caught by the second.
    let resumed = 0;
    for (let pass = 0; pass < 2; pass++) {
      resumed += await this.sweep(
        (run) => Boolean(run.pausedAt),
        (instance, run) => ({
          type: 'resume',
          ...(note ? { note } : {}),
          ...this.base(instance, run, `disruption:${disruptionId}:resume`),
        }),
      );
    }
    return resumed;
  }

  private base(instance: Instance, run: StepRun, prefix: string) {
    return {
      instanceId: instance.id,
      runId: run.runId,
      actorId: 'system',
      channel: 'system',
      idempotencyKey: `${prefix}:${instance.id}:${run.runId}`,
    } as const;
  }

  /** Applies a command to every open timed run that matches; how many were changed. */
  private async sweep(
    matches: (run: StepRun) => boolean,
    command: (instance: Instance, run: StepRun) => Command,
  ): Promise<number> {
    const active = await this.deps.service.listActive(SWEEP_LIMIT);
    const work = active.flatMap((instance) =>
      instance.status === 'active'
        ? instance.runs
            .filter((run) => !run.endedAt && run.dueAt !== null && matches(run))
            .map((run) => command(instance, run))
        : [],
    );
    let changed = 0;
    let next = 0;
    const worker = async () => {
      while (next < work.length) {
        const item = work[next++] as Command;
        try {
          const result = await this.deps.service.act(item);
          if (result.ok && !result.duplicate) changed++;
        } catch (error) {
          this.deps.logger.error(
            { err: error, instanceId: item.instanceId, runId: item.runId, type: item.type },
            'disruption sweep step failed',
          );
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(SWEEP_CONCURRENCY, work.length) }, worker));
    return changed;
  }
}
