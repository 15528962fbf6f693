/**
 * Validates every row of a parsed sheet and reports every problem at once, as codes with parameters:
 * first each row alone (the zod row schema), then the rules that span fields (package and pagu by role)
 * and rows (duplicates, one name per NIP, one pagu per package).
 */
import { PPK_ROW_ERROR_CODES } from './error-codes.js';
import type { PpkRowErrorCode } from './error-codes.js';
import { defaultFiscalYearRange } from './fiscal-year.js';
import type { FiscalYearRange } from './fiscal-year.js';
import type { ColumnMap } from './columns.js';
import { cellIssue, compareIssues } from './issues.js';
import { PPK_ROLES, normaliseRole, roleNeedsPackage } from './roles.js';
import type { PpkRole } from './roles.js';
import { buildRowSchema } from './row-schema.js';
import type { CellInput, RowInput } from './row-schema.js';
import { formatRupiah } from './rupiah.js';
import { foldWhitespace } from './text.js';
import { PPK_FIELDS } from './types.js';
import type { ParsedRow, ParsedSheet, PpkEntry, PpkField, PpkIssue, PpkIssueParams } from './types.js';

export interface ValidateOptions {
  /** "Now" for the NIP and fiscal-year checks. */
  today?: Date;
  /** Accepted tahun anggaran; default five years back to next year. */
  fiscalYears?: FiscalYearRange;
}

export interface PpkSummary {
  rows: number;
  /** Distinct NIPs. */
  people: number;
  /** Distinct NIPs per role, in the order of PPK_ROLES, roles with nobody left out. */
  peopleByRole: Array<{ role: PpkRole; count: number }>;
  /** Distinct packages (name, ignoring case and spacing, within a fiscal year). */
  packages: number;
  /** Sum of the pagu of each distinct package (a package's pagu is repeated on each of its rows). */
  totalPagu: bigint;
  fiscalYears: number[];
}

export type ValidationResult =
  { valid: true; entries: PpkEntry[]; summary: PpkSummary } | { valid: false; errors: PpkIssue[] };

const ROW_CODES: ReadonlySet<string> = new Set(PPK_ROW_ERROR_CODES);
const isRowCode = (code: string): code is PpkRowErrorCode => ROW_CODES.has(code);
const isField = (key: unknown): key is PpkField =>
  typeof key === 'string' && (PPK_FIELDS as readonly string[]).includes(key);

/** Identifies a package within a list: its name folded to lower case, and its fiscal year. */
export function packageKey(packageName: string | null, fiscalYear: number): string {
  return packageName === null ? '' : `${foldWhitespace(packageName).toLowerCase()}|${fiscalYear}`;
}

/** Identifies a row of the list: the same person in the same role for the same package is one entry. */
export function entryKey(entry: Pick<PpkEntry, 'nip' | 'role' | 'packageName' | 'fiscalYear'>): string {
  return `${entry.nip}|${entry.role}|${packageKey(entry.packageName, entry.fiscalYear)}`;
}

function rowInput(row: ParsedRow, columns: ColumnMap): RowInput {
  const cell = (field: PpkField): CellInput => {
    const header = columns[field];
    return { text: row.cells[header] ?? '', number: row.numbers?.[header] };
  };
  return {
    nip: cell('nip'),
    name: cell('name'),
    position: cell('position'),
    role: cell('role'),
    email: cell('email'),
    phone: cell('phone'),
    workUnit: cell('workUnit'),
    packageName: cell('packageName'),
    pagu: cell('pagu'),
    fiscalYear: cell('fiscalYear'),
    decreeNumber: cell('decreeNumber'),
  };
}

function toParams(value: unknown): PpkIssueParams {
  const params: PpkIssueParams = {};
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' || typeof item === 'number') params[key] = item;
    }
  }
  return params;
}

/** Package and pagu go together; roles tied to a package must have both. */
function packageRuleIssues(row: ParsedRow, input: RowInput, columns: ColumnMap): PpkIssue[] {
  const role = normaliseRole(input.role.text);
  const hasPackage = input.packageName.text !== '';
  const hasPagu = input.pagu.text !== '' || input.pagu.number !== undefined;
  const needsBoth = (role !== null && roleNeedsPackage(role)) || hasPackage || hasPagu;
  const issues: PpkIssue[] = [];
  if (needsBoth && !hasPackage)
    issues.push(cellIssue(row.rowNumber, columns.packageName, 'packageName', 'required'));
  if (needsBoth && !hasPagu) issues.push(cellIssue(row.rowNumber, columns.pagu, 'pagu', 'required'));
  return issues;
}

