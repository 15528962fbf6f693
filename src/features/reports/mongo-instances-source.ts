import { Types, type PipelineStage } from 'mongoose';
import type { StepRun } from '../../core/engine/types.js';
import type { Models } from '../../storage/models.js';
import type { ComplianceSource } from './compliance-source.js';
import { REPORT_EVENT_TYPES, type ReportEvent, type ReportInstance } from './report-instance.js';
import { instanceFactsOf, type InstanceFacts } from './step-attempts.js';

interface ProjectedInstance {
  _id: unknown;
  id: string;
  version: number;
  flowId: string;
  runs: StepRun[];
  events: ReportEvent[];
}

export type VersionedReportInstance = ReportInstance & { version: number };

/** The parts of an instance document a report reads: its runs and its clock events only. */
const PROJECTION: PipelineStage.Project['$project'] = {
  _id: 1,
  id: '$state.id',
  version: 1,
  flowId: 1,
  runs: '$state.runs',
  events: {
    $filter: { input: '$events', as: 'event', cond: { $in: ['$$event.type', [...REPORT_EVENT_TYPES]] } },
  },
};

/**
 * Reads instances straight from the `instances` collection (read-only, through the app's
 * mongoose models). The filter keeps to top-level fields so that a real MongoDB answers it from
 * an index: an instance with a run ended in `[from, to)` was created before `to` and last
 * changed at or after `from`, so `{ flowId: { $in }, updatedAt: { $gte: from }, createdAt:
 * { $lt: to } }` with the index `{ flowId: 1, updatedAt: 1 }` (see docs/reports-readme-section.md).
 * Only the runs and the clock events leave the server (`$filter` in an aggregation `$project`).
 *
 * Exact at every moment, but every instance of the period is read whole on the server: the
 * report-facts store is the fast path, and this source rebuilds it.
 */
export class MongoInstancesSource implements ComplianceSource {
  constructor(private readonly models: Pick<Models, 'Instance'>) {}

  async factsBetween(from: Date, to: Date, filter: { flowIds: readonly string[] }): Promise<InstanceFacts[]> {
    const instances = await this.instancesBetween(from, to, filter);
    return instances.map(instanceFactsOf);
  }

  async instancesBetween(
    from: Date,
    to: Date,
    filter: { flowIds: readonly string[] },
  ): Promise<ReportInstance[]> {
    const match = { flowId: { $in: [...filter.flowIds] }, updatedAt: { $gte: from }, createdAt: { $lt: to } };
    return this.read(match);
  }

  /** The same parts of the instances with these ids (24-hex strings), with their versions. */
  async instancesByIds(ids: readonly string[]): Promise<VersionedReportInstance[]> {
    if (ids.length === 0) return [];
    // A find by `_id` (which every MongoDB, and the embedded one, looks up by key); the audit
    // trail is narrowed to the clock events here rather than on the server.
    const docs = await this.models.Instance.find(
      { _id: { $in: ids.map((id) => new Types.ObjectId(id)) } },
      { version: 1, flowId: 1, 'state.id': 1, 'state.runs': 1, events: 1 },
    ).lean<
      Array<{
        _id: unknown;
        version: number;
        flowId: string;
        state: { id?: string; runs?: StepRun[] };
        events: ReportEvent[];
      }>
    >();
    const wanted = new Set<string>(REPORT_EVENT_TYPES);
    return docs.map((doc) => ({
      id: doc.state.id ?? String(doc._id),
      version: doc.version,
      flowId: doc.flowId,
      runs: doc.state.runs ?? [],
      events: (doc.events ?? [])
        .filter((e) => wanted.has(e.type))
        .map((e) => ({ type: e.type, at: e.at, ...(e.runId ? { runId: e.runId } : {}) })),
    }));
  }

  /** Every instance's id and version (for keeping the report-facts store in step). */
  async versions(): Promise<Map<string, number>> {
    const docs = await this.models.Instance.find({}, { version: 1 }).lean<
      Array<{ _id: unknown; version: number }>
    >();
    return new Map(docs.map((doc) => [String(doc._id), doc.version]));
  }

  private async read(match: Record<string, unknown>): Promise<VersionedReportInstance[]> {
    const docs = await this.models.Instance.aggregate<ProjectedInstance>([
      { $match: match },
      { $project: PROJECTION },
    ]);
    return docs.map((doc) => ({
      id: doc.id ?? String(doc._id),
      version: doc.version,
      flowId: doc.flowId,
      runs: doc.runs ?? [],
      events: doc.events ?? [],
    }));
  }
}
