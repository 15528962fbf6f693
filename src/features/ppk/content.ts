import { createHash } from 'node:crypto';
import type { MessageRef } from '../../core/i18n.js';
import type { PpkChange, PpkDiff, RegisterDuplicate } from '../../files/ppk/diff.js';
import type { PpkEntry, PpkField } from '../../files/ppk/types.js';
import type { PpkSummary } from '../../files/ppk/validate-rows.js';
import { entryKey } from '../../files/ppk/validate-rows.js';

/** The summary as stored: JSON-safe (the total pagu, a bigint, as a string of digits). */
export type StoredSummary = Omit<PpkSummary, 'totalPagu'> & { totalPagu: string };

/** The list a diff was made against: the unit's last verified list. */
export interface DiffBasis {
  instanceId: string;
  agendaNumber?: string;
  fileName: string;
  verifiedAt: string;
}

export interface StoredDiff {
  /** Null when the unit had no verified list yet (every row is new). */
  basis: DiffBasis | null;
  added: Array<{ row: number; key: string }>;
  removed: PpkEntry[];
  changed: Array<{
    row: number;
    key: string;
    fields: PpkField[];
    before: Partial<Record<PpkField, string | number | null>>;
  }>;
  unchanged: number;
}

export type StoredDuplicate = RegisterDuplicate & { otherUnitName: string };

/**
 * What is stored with a valid PPK list upload (FileRef.content). `lines` and `checklist` are the
 * engine's generic fields: lines shown to the verifier, and one checklist item per account.
 */
export interface PpkListContent {
  kind: 'ppk-list';
  version: number;
  entries: PpkEntry[];
  summary: StoredSummary;
  diff: StoredDiff;
  duplicates: StoredDuplicate[];
  lines: MessageRef[];
  checklist: Array<{ id: string; label: string }>;
}

export function storedSummary(summary: PpkSummary): StoredSummary {
  return { ...summary, totalPagu: summary.totalPagu.toString() };
}

export function storedDiff(diff: PpkDiff, basis: DiffBasis | null): StoredDiff {
  return {
    basis,
    added: diff.added.map((entry) => ({ row: entry.rowNumber, key: entryKey(entry) })),
    removed: diff.removed,
    changed: diff.changed.map((change: PpkChange) => ({
      row: change.after.rowNumber,
      key: change.key,
      fields: change.fields,
      before: Object.fromEntries(change.fields.map((field) => [field, change.before[field]])),
    })),
    unchanged: diff.unchanged,
  };
}

/** A checklist item id for an account (NIP + role + package): short, stable, free of separators. */
export function accountItemId(entry: Pick<PpkEntry, 'nip' | 'role' | 'packageName' | 'fiscalYear'>): string {
  return createHash('sha256').update(entryKey(entry)).digest('hex').slice(0, 16);
}

/** "198503152010121002 · PPK · Pengadaan Laptop Kantor": what the authenticator looks up in SPSE. */
export function accountLabel(entry: Pick<PpkEntry, 'nip' | 'role' | 'packageName'>): string {
  return [entry.nip, entry.role, entry.packageName]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
}

/** One item per account; the same account twice in a list is one item. */
export function accountChecklist(entries: readonly PpkEntry[]): Array<{ id: string; label: string }> {
  const seen = new Set<string>();
  const items: Array<{ id: string; label: string }> = [];
  for (const entry of entries) {
    const id = accountItemId(entry);
    if (seen.has(id)) continue;
    seen.add(id);
    items.push({ id, label: accountLabel(entry) });
  }
  return items;
}

/** The PPK content of a stored file, when it has one (content is stored data: checked, not cast blindly). */
export function readPpkContent(content: Record<string, unknown> | undefined): PpkListContent | undefined {
  if (!content || content['kind'] !== 'ppk-list' || !Array.isArray(content['entries'])) return undefined;
  if (typeof content['summary'] !== 'object' || typeof content['diff'] !== 'object') return undefined;
  return content as unknown as PpkListContent;
}
