import type { Instance, StepRun } from '../../core/engine/types.js';
import { latestFile } from '../../core/engine/task-prompts.js';
import type { Flow, FlowStep } from '../../core/flow/model.js';
import { exportXlsx, ppkEntriesTable } from '../../files/ppk/export.js';
import type { PpkEntry } from '../../files/ppk/types.js';
import { accountItemId, readPpkContent, type PpkListContent } from './content.js';
import { authenticatedListStep } from './steps.js';

export interface AuthenticatedList {
  step: FlowStep;
  run: StepRun;
  content: PpkListContent;
  fileName: string;
  authenticated: PpkEntry[];
  failed: Array<{ entry: PpkEntry; reason: string }>;
}

/**
 * The outcome of an authentication checklist run: the list it worked from, the accounts ticked as
 * authenticated and those marked failed (with their reasons). The same account on several rows is
 * one item: every row of it follows the item.
 */
export function authenticatedList(
  flow: Flow,
  instance: Instance,
  run: StepRun,
): AuthenticatedList | undefined {
  const step = flow.steps.find((s) => s.id === run.stepId);
  const source = step && authenticatedListStep(flow, step);
  if (!step || !source) return undefined;
  const file = latestFile(instance, source.id);
  const content = readPpkContent(file?.content);
  if (!file || !content) return undefined;
  const failedBy = new Map((run.failed ?? []).map((f) => [f.itemId, f.reason]));
  const authenticated: PpkEntry[] = [];
  const failed: AuthenticatedList['failed'] = [];
  for (const entry of content.entries) {
    const id = accountItemId(entry);
    if (run.checked.includes(id)) authenticated.push(entry);
    const reason = failedBy.get(id);
    if (reason !== undefined) failed.push({ entry, reason });
  }
  return { step, run, content, fileName: file.name, authenticated, failed };
}

/** The latest completed authentication run of an instance, if any. */
export function completedAuthentication(flow: Flow, instance: Instance): AuthenticatedList | undefined {
  for (const run of [...instance.runs].reverse()) {
    if (run.outcome !== 'completed') continue;
    const list = authenticatedList(flow, instance, run);
    if (list) return list;
  }
  return undefined;
}

/** The authenticated accounts as XLSX with the template's columns (formula-safe: it can be uploaded again). */
export async function authenticatedXlsx(entries: readonly PpkEntry[], sheetName: string): Promise<Buffer> {
  return Buffer.from(await exportXlsx(ppkEntriesTable(entries, sheetName)));
}
