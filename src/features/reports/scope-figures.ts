import type { Flow } from '../../core/flow/model.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { AnyOfficeCalendar } from '../../core/time/index.js';
import type { ComplianceSource } from './compliance-source.js';
import { computeCompliance, type ComplianceReport } from './compliance-report.js';
import type { MongoOpenWorkSource } from './mongo-open-work-source.js';
import { openWork, type OpenWork } from './open-work.js';
import type { ReportPeriod } from './report-period.js';
import type { ReportScope } from './report-scope.js';

/** What the figures of one scope are read from: the report facts, the open work, the flows. */
export interface ScopeFiguresSource {
  flows: () => readonly Flow[];
  org: () => OrgDirectory;
  facts: ComplianceSource;
  openWork: Pick<MongoOpenWorkSource, 'activeInstances'>;
  calendarFor: (flow: Flow) => AnyOfficeCalendar;
  /** The office's zone (for "due today"). */
  timeZone: string;
}

/** One scope's open work now and its compliance with the standard times over a period. */
export interface ScopeFigures {
  open: OpenWork;
  compliance: ComplianceReport;
}

/**
 * The figures a leader's summary shows (`/laporan`, the weekly digest): the open work of the
 * scope now (every item counted, the first `openItems` listed) and the compliance of the period.
 */
export async function scopeFigures(
  source: ScopeFiguresSource,
  input: { scope: ReportScope; period: ReportPeriod; now: Date; openItems?: number },
): Promise<ScopeFigures> {
  const flows = source.flows();
  const org = source.org();
  const flowIds = flows.map((flow) => flow.id);
  const [active, facts] = await Promise.all([
    source.openWork.activeInstances(input.scope, org, flowIds),
    source.facts.factsBetween(input.period.from, input.period.to, { flowIds }),
  ]);
  return {
    open: openWork(active, {
      flows,
      org,
      scope: input.scope,
      now: input.now,
      timeZone: source.timeZone,
      calendarFor: source.calendarFor,
      limit: input.openItems ?? 5,
    }),
    compliance: computeCompliance({
      facts,
      flows,
      org,
      period: input.period,
      scope: input.scope,
      calendarFor: source.calendarFor,
    }),
  };
}
