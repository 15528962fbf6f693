import type { OutgoingFile } from '../../chat/types.js';
import type { FileStore } from '../../core/ports.js';
import type { Instance, Prompt, StepRun } from '../../core/engine/types.js';
import { latestFile } from '../../core/engine/task-prompts.js';
import type { Flow } from '../../core/flow/model.js';
import type { PersonId } from '../../core/ids.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { SavedChange } from '../../core/service/sop-service.js';
import type { Reader, Translator } from '../../i18n/translator.js';
import type { Logger } from '../../logger.js';
import { authenticatedList, authenticatedXlsx, type AuthenticatedList } from './authenticated-list.js';
import { readPpkContent } from './content.js';
import type { PpkRegisterStore, RegisterUnit } from './register-store.js';
import { verifiedListStep } from './steps.js';
import { XLSX_MIME } from './upload-handler.js';

export interface LifecycleDeps {
  flow(id: string): Flow | undefined;
  org: () => OrgDirectory;
  register: PpkRegisterStore;
  translator: Translator;
  readerFor: (personId: PersonId) => Promise<Reader>;
  /** Where the generated file is kept, and how it is sent (through the outbox). */
  files: FileStore;
  send: (prompts: Prompt[]) => Promise<void>;
  logger: Logger;
}

/**
 * Reacts to saved changes: a verification approved (step 6) makes the list the unit's last verified
 * one; an authentication checklist done (step 7) updates the register and sends the performer the
 * authenticated list as XLSX.
 */
export function createPpkLifecycle(deps: LifecycleDeps): (change: SavedChange) => Promise<void> {
  return async ({ instance, endedRuns }) => {
    const flow = deps.flow(instance.flowId);
    if (!flow) return;
    for (const run of endedRuns) {
      try {
        if (run.outcome === 'approved') await onVerified(deps, flow, instance, run);
        if (run.outcome === 'completed') await onAuthenticated(deps, flow, instance, run);
      } catch (error) {
        deps.logger.error(
          { err: error, instanceId: instance.id, runId: run.runId },
          'PPK list follow-up failed',
        );
      }
    }
  };
}

async function onVerified(deps: LifecycleDeps, flow: Flow, instance: Instance, run: StepRun): Promise<void> {
  const step = flow.steps.find((s) => s.id === run.stepId);
  const source = step && verifiedListStep(flow, step);
  if (!source) return;
  const file = latestFile(instance, source.id);
  const content = readPpkContent(file?.content);
  if (!file || !content) return;
  await deps.register.saveVerified({
    unitId: instance.requesterUnitId,
    instanceId: instance.id,
    ...(instance.agendaNumbers.incoming ? { agendaNumber: instance.agendaNumbers.incoming } : {}),
    fileId: file.fileId,
    fileName: file.name,
    entries: content.entries,
    verifiedAt: run.endedAt ?? new Date().toISOString(),
    verifiedBy: run.actorId ?? 'system',
  });
  deps.logger.info(
    { instanceId: instance.id, unitId: instance.requesterUnitId, rows: content.entries.length },
    'PPK list verified',
  );
}

async function onAuthenticated(
  deps: LifecycleDeps,
  flow: Flow,
  instance: Instance,
  run: StepRun,
): Promise<void> {
  const list = authenticatedList(flow, instance, run);
  if (!list) return;
  const at = run.endedAt ?? new Date().toISOString();
  const by = run.actorId ?? 'system';
  const unit: RegisterUnit = {
    unitId: instance.requesterUnitId,
    unitName: deps.org().unit(instance.requesterUnitId)?.name ?? instance.requesterUnitId,
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
  await deps.register.saveUnit(unit);
  deps.logger.info(
    {
      instanceId: instance.id,
      unitId: unit.unitId,
      authenticated: list.authenticated.length,
      failed: list.failed.length,
    },
    'SPSE register updated from an authenticated list',
  );
  if (run.actorId) {
    const file = await authenticatedFile(deps.translator, await deps.readerFor(run.actorId), instance, list);
    const stored = await deps.files.put(file.bytes, {
      name: file.name,
      mimeType: file.mimeType,
      uploadedBy: 'system',
      uploadedAt: new Date(at),
    });
    // Stored, then sent like any message: paced, retried, and `/daftar` sends it again on request.
    await deps.send([
      {
        id: `${instance.id}:${run.runId}:authenticated-list`,
        to: run.actorId,
        instanceId: instance.id,
        runId: run.runId,
        kind: 'notice',
        lines: [
          {
            key: 'ppk-authenticated-caption',
            params: {
              count: list.authenticated.length,
              failed: list.failed.length,
              agenda: instance.agendaNumbers.incoming ?? '-',
            },
          },
        ],
        actions: [],
        file: { fileId: stored.fileId, name: stored.name, mimeType: stored.mimeType },
      },
    ]);
  }
}

/** The authenticated list as the file people get: named and captioned in the reader's language. */
export async function authenticatedFile(
  translator: Translator,
  reader: Reader,
  instance: Instance,
  list: AuthenticatedList,
): Promise<OutgoingFile> {
  const t = (key: string, params?: Record<string, string | number>) =>
    translator.format({ key, ...(params ? { params } : {}) }, reader);
  const date = (list.run.endedAt ?? instance.updatedAt).slice(0, 10);
  return {
    name: t('ppk-authenticated-file', { unit: instance.requesterUnitId, date }),
    mimeType: XLSX_MIME,
    bytes: await authenticatedXlsx(list.authenticated, t('ppk-authenticated-sheet')),
    caption: t('ppk-authenticated-caption', {
      count: list.authenticated.length,
      failed: list.failed.length,
      agenda: instance.agendaNumbers.incoming ?? '-',
    }),
  };
}
