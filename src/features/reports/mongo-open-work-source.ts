import type { StepRun } from '../../core/engine/types.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { Models } from '../../storage/models.js';
import type { OpenInstance } from './open-work.js';
import type { ReportScope } from './report-scope.js';

interface ProjectedActive {
  _id: unknown;
  flowId: string;
  state: Partial<Pick<OpenInstance, 'id' | 'subject' | 'agendaNumbers' | 'status'>> & { runs?: StepRun[] };
}

/**
 * The active instances with an open step in a scope, for the dashboard's first page, read from
 * the `instances` collection (read-only). Top-level fields only, so a real MongoDB serves each
 * filter from an index: `{ status: 'active', flowId: { $in } }` (index `{ status: 1 }`, which
 * exists), and for a unit or a person `openAssignees: { $in: people }` (index `{ openAssignees: 1 }`,
 * which exists; `{ status: 1, openAssignees: 1 }` would be tighter). Only the fields the list
 * shows leave the server; no audit trail.
 */
export class MongoOpenWorkSource {
  constructor(private readonly models: Pick<Models, 'Instance'>) {}

  async activeInstances(
    scope: ReportScope,
    org: OrgDirectory,
    flowIds: readonly string[],
  ): Promise<OpenInstance[]> {
    const filter: Record<string, unknown> = { status: 'active', flowId: { $in: [...flowIds] } };
    if (scope.kind === 'person') filter['openAssignees'] = scope.personId;
    if (scope.kind === 'unit') {
      filter['openAssignees'] = {
        $in: org
          .allPeople()
          .filter((p) => org.isWithin(p.unit, scope.unitId))
          .map((p) => p.id),
      };
    }
    const docs = await this.models.Instance.find(filter, {
      flowId: 1,
      'state.id': 1,
      'state.subject': 1,
      'state.agendaNumbers': 1,
      'state.status': 1,
      'state.runs': 1,
    }).lean<ProjectedActive[]>();
    return docs.map((doc) => ({
      id: doc.state.id ?? String(doc._id),
      flowId: doc.flowId,
      subject: doc.state.subject ?? '',
      agendaNumbers: doc.state.agendaNumbers ?? {},
      status: doc.state.status ?? 'active',
      runs: doc.state.runs ?? [],
    }));
  }
}
