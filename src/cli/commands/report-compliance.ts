import { writeFile } from 'node:fs/promises';
import type { Flow } from '../../core/flow/model.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { AnyOfficeCalendar } from '../../core/time/index.js';
import type { ComplianceSource } from '../../features/reports/compliance-source.js';
import { complianceJson } from '../../features/reports/compliance-json.js';
import { computeCompliance } from '../../features/reports/compliance-report.js';
import { complianceText } from '../../features/reports/compliance-text.js';
import { complianceXlsx } from '../../features/reports/compliance-xlsx.js';
import { ReportInputError } from '../../features/reports/report-errors.js';
import { parseReportPeriod } from '../../features/reports/report-period.js';
import { checkScope, type ReportScope } from '../../features/reports/report-scope.js';
import type { ReportTexts } from '../../features/reports/report-texts.js';
import type { CliOutput } from '../output.js';

export interface ReportComplianceDeps {
  /** Every flow the service runs, in its order. */
  flows: readonly Flow[];
  org: OrgDirectory;
  calendarFor: (flow: Flow) => AnyOfficeCalendar;
  source: ComplianceSource;
  now: Date;
  /** The office's zone: the period's days are its local days. */
  timeZone: string;
  texts: ReportTexts;
  /** Where `--xlsx FILE` is written (default: the file system). */
  writeFile?: (path: string, bytes: Uint8Array) => Promise<void>;
}

const VALUE_OPTIONS = ['--from', '--to', '--unit', '--flow', '--person', '--xlsx'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

interface Args {
  values: Partial<Record<ValueOption, string>>;
  json: boolean;
  help: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const values: Args['values'] = {};
  let json = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '--json') json = true;
    else if (name === '--help' || name === '-h') help = true;
    else if ((VALUE_OPTIONS as readonly string[]).includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
        throw new ReportInputError('missing-value', { option: name });
      }
      values[name as ValueOption] = value;
    } else throw new ReportInputError('unknown-option', { option: arg });
  }
  return { values, json, help };
}

function scopeOf(values: Args['values'], org: OrgDirectory): ReportScope {
  if (values['--unit'] !== undefined && values['--person'] !== undefined) {
    throw new ReportInputError('conflicting-options', { first: '--unit', second: '--person' });
  }
  if (values['--unit'] !== undefined) return checkScope({ kind: 'unit', unitId: values['--unit'] }, org);
  if (values['--person'] !== undefined)
    return checkScope({ kind: 'person', personId: values['--person'] }, org);
  return { kind: 'all' };
}

function flowsOf(values: Args['values'], flows: readonly Flow[]): Flow[] {
  const wanted = values['--flow'];
  if (wanted === undefined) return [...flows];
  const flow = flows.find((f) => f.id === wanted);
  if (!flow) {
    throw new ReportInputError('unknown-flow', { flow: wanted, known: flows.map((f) => f.id).join(', ') });
  }
  return [flow];
}

/**
 * `pandu report compliance [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--unit ID | --person ID]
 * [--flow ID] [--json] [--xlsx FILE]`: compliance with the Mutu Baku's standard times (see
 * src/features/reports/compliance-report.ts). Prints a table in the office's language; with
 * `--json` the last line is `{ instances, steps: [...] }` (compliance-json.ts); `--xlsx` also
 * writes the same tables as a workbook. Exit codes: 0 done, 1 bad input (a date that is not one
 * or is out of range, a period backwards or too long, an unknown unit, person or flow; nothing is
 * read), 2 usage (an unknown option, a missing value, --unit with --person) or an unwritable file.
 */
export async function runReportCompliance(
  argv: string[],
  out: CliOutput,
  deps: ReportComplianceDeps,
): Promise<number> {
  const { t } = deps.texts;
  let args: Args;
  let period: ReturnType<typeof parseReportPeriod>;
  let scope: ReportScope;
  let flows: Flow[];
  try {
    args = parseArgs(argv);
    if (args.help) {
      out.stdout(t('report-usage'));
      return 0;
    }
    period = parseReportPeriod(
      { from: args.values['--from'], to: args.values['--to'] },
      deps.timeZone,
      deps.now,
    );
    scope = scopeOf(args.values, deps.org);
    flows = flowsOf(args.values, deps.flows);
  } catch (error) {
    if (!(error instanceof ReportInputError)) throw error;
    out.stderr(`✖ ${t(error.messageKey, error.params)}`);
    const usage = ['unknown-option', 'missing-value', 'conflicting-options'].includes(error.code);
    if (usage) out.stderr(t('report-usage'));
    return usage ? 2 : 1;
  }
  const facts = await deps.source.factsBetween(period.from, period.to, { flowIds: flows.map((f) => f.id) });
  const report = computeCompliance({
    facts,
    flows,
    org: deps.org,
    period,
    scope,
    calendarFor: deps.calendarFor,
  });
  for (const line of complianceText(report, deps.org, deps.texts)) out.stdout(line);
  const xlsxPath = args.values['--xlsx'];
  if (xlsxPath !== undefined) {
    try {
      await (deps.writeFile ?? writeFile)(xlsxPath, await complianceXlsx(report, deps.org, deps.texts));
      out.stdout(t('report-xlsx-written', { file: xlsxPath }));
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
      out.stderr(`✖ ${t('report-xlsx-failed', { file: xlsxPath, reason })}`);
      return 2;
    }
  }
  if (args.json) out.stdout(JSON.stringify(complianceJson(report)));
  return 0;
}
