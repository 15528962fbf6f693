import type { ReportInstance } from './report-instance.js';
import { instanceFactsOf, type InstanceFacts } from './step-attempts.js';

/**
 * What the compliance report reads: the attempts of the instances of some flows that may have an
 * attempt ended in `[from, to)`. A source may return more (the report filters), never fewer.
 */
export interface ComplianceSource {
  factsBetween(from: Date, to: Date, filter: { flowIds: readonly string[] }): Promise<InstanceFacts[]>;
}

/** A source over instances already in memory (tests, a one-off script). */
export class InstancesInMemory implements ComplianceSource {
  constructor(private readonly instances: readonly ReportInstance[]) {}

  factsBetween(from: Date, to: Date, filter: { flowIds: readonly string[] }): Promise<InstanceFacts[]> {
    const flows = new Set(filter.flowIds);
    const facts = this.instances
      .filter((instance) => flows.has(instance.flowId))
      .map(instanceFactsOf)
      .filter((f) => f.attempts.some((a) => a.endMs >= from.getTime() && a.endMs < to.getTime()));
    return Promise.resolve(facts);
  }
}
