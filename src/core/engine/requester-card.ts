import type { Flow } from '../flow/model.js';
import type { MessageRef } from '../i18n.js';
import type { OrgDirectory } from '../org/org-directory.js';
import { nameOf } from './names.js';
import { instanceHeader } from './task-prompts.js';
import type { Instance } from './types.js';

/**
 * The requester's status card: one message per request, edited as the request moves. It says which
 * step it is at, who holds it and when that step is due; an internal return reads neutrally
 * ("being corrected"), and the end says the request is done with the outgoing letter's number.
 */
export function requesterCardLines(flow: Flow, org: OrgDirectory, instance: Instance): MessageRef[] {
  const lines: MessageRef[] = [instanceHeader(flow, org, instance)];
  if (instance.status === 'completed') {
    lines.push({
      key: 'card-completed',
      params: { agenda: instance.agendaNumbers.outgoing ?? instance.agendaNumbers.incoming ?? '-' },
    });
    return lines;
  }
  const open = instance.runs.filter((r) => !r.endedAt);
  for (const run of open) {
    const step = flow.steps.find((s) => s.id === run.stepId);
    if (!step) continue;
    const corrected = instance.runs.some(
      (r) => r.outcome === 'returned' && r.returnedTo === step.id && !runAfter(instance, r.runId, run.runId),
    );
    lines.push({
      key: 'card-step',
      params: {
        number: step.number,
        total: flow.steps.length,
        title: { text: step.title },
        state: corrected ? 'corrected' : 'open',
      },
    });
    lines.push({ key: 'card-holder', params: { name: nameOf(org, run.assigneeId) } });
    if (run.dueAt) lines.push({ key: 'card-due', params: { due: { instant: run.dueAt, style: 'day' } } });
  }
  return lines;
}

/** Whether run `a` started after run `b` (runs are kept in the order they started). */
function runAfter(instance: Instance, a: string, b: string): boolean {
  const ids = instance.runs.map((r) => r.runId);
  return ids.indexOf(a) > ids.indexOf(b);
}
