/**
 * What changed between a unit's last verified list and a new one (for the verifier at step 6), and which
 * people already hold the same role for another unit in the register.
 *
 * Rows are matched by NIP + role + package (package name ignoring case and spacing, within its fiscal
 * year): a row in both lists whose other fields differ is "changed", with the fields named.
 */
import type { PpkRole } from './roles.js';
import { foldWhitespace } from './text.js';
import type { PpkEntry, PpkField } from './types.js';
import { entryKey } from './validate-rows.js';

export interface PpkChange {
  key: string;
  before: PpkEntry;
  after: PpkEntry;
  fields: PpkField[];
}

export interface PpkDiff {
  added: PpkEntry[];
  removed: PpkEntry[];
  changed: PpkChange[];
  unchanged: number;
}

/** Fields compared for "changed" (the key fields NIP, role, package and year are not among them). */
export const COMPARED_FIELDS = [
  'name',
  'position',
  'email',
  'phone',
  'workUnit',
  'packageName',
  'pagu',
  'decreeNumber',
] as const satisfies readonly PpkField[];

export function diffPpkLists(previous: readonly PpkEntry[], current: readonly PpkEntry[]): PpkDiff {
  const before = new Map<string, PpkEntry>();
  for (const entry of previous) if (!before.has(entryKey(entry))) before.set(entryKey(entry), entry);

  const added: PpkEntry[] = [];
  const changed: PpkChange[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const entry of current) {
    const key = entryKey(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    const old = before.get(key);
    if (old === undefined) {
      added.push(entry);
      continue;
    }
    const fields = COMPARED_FIELDS.filter((field) => old[field] !== entry[field]);
    if (fields.length === 0) unchanged += 1;
    else changed.push({ key, before: old, after: entry, fields });
  }
  const removed = [...before.entries()].filter(([key]) => !seen.has(key)).map(([, entry]) => entry);
  return { added, removed, changed, unchanged };
}

/** One person in one role for one unit, as the register (the SOP's "Pencatatan dan Pendataan") keeps it. */
export interface RegisterEntry {
  nip: string;
  role: PpkRole;
  unit: string;
}

export interface RegisterDuplicate {
  /** Row of the new list. */
  row: number;
  nip: string;
  name: string;
  role: PpkRole;
  otherUnit: string;
}

const unitKey = (unit: string): string => foldWhitespace(unit).toLowerCase();

/**
 * Rows of the new list whose NIP already holds the same role for another unit in the register. `ownUnit`
 * is the unit the list belongs to; its own register entries are not duplicates.
 */
export function findRegisterDuplicates(
  entries: readonly PpkEntry[],
  register: Iterable<RegisterEntry>,
  ownUnit: string,
): RegisterDuplicate[] {
  const own = unitKey(ownUnit);
  const others = new Map<string, string[]>();
  for (const item of register) {
    if (unitKey(item.unit) === own) continue;
    const key = `${item.nip}|${item.role}`;
    const units = others.get(key) ?? [];
    if (!units.some((unit) => unitKey(unit) === unitKey(item.unit))) units.push(item.unit);
    others.set(key, units);
  }
  const duplicates: RegisterDuplicate[] = [];
  const reported = new Set<string>();
  for (const entry of entries) {
    const key = `${entry.nip}|${entry.role}`;
    for (const otherUnit of others.get(key) ?? []) {
      const once = `${key}|${unitKey(otherUnit)}`;
      if (reported.has(once)) continue;
      reported.add(once);
      duplicates.push({
        row: entry.rowNumber,
        nip: entry.nip,
        name: entry.name,
        role: entry.role,
        otherUnit,
      });
    }
  }
  return duplicates;
}
