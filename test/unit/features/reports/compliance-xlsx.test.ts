import ExcelJS from 'exceljs';
import { loadFlowFile } from '../../../../src/config/flow-files.js';
import { loadOrgFile } from '../../../../src/config/org-file.js';
import { OrgDirectory } from '../../../../src/core/org/org-directory.js';
import { DEFAULT_OFFICE_CALENDAR } from '../../../../src/core/time/index.js';
import { computeCompliance } from '../../../../src/features/reports/compliance-report.js';
import { complianceXlsx } from '../../../../src/features/reports/compliance-xlsx.js';
import { parseReportPeriod } from '../../../../src/features/reports/report-period.js';
import { reportTexts } from '../../../../src/features/reports/report-texts.js';
import { instanceFactsOf } from '../../../../src/features/reports/step-attempts.js';
import { loadTranslator } from '../../../../src/i18n/translator.js';
import { EXAMPLE_ORG_FILE, LOCALES_DIR, SPSE_FLOW_FILE } from '../../../support/paths.js';
import { instance, run } from './support/hand-instances.js';

const base = loadOrgFile(EXAMPLE_ORG_FILE);
// A person whose name is a formula, in a unit whose name starts with @: neither may run.
const org = new OrgDirectory({
  ...base.file,
  units: base.file.units.map((u) => (u.id === 'subbag-tu' ? { ...u, name: '@SUM(A1:A9)' } : u)),
  people: base.file.people.map((p) =>
    p.id === 'tuti' ? { ...p, name: '=HYPERLINK("http://x","klik")' } : p,
  ),
});
const flow = loadFlowFile(SPSE_FLOW_FILE, org.positions);
const translator = loadTranslator(LOCALES_DIR);

async function workbook() {
  const report = computeCompliance({
    facts: [instance([run('agenda-surat-masuk', 1, '2026-11-23 09:00', '2026-11-23 09:04')])].map(
      instanceFactsOf,
    ),
    flows: [flow],
    org,
    period: parseReportPeriod(
      { from: '2026-11-01', to: '2026-11-30' },
      'Asia/Jakarta',
      new Date('2026-12-01T00:00:00Z'),
    ),
    scope: { kind: 'all' },
    calendarFor: () => DEFAULT_OFFICE_CALENDAR,
  });
  const bytes = await complianceXlsx(
    report,
    org,
    reportTexts(translator, { locale: 'id', timeZone: 'Asia/Jakarta' }),
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

describe('the compliance workbook', () => {
  test('one sheet per table, headers in Indonesian, figures as numbers', async () => {
    const book = await workbook();
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Per langkah',
      'Per pelaksana',
      'Per unit',
      'Per minggu',
      'Keterangan',
    ]);
    const steps = book.getWorksheet('Per langkah');
    expect(steps?.getRow(1).getCell(3).value).toBe('Langkah');
    const row = steps?.getRow(3);
    expect(row?.getCell(2).value).toBe('agenda-surat-masuk');
    expect(row?.getCell(4).value).toBe(5);
    expect(row?.getCell(5).value).toBe(1);
    expect(row?.getCell(6).value).toBe(4);
    expect(row?.getCell(10).value).toBe(1);
    expect(row?.getCell(10).numFmt).toBe('0%');
  });

  test('text that could run as a formula is written as text with a leading apostrophe', async () => {
    const book = await workbook();
    const performer = book.getWorksheet('Per pelaksana')?.getRow(2);
    expect(performer?.getCell(2).value).toBe(`'=HYPERLINK("http://x","klik")`);
    expect(book.getWorksheet('Per unit')?.getRow(2).getCell(2).value).toBe(`'@SUM(A1:A9)`);
    for (const sheet of book.worksheets) {
      sheet.eachRow((r) =>
        r.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
        }),
      );
    }
  });
});
