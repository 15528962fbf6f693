import type { Flow } from '../core/flow/model.js';
import type { Instance } from '../core/engine/types.js';
import type { MessageRef } from '../core/i18n.js';
import type { OrgDirectory } from '../core/org/org-directory.js';
import { instanceHeader, nameOf } from '../core/engine/task-prompts.js';

/** The `/status` view of an instance: each step run, who, when it started and ended, on time or late. */
export function timelineLines(flow: Flow, org: OrgDirectory, instance: Instance, now: Date): MessageRef[] {
  const lines: MessageRef[] = [
    instanceHeader(flow, org, instance),
    { key: 'status-title', params: { status: instance.status } },
  ];
  for (const run of instance.runs) {
    const step = flow.steps.find((s) => s.id === run.stepId);
    if (!step) continue;
    const finished = run.endedAt ? new Date(run.endedAt) : undefined;
    const reference = finished ?? now;
    const verdict = !run.dueAt
      ? 'none'
      : reference.getTime() <= new Date(run.dueAt).getTime()
        ? finished
          ? 'ontime'
          : 'open'
        : 'late';
    lines.push({
      key: 'status-run',
      params: {
        number: step.number,
        title: { text: step.title },
        who: nameOf(org, run.actorId ?? run.assigneeId),
        started: { instant: run.startedAt, style: 'datetime' },
        ended: run.endedAt ? { instant: run.endedAt, style: 'time' } : '-',
        verdict,
        outcome: run.outcome ?? 'open',
      },
    });
    for (const event of instance.events.filter(
      (e) => e.runId === run.runId && (e.type === 'reminder-sent' || e.type === 'escalated'),
    )) {
      lines.push({
        key: `status-${event.type}`,
        params: {
          at: { instant: event.at, style: 'time' },
          to: nameOf(org, (event.data?.['to'] as string | undefined) ?? null),
        },
      });
    }
  }
  return lines;
}
