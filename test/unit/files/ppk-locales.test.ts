import { PPK_ERROR_CODES, ppkErrorMessageId } from '../../../src/files/ppk/error-codes.js';
import { errorLines, issueLine, summaryLines } from '../../../src/files/ppk/messages.js';
import type { PpkIssue } from '../../../src/files/ppk/types.js';
import { LOCALES, fluentTranslator, ftlMessageIds } from './fluent-translator.js';

/** Parameters each code is raised with (see the sources); every message must format with them cleanly. */
const SAMPLE_PARAMS: Record<string, Record<string, string | number>> = {
  'file-too-large': { sizeMb: 25, limitMb: 20 },
  'zip-too-many-entries': { count: 1002, limit: 1000 },
  'zip-too-large': { sizeMb: 200, limitMb: 100 },
  'zip-compression-ratio': { entry: 'xl/sharedStrings.xml', ratio: 1030, limit: 200 },
  'zip-macro': { entry: 'xl/vbaProject.bin' },
  'csv-invalid': { line: 3 },
  'too-many-rows': { limit: 10000 },
  'column-missing': { column: 'Email' },
  'column-duplicate': { column: 'Nomor HP', first: 'Nomor HP', second: 'No HP' },
  'too-long': { max: 255 },
  'nip-length': { length: 17 },
  'nip-birth-date': { value: '19850231' },
  'nip-birth-year': { year: '1939', min: '1940', max: '2025' },
  'nip-appointment-date': { value: '201013' },
  'nip-appointment-too-early': { minAge: 18 },
  'nip-appointment-future': { value: '202701' },
  'nip-gender': { digit: '3' },
  'nip-name-mismatch': { otherRow: 2, otherName: 'Budi Santoso', nip: '198503302010011002' },
  'phone-length': { digits: 7 },
  'role-unknown': { value: 'Bendahara', allowed: 'PA, KPA, PPK' },
  'pagu-too-large': { max: 'Rp 1.000.000.000.000.000' },
  'pagu-inconsistent': {
    otherRow: 2,
    otherPagu: 'Rp 1.500.000.000',
    package: 'Pengadaan Perangkat Jaringan',
  },
  'year-range': { min: '2020', max: '2026' },
  'duplicate-row': { firstRow: 2, nip: '198503302010011002', role: 'PPK' },
};

/** Parameters carried for other uses (the chat can highlight the NIP) that a message need not repeat. */
const NOT_SHOWN: Record<string, string[]> = { 'duplicate-row': ['nip', 'role'] };

describe.each(LOCALES)('locales/%s/ppk.ftl', (locale) => {
  it('parses cleanly: every message id in the file is in the bundle', () => {
    const { bundle } = fluentTranslator(locale);
    const ids = ftlMessageIds(locale);
    expect(ids.length).toBeGreaterThan(PPK_ERROR_CODES.length);
    for (const id of ids) expect(bundle.hasMessage(id)).toBe(true);
  });

  it.each([...PPK_ERROR_CODES])('has a message for %s that formats without errors', (code) => {
    const { translate, errors } = fluentTranslator(locale);
    const text = translate(ppkErrorMessageId(code), { row: 7, column: 'Kolom', ...SAMPLE_PARAMS[code] });
    expect(errors).toEqual([]);
    expect(text.length).toBeGreaterThan(5);
    expect(text).not.toMatch(/[{}]/);
    for (const [key, value] of Object.entries(SAMPLE_PARAMS[code] ?? {})) {
      if (typeof value === 'string' && !NOT_SHOWN[code]?.includes(key)) expect(text).toContain(value);
    }
  });

  it('renders issue lines and summaries', () => {
    const { translate, errors } = fluentTranslator(locale);
    const cell: PpkIssue = { row: 5, column: 'Email', field: 'email', code: 'email-invalid', params: {} };
    const file: PpkIssue = {
      row: null,
      column: 'Email',
      field: 'email',
      code: 'column-missing',
      params: { column: 'Email' },
    };
    const lines = [
      issueLine(cell, translate),
      issueLine(file, translate),
      ...errorLines([cell], translate),
      ...summaryLines(
        {
          rows: 5,
          people: 4,
          peopleByRole: [
            { role: 'PPK', count: 1 },
            { role: 'Pokja Pemilihan', count: 2 },
          ],
          packages: 2,
          totalPagu: 2_250_000_000n,
          fiscalYears: [2025],
        },
        translate,
        ['Keterangan'],
      ),
    ];
    expect(errors).toEqual([]);
    expect(lines[0]).toMatch(/^(Baris|Row) 5, (kolom|column) “Email”: /);
    expect(lines.join('\n')).toContain('Rp 2.250.000.000');
    expect(lines.join('\n')).toContain('Keterangan');
  });
});

it('both locales have the same message ids', () => {
  expect([...ftlMessageIds('en')].sort()).toEqual([...ftlMessageIds('id')].sort());
});

it('Indonesian comes out in Indonesian', () => {
  const { translate } = fluentTranslator('id');
  expect(translate('ppk-error-pagu-cents')).toBe('Pagu harus dalam rupiah penuh, tanpa sen.');
  expect(translate('ppk-summary-role', { role: 'PPK', count: 2 })).toBe('• PPK: 2 orang');
  expect(translate('ppk-error-too-many-rows', { limit: 10000 })).toContain('10.000');
});
