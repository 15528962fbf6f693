import type { FileContentHandler, FileHandlerContext } from '../../chat/contributions.js';
import type { OutgoingFile } from '../../chat/types.js';
import type { Clock } from '../../core/ports.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import { checkPpkFile } from '../../files/ppk/check-ppk-file.js';
import { diffPpkLists, findRegisterDuplicates } from '../../files/ppk/diff.js';
import { exportXlsx } from '../../files/ppk/export.js';
import type { PpkLimits } from '../../files/ppk/limits.js';
import { issueMessage } from '../../files/ppk/messages.js';
import type { PpkEntry, PpkIssue } from '../../files/ppk/types.js';
import type { PpkSummary } from '../../files/ppk/validate-rows.js';
import type { Reader, Translator } from '../../i18n/translator.js';
import {
  accountChecklist,
  storedDiff,
  storedSummary,
  type DiffBasis,
  type PpkListContent,
  type StoredDuplicate,
} from './content.js';
import { ERRORS_IN_MESSAGE, errorLines, reviewLines, uploadSummaryLines } from './lines.js';
import type { PpkRegisterStore } from './register-store.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface UploadHandlerDeps {
  register: PpkRegisterStore;
  translator: Translator;
  clock: Clock;
  org: () => OrgDirectory;
  limits?: Partial<PpkLimits>;
}

/**
 * The `ppk-list` file handler: reads and validates the upload; an invalid list gets every error
 * (and a report file when the list is long) and nothing is stored; a valid one gets its summary, and
 * is stored with its entries, the diff against the unit's last verified list and the duplicates in
 * the register, as one version of the step's output.
 */
export function createPpkListHandler(deps: UploadHandlerDeps): FileContentHandler {
  return async (bytes, name, context) => {
    const result = await checkPpkFile(bytes, name, deps.limits, { today: deps.clock.now() });
    if (!result.valid) {
      const errors = errorLines(result.errors, deps.translator);
      if (result.errors.length <= ERRORS_IN_MESSAGE) return { ok: false, errors };
      return {
        ok: false,
        errors,
        report: await errorReport(result.errors, name, deps.translator, context.reader),
      };
    }
    const content = await listContent(deps, context, name, result.entries, result.summary);
    return {
      ok: true,
      content: content as unknown as Record<string, unknown>,
      summary: uploadSummaryLines(content),
    };
  };
}

async function listContent(
  deps: UploadHandlerDeps,
  context: FileHandlerContext,
  name: string,
  entries: PpkEntry[],
  summary: PpkSummary,
): Promise<PpkListContent> {
  const { instance, run } = context;
  const unitId = instance.requesterUnitId;
  const verified = await deps.register.lastVerified(unitId);
  const basis: DiffBasis | null = verified
    ? {
        instanceId: verified.instanceId,
        fileName: verified.fileName,
        verifiedAt: verified.verifiedAt,
        ...(verified.agendaNumber ? { agendaNumber: verified.agendaNumber } : {}),
      }
    : null;
  const diff = storedDiff(diffPpkLists(verified?.entries ?? [], entries), basis);
  const units = await deps.register.units();
  const unitNames = new Map(units.map((u) => [u.unitId, u.unitName]));
  const registerEntries = units.flatMap((u) =>
    u.accounts.map((a) => ({ nip: a.nip, role: a.role, unit: u.unitId })),
  );
  const duplicates: StoredDuplicate[] = findRegisterDuplicates(entries, registerEntries, unitId).map((d) => ({
    ...d,
    otherUnitName: unitNames.get(d.otherUnit) ?? d.otherUnit,
  }));
  // Versions count every upload of the step in this instance, earlier runs (before a return) included.
  const version =
    instance.runs.filter((r) => r.stepId === run.stepId).reduce((sum, r) => sum + r.files.length, 0) + 1;
  const base = {
    kind: 'ppk-list' as const,
    version,
    entries,
    summary: storedSummary(summary),
    diff,
    duplicates,
  };
  const uploader = deps.org().person(context.personId)?.name ?? context.personId;
  return {
    ...base,
    lines: reviewLines(base, { name, uploadedAt: deps.clock.now().toISOString(), uploaderName: uploader }),
    checklist: accountChecklist(entries),
  };
}

/** Every error as an XLSX sheet (row, column, message) in the reader's language. */
async function errorReport(
  errors: readonly PpkIssue[],
  name: string,
  translator: Translator,
  reader: Reader,
): Promise<OutgoingFile> {
  const t = (key: string, params?: Record<string, string | number>) =>
    translator.format({ key, ...(params ? { params } : {}) }, reader);
  const bytes = await exportXlsx({
    sheetName: t('ppk-report-sheet'),
    columns: [
      { key: 'row', header: t('ppk-report-col-row'), width: 8 },
      { key: 'column', header: t('ppk-report-col-column'), width: 24 },
      { key: 'message', header: t('ppk-report-col-message'), width: 100 },
    ],
    rows: errors.map((issue) => ({ row: issue.row, column: issue.column, message: issueMessage(issue, t) })),
  });
  return {
    name: t('ppk-report-file'),
    mimeType: XLSX_MIME,
    bytes: Buffer.from(bytes),
    caption: t('ppk-report-caption', { count: errors.length, name }),
  };
}
