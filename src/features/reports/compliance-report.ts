import type { Flow } from '../../core/flow/model.js';
import type { LocalizedText } from '../../core/i18n.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { AnyOfficeCalendar } from '../../core/time/index.js';
import { figuresOf, type ComplianceFigures } from './compliance-figures.js';
import { weekIndexOf, weeksOfPeriod } from './iso-weeks.js';
import { officeTimelineFor, type OfficeTimeline } from './office-timeline.js';
import type { ReportPeriod } from './report-period.js';
import { performerInScope, type ReportScope } from './report-scope.js';
import { measureAttempt, type InstanceFacts, type StepAttempt } from './step-attempts.js';

export interface StepCompliance extends ComplianceFigures {
  flowId: string;
  stepId: string;
  /** 1-based, as the SOP numbers its steps. */
  number: number;
  title: LocalizedText;
  standardMinutes: number | null;
}

export interface GroupCompliance extends ComplianceFigures {
  /** Person or unit id; null for performers the org file no longer knows (or their unit). */
  id: string | null;
  name: string;
}

export interface WeekCompliance extends ComplianceFigures {
  /** `2026-W05`. */
  week: string;
  /** Its Monday. */
  monday: string;
}

export interface FlowCompliance {
  flowId: string;
  name: LocalizedText;
  steps: StepCompliance[];
}

export interface ComplianceReport {
  period: { fromDate: string; toDate: string; timeZone: string };
  scope: ReportScope;
  /** Instances with at least one attempt counted. */
  instances: number;
  flows: FlowCompliance[];
  performers: GroupCompliance[];
  units: GroupCompliance[];
  weeks: WeekCompliance[];
  total: ComplianceFigures;
}

export interface ComplianceInput {
  /**
   * The attempts of instances that may have attempts ended in the period (more do no harm: they
   * are filtered here). From instances: `instances.map(instanceFactsOf)`.
   */
  facts: Iterable<InstanceFacts>;
  /** The flows reported on, in the order shown. */
  flows: readonly Flow[];
  org: OrgDirectory;
  period: ReportPeriod;
  scope: ReportScope;
  /** The office calendar a flow's times are counted in (the office's, with the flow's override). */
  calendarFor: (flow: Flow) => AnyOfficeCalendar;
}

interface FlowContext {
  timeline: OfficeTimeline;
  /** Step id → its index in the flow. */
  stepIndex: Map<string, number>;
  standards: Array<number | null>;
  /** Attempts per step, by index. */
  attempts: StepAttempt[][];
}

/**
 * Compliance with the Mutu Baku's standard times: every attempt at a step of the given flows that
 * finished inside the period (its end in `[from, to)`) and whose performer is in the scope, with
 * figures per step in flow order, per performer, per performer's unit, per ISO week of its end,
 * and in total. Steps without attempts are listed with a count of 0. Attempts of steps a flow no
 * longer has (an older version of the flow) are left out.
 */
export function computeCompliance(input: ComplianceInput): ComplianceReport {
  const { flows, org, period, scope } = input;
  const contexts = new Map<string, FlowContext>(
    flows.map((flow) => [
      flow.id,
      {
        timeline: officeTimelineFor(input.calendarFor(flow)),
        stepIndex: new Map(flow.steps.map((step, i) => [step.id, i])),
        standards: flow.steps.map((step) => step.standardMs),
        attempts: flow.steps.map(() => []),
      },
    ]),
  );
  const scopeCache = new Map<string | null, boolean>();
  const inScope = (performerId: string | null): boolean => {
    let answer = scopeCache.get(performerId);
    if (answer === undefined) {
      answer = performerInScope(scope, performerId, org);
      scopeCache.set(performerId, answer);
    }
    return answer;
  };
  const from = period.from.getTime();
  const to = period.to.getTime();
  const weeks = weeksOfPeriod(period);
  const byWeek: StepAttempt[][] = weeks.map(() => []);
  const counted: StepAttempt[] = [];
  for (const instance of input.facts) {
    const context = contexts.get(instance.flowId);
    if (!context) continue;
    for (const attempt of instance.attempts) {
      if (attempt.endMs < from || attempt.endMs >= to) continue;
      const index = context.stepIndex.get(attempt.stepId);
      if (index === undefined || !inScope(attempt.performerId)) continue;
      const measured = measureAttempt(instance, attempt, context.timeline, context.standards[index] ?? null);
      counted.push(measured);
      context.attempts[index]?.push(measured);
      byWeek[weekIndexOf(weeks, attempt.endMs)]?.push(measured);
    }
  }

  const flowReports: FlowCompliance[] = flows.map((flow) => {
    const context = contexts.get(flow.id) as FlowContext;
    return {
      flowId: flow.id,
      name: flow.header.name,
      steps: flow.steps.map((step, i) => ({
        flowId: flow.id,
        stepId: step.id,
        number: step.number,
        title: step.title,
        standardMinutes: step.standardMs === null ? null : step.standardMs / 60_000,
        ...figuresOf(context.attempts[i] ?? []),
      })),
    };
  });

  const performers = [...groupBy(counted, (a) => a.performerId ?? '')].map(([id, attempts]) => ({
    id: id === '' ? null : id,
    name: id === '' ? '—' : (org.person(id)?.name ?? id),
    ...figuresOf(attempts),
  }));
  performers.sort((a, b) => a.name.localeCompare(b.name, 'id'));

  const unitOfPerson = new Map<string, string>();
  const unitOf = (a: StepAttempt): string => {
    if (!a.performerId) return '';
    let unit = unitOfPerson.get(a.performerId);
    if (unit === undefined) {
      unit = org.person(a.performerId)?.unit ?? '';
      unitOfPerson.set(a.performerId, unit);
    }
    return unit;
  };
  const unitOrder = new Map(org.allUnits().map((u, i) => [u.id, i]));
  const units = [...groupBy(counted, unitOf)]
    .sort(([a], [b]) => (unitOrder.get(a) ?? Infinity) - (unitOrder.get(b) ?? Infinity))
    .map(([id, attempts]) => ({
      id: id === '' ? null : id,
      name: id === '' ? '—' : (org.unit(id)?.name ?? id),
      ...figuresOf(attempts),
    }));

  return {
    period: { fromDate: period.fromDate, toDate: period.toDate, timeZone: period.timeZone },
    scope,
    instances: new Set(counted.map((a) => a.instanceId)).size,
    flows: flowReports,
    performers,
    units,
    weeks: weeks.map((week, i) => ({ week: week.key, monday: week.monday, ...figuresOf(byWeek[i] ?? []) })),
    total: figuresOf(counted),
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
