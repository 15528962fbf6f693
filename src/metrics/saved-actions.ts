import type { AuditEvent } from '../core/engine/types.js';
import type { SavedChange, SavedChangeListener } from '../core/service/sop-service.js';
import type { Logger } from '../logger.js';
import type { ServiceMetrics } from './metrics.js';

/** Events that follow from an action rather than being one (the next step starting...). */
const CONSEQUENCES = new Set(['step-started', 'instance-completed']);

/**
 * The actions in a saved change, each once: every event but the consequences; a
 * `step-completed` is the action only when the change has no other (a plain "done"; after an
 * approval or a start it is their consequence).
 */
export function actionsOf(change: SavedChange): AuditEvent[] {
  const acted = change.events.filter((e) => !CONSEQUENCES.has(e.type) && e.type !== 'step-completed');
  return acted.length > 0 ? acted : change.events.filter((e) => e.type === 'step-completed').slice(0, 1);
}

/**
 * After each saved change: one info line per action (instance, flow, step, run, actor id, on
 * whose behalf, channel; never names, notes or reasons), counted by kind and channel, and an
 * escalation's lateness.
 */
export function recordActions(logger: Logger, metrics: ServiceMetrics): SavedChangeListener {
  return (change) => {
    const { instance } = change;
    for (const event of actionsOf(change)) {
      metrics.action(event.type, event.channel);
      logger.info(
        {
          action: event.type,
          instanceId: instance.id,
          flowId: instance.flowId,
          ...(event.stepId ? { stepId: event.stepId } : {}),
          ...(event.runId ? { runId: event.runId } : {}),
          actorId: event.actorId,
          ...(event.onBehalfOf ? { onBehalfOf: event.onBehalfOf } : {}),
          channel: event.channel,
        },
        `action ${event.type}`,
      );
      if (event.type === 'escalated') escalationLateness(change, event, metrics);
    }
    return Promise.resolve();
  };
}

/** Level 1 is due when the step is: how long after that it went out. */
function escalationLateness(change: SavedChange, event: AuditEvent, metrics: ServiceMetrics): void {
  const level = Number(event.data?.['level']);
  const run = change.instance.runs.find((r) => r.runId === event.runId);
  if (level !== 1 || !run?.dueAt) return;
  metrics.escalationLate(level, (Date.parse(event.at) - Date.parse(run.dueAt)) / 1000);
}
