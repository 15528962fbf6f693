import type { Instance, StepRun } from '../../core/engine/types.js';
import { latestFile } from '../../core/engine/task-prompts.js';
import type { Flow } from '../../core/flow/model.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import { authenticatedList, type AuthenticatedList } from './authenticated-list.js';
import { readPpkContent } from './content.js';
import type { RegisterUnit, VerifiedList } from './register-store.js';
import { verifiedListStep } from './steps.js';

/**
 * What the register and the verified lists must hold after a run, derived from the instance alone
 * (its runs and files): the same run always gives the same update, so applying it again after a
 * crash, or at start, changes nothing that was already applied.
 */

/** The unit's verified list after an approved verification (step 6), if the run is one. */
export function verifiedListOf(flow: Flow, instance: Instance, run: StepRun): VerifiedList | undefined {
  if (run.outcome !== 'approved') return undefined;
  const step = flow.steps.find((s) => s.id === run.stepId);
  const source = step && verifiedListStep(flow, step);
  if (!source) return undefined;
  const file = latestFile(instance, source.id);
  const content = readPpkContent(file?.content);
  if (!file || !content) return undefined;
  return {
    unitId: instance.requesterUnitId,
    instanceId: instance.id,
    ...(instance.agendaNumbers.incoming ? { agendaNumber: instance.agendaNumbers.incoming } : {}),
    fileId: file.fileId,
    fileName: file.name,
    entries: content.entries,
    verifiedAt: run.endedAt ?? instance.updatedAt,
    verifiedBy: run.actorId ?? 'system',
  };
}

/** The unit's register entry after a completed authentication checklist (step 7), if the run is one. */
export function registerUnitOf(
  org: OrgDirectory,
  flow: Flow,
  instance: Instance,
  run: StepRun,
): { unit: RegisterUnit; list: AuthenticatedList } | undefined {
  if (run.outcome !== 'completed') return undefined;
  const list = authenticatedList(flow, instance, run);
  if (!list) return undefined;
  const at = run.endedAt ?? instance.updatedAt;
  const by = run.actorId ?? 'system';
  const unit: RegisterUnit = {
    unitId: instance.requesterUnitId,
    unitName: org.unit(instance.requesterUnitId)?.name ?? instance.requesterUnitId,
    accounts: list.authenticated.map(({ rowNumber: _row, ...entry }) => ({
      ...entry,
      authenticatedAt: at,
      authenticatedBy: by,
    })),
    updatedAt: at,
    source: {
      instanceId: instance.id,
      fileName: list.fileName,
      ...(instance.agendaNumbers.incoming ? { agendaNumber: instance.agendaNumbers.incoming } : {}),
    },
  };
  return { unit, list };
}