function crossRowIssues(entries: readonly PpkEntry[], columns: ColumnMap): PpkIssue[] {
  const issues: PpkIssue[] = [];
  const firstByKey = new Map<string, PpkEntry>();
  const firstByNip = new Map<string, PpkEntry>();
  const firstByPackage = new Map<string, PpkEntry>();
  for (const entry of entries) {
    const key = entryKey(entry);
    const earlier = firstByKey.get(key);
    if (earlier !== undefined) {
      issues.push(
        cellIssue(entry.rowNumber, columns.nip, 'nip', 'duplicate-row', {
          firstRow: earlier.rowNumber,
          nip: entry.nip,
          role: entry.role,
        }),
      );
      continue;
    }
    firstByKey.set(key, entry);

    const sameNip = firstByNip.get(entry.nip);
    if (sameNip === undefined) firstByNip.set(entry.nip, entry);
    else if (sameNip.name.toLowerCase() !== entry.name.toLowerCase()) {
      issues.push(
        cellIssue(entry.rowNumber, columns.name, 'name', 'nip-name-mismatch', {
          otherRow: sameNip.rowNumber,
          otherName: sameNip.name,
          nip: entry.nip,
        }),
      );
    }

    if (entry.packageName !== null && entry.pagu !== null) {
      const pkg = packageKey(entry.packageName, entry.fiscalYear);
      const samePackage = firstByPackage.get(pkg);
      if (samePackage === undefined) firstByPackage.set(pkg, entry);
      else if (samePackage.pagu !== entry.pagu) {
        issues.push(
          cellIssue(entry.rowNumber, columns.pagu, 'pagu', 'pagu-inconsistent', {
            otherRow: samePackage.rowNumber,
            otherPagu: formatRupiah(samePackage.pagu ?? 0),
            package: entry.packageName,
          }),
        );
      }
    }
  }
  return issues;
}

export function summarise(entries: readonly PpkEntry[]): PpkSummary {
  const people = new Set<string>();
  const byRole = new Map<PpkRole, Set<string>>();
  const packages = new Map<string, number>();
  const years = new Set<number>();
  for (const entry of entries) {
    people.add(entry.nip);
    const holders = byRole.get(entry.role) ?? new Set<string>();
    holders.add(entry.nip);
    byRole.set(entry.role, holders);
    if (entry.packageName !== null && entry.pagu !== null) {
      const key = packageKey(entry.packageName, entry.fiscalYear);
      if (!packages.has(key)) packages.set(key, entry.pagu);
    }
    years.add(entry.fiscalYear);
  }
  let totalPagu = 0n;
  for (const pagu of packages.values()) totalPagu += BigInt(pagu);
  return {
    rows: entries.length,
    people: people.size,
    peopleByRole: PPK_ROLES.filter((role) => byRole.has(role)).map((role) => ({
      role,
      count: byRole.get(role)?.size ?? 0,
    })),
    packages: packages.size,
    totalPagu,
    fiscalYears: [...years].sort((a, b) => a - b),
  };
}

export function validateRows(
  sheet: ParsedSheet,
  columns: ColumnMap,
  options: ValidateOptions = {},
): ValidationResult {
  const today = options.today ?? new Date();
  const schema = buildRowSchema({ today, fiscalYears: options.fiscalYears ?? defaultFiscalYearRange(today) });
  const issues: PpkIssue[] = [];
  const entries: PpkEntry[] = [];

  for (const row of sheet.rows) {
    const input = rowInput(row, columns);
    const parsed = schema.safeParse(input);
    const rowIssues = packageRuleIssues(row, input, columns);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (issue.code !== 'custom' || !isRowCode(issue.message) || !isField(field)) {
          throw new Error(`unexpected validation issue: ${JSON.stringify(issue)}`);
        }
        rowIssues.push(
          cellIssue(row.rowNumber, columns[field], field, issue.message, toParams(issue.params)),
        );
      }
    }
    // Keep each row's issues in template column order.
    rowIssues.sort((a, b) => PPK_FIELDS.indexOf(a.field ?? 'nip') - PPK_FIELDS.indexOf(b.field ?? 'nip'));
    issues.push(...rowIssues);
    if (parsed.success && rowIssues.length === 0) {
      // packageRuleIssues guarantees packageName and pagu are both set or both null here.
      entries.push({ rowNumber: row.rowNumber, ...parsed.data });
    }
  }

  issues.push(...crossRowIssues(entries, columns));
  if (issues.length > 0) return { valid: false, errors: issues.sort(compareIssues) };
  return { valid: true, entries, summary: summarise(entries) };
}
