import type { Command } from '../../core/engine/commands.js';
import type { Instance } from '../../core/engine/types.js';
import type { SopService } from '../../core/service/sop-service.js';
import type { Logger } from '../../logger.js';
import type { AgendaStepTimers } from './agenda-step-timers.js';
import type { TimerJobStore } from './timer-job-store.js';
import { parseTimerJobData, timerKey, type TimerJobData } from './timer-jobs.js';

/** A job that finds its due time moved later comes back then, but never sooner than this. */
const MIN_RESCHEDULE_MS = 250;

export interface TimerHandlerDeps {
  service: SopService;
  timers: Pick<AgendaStepTimers, 'plan'>;
  store: Pick<TimerJobStore, 'ensure'>;
  logger: Logger;
  now?: () => Date;
}

/** The part of an Agenda job the handler uses: its data, and moving its next run. */
export interface TimerJob {
  attrs: { data: unknown; nextRunAt?: Date | null };
  schedule(time: Date): unknown;
}

/**
 * Runs one reminder or escalation. The engine decides against the current state (a reminder
 * after the escalation is refused) with the timer's idempotency key, so a job that runs twice
 * (two processes, a retry after a crash) sends its message once. Afterwards the run's plan is read again from the saved state:
 * the next escalation level is set (if there is a superior above), and a job whose due time
 * moved (a resumed clock) reschedules itself instead of finishing.
 */
export function createTimerHandler(deps: TimerHandlerDeps) {
  const now = deps.now ?? (() => new Date());
  return async (job: TimerJob): Promise<void> => {
    const data = parseTimerJobData(job.attrs.data);
    if (!data) {
      deps.logger.warn({ data: job.attrs.data }, 'step timer job with unusable data dropped');
      return;
    }
    const { outcome, instance } = await apply(deps, data);
    const run = instance?.runs.find((r) => r.runId === data.runId);
    const plan = instance && run ? await deps.timers.plan(instance, [run]) : [];
    const own = plan.find((s) => s.data.kind === data.kind && s.data.level === data.level);
    const next = plan.filter((s) => s !== own);
    if (next.length > 0) await deps.store.ensure(next);
    const refused = outcome !== 'sent' && outcome !== 'duplicate';
    if (own && refused) {
      // Still needed but refused (`not-due-yet`: the clock was stopped and restarted): come back at
      // the new due time. Agenda saves this job's next run when the handler returns.
      job.schedule(new Date(Math.max(own.at.getTime(), now().getTime() + MIN_RESCHEDULE_MS)));
    }
    deps.logger[outcome === 'sent' ? 'info' : 'debug'](
      {
        instanceId: data.instanceId,
        runId: data.runId,
        kind: data.kind,
        level: data.level,
        outcome,
        next: next.map((s) => `${s.data.kind}:${s.data.level}@${s.at.toISOString()}`),
        ...(own && refused ? { rescheduled: job.attrs.nextRunAt } : {}),
      },
      'step timer ran',
    );
  };
}

/** Sends the reminder or escalation through the engine; what happened, and the instance after. */
async function apply(
  deps: TimerHandlerDeps,
  data: TimerJobData,
): Promise<{ outcome: string; instance: Instance | undefined }> {
  const base = {
    instanceId: data.instanceId,
    runId: data.runId,
    actorId: 'system',
    channel: 'system',
    idempotencyKey: timerKey(data),
  } as const;
  const command: Command =
    data.kind === 'reminder' ? { ...base, type: 'remind' } : { ...base, type: 'escalate', level: data.level };
  const result = await deps.service.act(command);
  if (result.ok) return { outcome: result.duplicate ? 'duplicate' : 'sent', instance: result.instance };
  return { outcome: result.refusal.code, instance: await deps.service.get(data.instanceId) };
}
