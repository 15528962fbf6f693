import type { MessageRef } from '../../core/i18n.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { ComplianceReport, StepCompliance } from './compliance-report.js';
import { mondayOf } from './iso-weeks.js';
import type { OpenWork } from './open-work.js';
import { addDays, localDate, parseReportPeriod, type ReportPeriod } from './report-period.js';
import type { ReportScope } from './report-scope.js';

/** How many overdue items the digest lists by name. */
export const DIGEST_OVERDUE_ITEMS = 5;

/** The ISO week before the one that contains `now` (Monday to Sunday in the zone). */
export function lastWeekPeriod(timeZone: string, now: Date): ReportPeriod {
  const monday = addDays(mondayOf(localDate(now, timeZone)), -7);
  return parseReportPeriod({ from: monday, to: addDays(monday, 6) }, timeZone, now);
}

function titleOf(scope: ReportScope, org: OrgDirectory): MessageRef {
  if (scope.kind === 'all') return { key: 'digest-title-all' };
  if (scope.kind === 'unit') {
    return { key: 'digest-title-unit', params: { unit: org.unit(scope.unitId)?.name ?? scope.unitId } };
  }
  return { key: 'digest-title-person', params: { name: org.person(scope.personId)?.name ?? scope.personId } };
}

/** The timed step with the lowest share within its standard (ties: the more attempts). */
function weakestStep(report: ComplianceReport): StepCompliance | undefined {
  const timed = report.flows
    .flatMap((flow) => flow.steps)
    .filter((s) => s.standardMinutes !== null && s.withinStandardShare !== null && s.count > 0);
  timed.sort(
    (a, b) => (a.withinStandardShare as number) - (b.withinStandardShare as number) || b.count - a.count,
  );
  return timed[0];
}

/**
 * A leader's weekly digest as messages (rendered in their language by the channel): what is open
 * and late in their scope now, last week's compliance with the standard times, the step furthest
 * from its standard, the most overdue items, and how to see more or turn the digest off.
 * `openWork` and `lastWeek` must be computed for the same scope (`scopeOfViewer`).
 */
export function weeklyDigest(input: {
  scope: ReportScope;
  org: OrgDirectory;
  openWork: OpenWork;
  lastWeek: ComplianceReport;
}): MessageRef[] {
  const { openWork, lastWeek } = input;
  const { counts } = openWork;
  const lines: MessageRef[] = [
    titleOf(input.scope, input.org),
    {
      key: 'digest-open',
      params: {
        open: counts.open,
        dueToday: counts.dueToday,
        overdue: counts.overdue,
        escalated: counts.escalated,
        paused: counts.paused,
      },
    },
  ];
  const period = { from: lastWeek.period.fromDate, to: lastWeek.period.toDate };
  if (lastWeek.total.count === 0) lines.push({ key: 'digest-last-week-none', params: period });
  else {
    lines.push({
      key: 'digest-last-week',
      params: {
        ...period,
        count: lastWeek.total.count,
        percent: Math.round((lastWeek.total.withinStandardShare ?? 0) * 100),
        escalations: lastWeek.total.escalations,
        returns: lastWeek.total.returns,
      },
    });
    lines.push(...weakestStepLine(lastWeek));
  }
  lines.push(...overdueLines(openWork));
  lines.push({ key: 'digest-footer' });
  return lines;
}

/** The most overdue items of the open work, one line each (the latest first). */
export function overdueLines(open: OpenWork): MessageRef[] {
  return open.items
    .filter((item) => item.overdue)
    .slice(0, DIGEST_OVERDUE_ITEMS)
    .map((item) => ({
      key: 'digest-overdue-item',
      params: {
        subject: item.subject,
        number: item.stepNumber,
        name: item.assigneeName,
        late: { minutes: Math.max(1, Math.round(item.lateMinutes)) },
      },
    }));
}

/** The step furthest from its standard, as one line (none when every timed step met it). */
export function weakestStepLine(report: ComplianceReport): MessageRef[] {
  const weakest = weakestStep(report);
  if (!weakest || (weakest.withinStandardShare ?? 1) >= 1) return [];
  return [
    {
      key: 'digest-weakest-step',
      params: {
        number: weakest.number,
        title: { text: weakest.title },
        percent: Math.round((weakest.withinStandardShare ?? 0) * 100),
        standard: { minutes: weakest.standardMinutes ?? 0 },
        median: { minutes: weakest.medianMinutes ?? 0 },
      },
    },
  ];
}
