/**
 * `pandu register export [--format xlsx|csv] [--out FILE]`: the SPSE register (every unit, every
 * authenticated account) as one table, formula-safe. Without --out the file is written to
 * `register-spse-<date>.<format>` in the current directory; `--out -` writes a CSV to stdout.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Clock } from '../../core/ports.js';
import { exportCsv, exportXlsx, type ExportTable } from '../../files/ppk/export.js';
import { phoneForDisplay } from '../../files/ppk/phone.js';
import type { Reader, Translator } from '../../i18n/translator.js';
import type { TextOutput } from '../feature.js';
import type { PpkRegisterStore, RegisterUnit } from './register-store.js';
import { groupOf } from './register-view.js';

export interface RegisterExportDeps {
  translator: Translator;
  /** The language and zone of the output (the service's defaults). */
  reader: Reader;
  clock: Clock;
  register: PpkRegisterStore;
}

type Parsed =
  | { ok: true; format: 'xlsx' | 'csv'; out: string | undefined; help: boolean }
  | { ok: false; problem: string };

function parseArgs(
  argv: readonly string[],
  t: (key: string, params?: Record<string, string>) => string,
): Parsed {
  let format: 'xlsx' | 'csv' = 'xlsx';
  let out: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (name === '--help' || name === '-h') help = true;
    else if (name === '--format' || name === '--out') {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '')
        return { ok: false, problem: t('ppk-register-export-missing-value', { option: name }) };
      if (name === '--out') out = value;
      else if (value === 'xlsx' || value === 'csv') format = value;
      else return { ok: false, problem: t('ppk-register-export-bad-format', { format: value }) };
    } else return { ok: false, problem: t('ppk-register-export-unknown-option', { option: arg }) };
  }
  return { ok: true, format, out, help };
}

/** The register as a table; column headers and group names in the reader's language. */
export function registerTable(
  units: readonly RegisterUnit[],
  t: (key: string, params?: Record<string, string>) => string,
): ExportTable {
  const columns = [
    ['unitId', 'unit-id', 18],
    ['unitName', 'unit', 36],
    ['group', 'group', 22],
    ['nip', 'nip', 22],
    ['name', 'name', 30],
    ['position', 'position', 30],
    ['role', 'role', 20],
    ['email', 'email', 32],
    ['phone', 'phone', 18],
    ['workUnit', 'work-unit', 30],
    ['packageName', 'package', 40],
    ['pagu', 'pagu', 22],
    ['fiscalYear', 'year', 14],
    ['decreeNumber', 'decree', 26],
    ['authenticatedAt', 'authenticated-at', 20],
    ['agenda', 'agenda', 34],
  ] as const;
  return {
    sheetName: t('ppk-register-sheet'),
    columns: columns.map(([key, header, width]) => ({
      key,
      header: t(`ppk-register-col-${header}`),
      width,
      ...(key === 'pagu' ? { numFmt: '"Rp" #,##0' } : {}),
    })),
    rows: units.flatMap((unit) =>
      unit.accounts.map((account) => ({
        unitId: unit.unitId,
        unitName: unit.unitName,
        group: t('ppk-register-group-name', { group: groupOf(account.role) }),
        nip: account.nip,
        name: account.name,
        position: account.position,
        role: account.role,
        email: account.email,
        phone: phoneForDisplay(account.phone),
        workUnit: account.workUnit,
        packageName: account.packageName,
        pagu: account.pagu,
        fiscalYear: account.fiscalYear,
        decreeNumber: account.decreeNumber,
        authenticatedAt: account.authenticatedAt.slice(0, 10),
        agenda: unit.source.agendaNumber ?? '',
      })),
    ),
  };
}

/** `argv` is what follows `register export`. Exit codes: 0 written, 2 usage error or unwritable file. */
export async function runRegisterExport(
  argv: string[],
  out: TextOutput,
  deps: RegisterExportDeps,
  options: { cwd?: string } = {},
): Promise<number> {
  const t = (key: string, params?: Record<string, string>) =>
    deps.translator.format({ key, ...(params ? { params } : {}) }, deps.reader);
  const args = parseArgs(argv, t);
  if (!args.ok) {
    out.stderr(args.problem);
    out.stderr(t('ppk-register-export-usage'));
    return 2;
  }
  if (args.help) {
    out.stdout(t('ppk-register-export-usage'));
    return 0;
  }
  const units = await deps.register.units();
  const table = registerTable(units, t);
  const accounts = String(table.rows.length);
  if (args.out === '-') {
    if (args.format !== 'csv') {
      out.stderr(t('ppk-register-export-stdout-csv'));
      return 2;
    }
    for (const line of new TextDecoder()
      .decode(exportCsv(table, { bom: false }))
      .split('\r\n')
      .slice(0, -1))
      out.stdout(line);
    return 0;
  }
  const date = deps.clock.now().toISOString().slice(0, 10);
  const path = resolve(options.cwd ?? process.cwd(), args.out ?? `register-spse-${date}.${args.format}`);
  const bytes = args.format === 'xlsx' ? await exportXlsx(table) : exportCsv(table);
  try {
    await writeFile(path, bytes);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    out.stderr(t('ppk-register-export-failed', { file: path, reason }));
    return 2;
  }
  out.stdout(t('ppk-register-export-done', { units: String(units.length), accounts, file: path }));
  return 0;
}
