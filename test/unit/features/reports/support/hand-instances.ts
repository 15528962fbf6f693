/** Instances written by hand for the compliance report's tests, with times in WIB (UTC+7). */
import type { AuditEvent, Instance, StepRun } from '../../../../../src/core/engine/types.js';

/** `2026-11-23 09:00` in Asia/Jakarta as a UTC ISO instant. */
export function wib(local: string): string {
  return new Date(`${local.replace(' ', 'T')}:00+07:00`).toISOString();
}

let counter = 0;

export function run(
  stepId: string,
  n: number,
  start: string,
  end: string | undefined,
  extra: Partial<StepRun> = {},
): StepRun {
  return {
    runId: `${stepId}#${n}`,
    stepId,
    assigneeId: extra.assigneeId ?? 'tuti',
    startedAt: wib(start),
    dueAt: null,
    ...(end ? { endedAt: wib(end), outcome: 'completed' as const, actorId: extra.assigneeId ?? 'tuti' } : {}),
    checked: [],
    files: [],
    escalationLevel: 0,
    escalatedTo: [],
    ...extra,
  };
}

export function event(type: string, at: string, runId: string): AuditEvent {
  return { seq: ++counter, at: wib(at), type, actorId: 'system', channel: 'system', runId };
}

export function instance(runs: StepRun[], events: AuditEvent[] = [], id?: string): Instance {
  const n = ++counter;
  const first = runs[0]?.startedAt ?? wib('2026-11-23 09:00');
  return {
    id: id ?? n.toString(16).padStart(24, '0'),
    flowId: 'spse-eproc',
    flowVersion: 1,
    version: runs.length,
    subject: `Permohonan ${n}`,
    requesterId: 'ulp-biro-umum',
    requesterUnitId: 'biro-umum',
    handlingUnitId: 'pusdatinkomtel',
    status: runs.every((r) => r.endedAt) ? 'completed' : 'active',
    createdAt: first,
    updatedAt:
      runs
        .map((r) => r.endedAt ?? r.startedAt)
        .sort()
        .at(-1) ?? first,
    agendaNumbers: {},
    attachments: [],
    bindings: {},
    runs,
    events,
    processedKeys: [],
  };
}
