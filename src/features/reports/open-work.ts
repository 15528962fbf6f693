import type { Instance } from '../../core/engine/types.js';
import type { Flow } from '../../core/flow/model.js';
import type { LocalizedText } from '../../core/i18n.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { AnyOfficeCalendar } from '../../core/time/index.js';
import { officeTimelineFor } from './office-timeline.js';
import { localDate } from './report-period.js';
import { performerInScope, type ReportScope } from './report-scope.js';

/** The parts of an active instance the open-work list reads. */
export type OpenInstance = Pick<Instance, 'id' | 'flowId' | 'subject' | 'agendaNumbers' | 'runs' | 'status'>;

export interface OpenWorkItem {
  instanceId: string;
  flowId: string;
  subject: string;
  agendaNumber: string | null;
  runId: string;
  stepId: string;
  stepNumber: number;
  stepTitle: LocalizedText;
  assigneeId: string | null;
  assigneeName: string;
  unitId: string | null;
  startedAt: string;
  dueAt: string | null;
  /** Office minutes past the due time (0 when not late); frozen while the clock is stopped. */
  lateMinutes: number;
  overdue: boolean;
  dueToday: boolean;
  escalationLevel: number;
  /** The clock stands still: a disruption is declared. */
  paused: boolean;
}

export interface OpenWorkCounts {
  open: number;
  dueToday: number;
  overdue: number;
  escalated: number;
  paused: number;
}

export interface OpenWork {
  counts: OpenWorkCounts;
  /** Overdue first (the latest first), then by due time, steps without a standard last. */
  items: OpenWorkItem[];
}

export interface OpenWorkOptions {
  flows: readonly Flow[];
  org: OrgDirectory;
  scope: ReportScope;
  now: Date;
  /** The office's zone, for "due today". */
  timeZone: string;
  calendarFor: (flow: Flow) => AnyOfficeCalendar;
  /** How many items to list (the counts cover all). */
  limit?: number;
}

/**
 * The open steps of active instances whose performer is in the scope (report-scope.ts), with
 * counts at a glance: open, due today (in the office's zone), overdue, escalated, and waiting on
 * a declared disruption.
 */
export function openWork(instances: Iterable<OpenInstance>, options: OpenWorkOptions): OpenWork {
  const { org, scope, now } = options;
  const flows = new Map(options.flows.map((flow) => [flow.id, flow]));
  const today = localDate(now, options.timeZone);
  const items: OpenWorkItem[] = [];
  for (const instance of instances) {
    if (instance.status !== 'active') continue;
    const flow = flows.get(instance.flowId);
    if (!flow) continue;
    const timeline = officeTimelineFor(options.calendarFor(flow));
    for (const run of instance.runs) {
      if (run.endedAt || !performerInScope(scope, run.assigneeId, org)) continue;
      const step = flow.steps.find((s) => s.id === run.stepId);
      if (!step) continue;
      const until = run.pausedAt ? Date.parse(run.pausedAt) : now.getTime();
      const due = run.dueAt ? Date.parse(run.dueAt) : undefined;
      const lateMs = due !== undefined && until > due ? timeline.msBetween(due, until) : 0;
      const person = run.assigneeId ? org.person(run.assigneeId) : undefined;
      items.push({
        instanceId: instance.id,
        flowId: instance.flowId,
        subject: instance.subject,
        agendaNumber: instance.agendaNumbers.incoming ?? instance.agendaNumbers.outgoing ?? null,
        runId: run.runId,
        stepId: step.id,
        stepNumber: step.number,
        stepTitle: step.title,
        assigneeId: run.assigneeId,
        assigneeName: person?.name ?? run.assigneeId ?? '—',
        unitId: person?.unit ?? null,
        startedAt: run.startedAt,
        dueAt: run.dueAt,
        lateMinutes: lateMs / 60_000,
        overdue: due !== undefined && until > due,
        dueToday: run.dueAt !== null && localDate(new Date(run.dueAt), options.timeZone) === today,
        escalationLevel: run.escalationLevel,
        paused: run.pausedAt !== undefined,
      });
    }
  }
  items.sort(byUrgency);
  return {
    counts: {
      open: items.length,
      dueToday: items.filter((i) => i.dueToday).length,
      overdue: items.filter((i) => i.overdue).length,
      escalated: items.filter((i) => i.escalationLevel > 0).length,
      paused: items.filter((i) => i.paused).length,
    },
    items: options.limit === undefined ? items : items.slice(0, options.limit),
  };
}

function byUrgency(a: OpenWorkItem, b: OpenWorkItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.overdue) return b.lateMinutes - a.lateMinutes;
  if (a.dueAt === null || b.dueAt === null) return a.dueAt === null ? (b.dueAt === null ? 0 : 1) : -1;
  return a.dueAt.localeCompare(b.dueAt);
}
