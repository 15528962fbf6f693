import type { OutgoingFile } from '../../chat/types.js';
import type { FileStore } from '../../core/ports.js';
import type { Instance, Prompt, StepRun } from '../../core/engine/types.js';
import type { Flow } from '../../core/flow/model.js';
import type { PersonId } from '../../core/ids.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { SavedChange } from '../../core/service/sop-service.js';
import type { Reader, Translator } from '../../i18n/translator.js';
import type { Logger } from '../../logger.js';
import { authenticatedXlsx, type AuthenticatedList } from './authenticated-list.js';
import type { PpkRegisterStore } from './register-store.js';
import { registerUnitOf, verifiedListOf } from './register-updates.js';
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
        await applyVerified(deps, flow, instance, run);
        await applyAuthenticated(deps, flow, instance, run);
      } catch (error) {
        deps.logger.error(
          { err: error, instanceId: instance.id, runId: run.runId },
          'PPK list follow-up failed',
        );
      }
    }
  };
}

/** Keeps an approved verification's list as the unit's last verified one (idempotent). */
export async function applyVerified(
  deps: LifecycleDeps,
  flow: Flow,
  instance: Instance,
  run: StepRun,
): Promise<void> {
  const list = verifiedListOf(flow, instance, run);
  if (!list) return;
  await deps.register.saveVerified(list);
  deps.logger.info(
    { instanceId: instance.id, unitId: list.unitId, rows: list.entries.length },
    'PPK list verified',
  );
}

/**
 * Sends the performer the authenticated list, then updates the register (idempotent). The register
 * is written last: while it lags the instance, the start-up repair does both again, and the
 * outbox keeps one message per prompt id, so nobody gets the file twice.
 */
export async function applyAuthenticated(
  deps: LifecycleDeps,
  flow: Flow,
  instance: Instance,
  run: StepRun,
): Promise<void> {
  const derived = registerUnitOf(deps.org(), flow, instance, run);
  if (!derived) return;
  const { unit, list } = derived;
  if (run.actorId) await sendAuthenticatedFile(deps, instance, run, run.actorId, list);
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
}

async function sendAuthenticatedFile(
  deps: LifecycleDeps,
  instance: Instance,
  run: StepRun,
  to: PersonId,
  list: AuthenticatedList,
): Promise<void> {
  const file = await authenticatedFile(deps.translator, await deps.readerFor(to), instance, list);
  const stored = await deps.files.put(file.bytes, {
    name: file.name,
    mimeType: file.mimeType,
    uploadedBy: 'system',
    uploadedAt: new Date(run.endedAt ?? instance.updatedAt),
  });
  // Stored, then sent like any message: paced, retried, and `/daftar` sends it again on request.
  await deps.send([
    {
      id: `${instance.id}:${run.runId}:authenticated-list`,
      to,
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
