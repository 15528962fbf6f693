import type { OrgDirectory } from '../org/org-directory.js';
import type { Command } from './commands.js';
import { refuse, type Refusal } from './refusal.js';
import { nameOf } from './task-prompts.js';
import type { Instance, StepRun } from './types.js';

/** What the authorization rules look at in a command: who does what, on which run, from where. */
export type CommandProbe = Pick<Command, 'type' | 'actorId' | 'channel' | 'runId'>;

/**
 * Why this person may not do this on this run right now, or undefined if they may: the instance
 * is still open, the run exists and is open, and the actor holds the right for the command.
 * `decide` applies it to every command; the chat layer asks it before it asks a person for input
 * (a reason, a file, a disposition), so they are not asked for what would then be refused.
 */
export function mayNotAct(
  ctx: { org: OrgDirectory },
  instance: Instance,
  command: CommandProbe,
): Refusal | undefined {
  // Before the run checks: every run of a completed instance has ended, so `already-done` would hide this.
  if (instance.status === 'completed') return refuse('instance-completed');
  const run = instance.runs.find((r) => r.runId === command.runId);
  if (!run) return refuse('unknown-task');
  if (run.endedAt) {
    return refuse('already-done', {
      by: nameOf(ctx.org, run.actorId),
      at: { instant: run.endedAt, style: 'time' },
      outcome: run.outcome ?? 'completed',
    });
  }
  return authorize(ctx.org, run, command);
}

/** Who may do what: the assignee acts on their task; a superior or an admin reassigns or takes over. */
function authorize(org: OrgDirectory, run: StepRun, command: CommandProbe): Refusal | undefined {
  const system = command.actorId === 'system' && command.channel === 'system';
  switch (command.type) {
    case 'remind':
    case 'escalate':
      return system ? undefined : refuse('system-only');
    case 'pause':
    case 'resume':
      return system || org.isAdmin(command.actorId) ? undefined : refuse('system-only');
    case 'nudge':
    case 'reassign':
    case 'take-over':
      return mayIntervene(org, run, command.actorId) ? undefined : refuse('not-allowed-to-reassign');
    default:
      return run.assigneeId === command.actorId
        ? undefined
        : refuse('not-your-task', { assignee: nameOf(org, run.assigneeId) });
  }
}

/** The person a late step was escalated to, a superior of its performer, or an admin. */
function mayIntervene(org: OrgDirectory, run: StepRun, actorId: string): boolean {
  return (
    run.escalatedTo.includes(actorId) ||
    org.isAdmin(actorId) ||
    (run.assigneeId !== null && org.isAbove(actorId, run.assigneeId))
  );
}
