import type { ComplianceReport } from './compliance-report.js';
import { round } from './report-format.js';

/**
 * The CLI's `--json` answer: `{ instances, steps: [{ id, standardMinutes, count, medianMinutes,
 * p90Minutes, withinStandardShare, escalations, returns }] }`, steps in flow order (minutes to
 * 0.01, the share 0..1 to 0.0001; null where there is nothing to measure). With several flows,
 * each step also names its `flowId`, the flows in the order given.
 */
export function complianceJson(report: ComplianceReport) {
  const several = report.flows.length > 1;
  return {
    instances: report.instances,
    steps: report.flows.flatMap((flow) =>
      flow.steps.map((step) => ({
        ...(several ? { flowId: flow.flowId } : {}),
        id: step.stepId,
        standardMinutes: step.standardMinutes,
        count: step.count,
        medianMinutes: round(step.medianMinutes, 2),
        p90Minutes: round(step.p90Minutes, 2),
        withinStandardShare: round(step.withinStandardShare, 4),
        escalations: step.escalations,
        returns: step.returns,
      })),
    ),
  };
}
