import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPpkCheck } from '../../../src/cli/commands/ppk-check.js';
import { HEADERS, OPTIONS, makeCsv, makeXlsx, toArrays, validRows } from './ppk-fixtures.js';
import { fluentTranslator } from './fluent-translator.js';

/** Echoes the key and its parameters, so tests can see what would be said. */
const stub = (key: string, params?: Record<string, string | number>): string =>
  params === undefined ? key : `${key} ${JSON.stringify(params)}`;

function capture() {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: { stdout: (l: string) => stdout.push(l), stderr: (l: string) => stderr.push(l) },
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pandu-ppk-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fixture(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

const invalidRows = () => {
  const rows = validRows();
  rows[0] = { ...rows[0]!, email: 'bukan-email', pagu: '1.5 M' };
  rows[2] = { ...rows[2]!, nip: '123' };
  return rows;
};

describe('pandu ppk check', () => {
  it('exits 0 and prints the summary for a valid XLSX', async () => {
    const file = await fixture(
      'valid.xlsx',
      await makeXlsx({ headers: HEADERS, rows: toArrays(validRows()) }),
    );
    const io = capture();
    expect(await runPpkCheck([file], io.out, stub, OPTIONS)).toBe(0);
    expect(io.stdout).toEqual([
      'ppk-summary-title',
      'ppk-summary-rows {"rows":5}',
      'ppk-summary-people {"people":4}',
      'ppk-summary-role {"role":"KPA","count":1}',
      'ppk-summary-role {"role":"PPK","count":2}',
      'ppk-summary-role {"role":"Pokja Pemilihan","count":2}',
      'ppk-summary-packages {"packages":2}',
      'ppk-summary-total-pagu {"total":"Rp 2.250.000.000"}',
      'ppk-summary-fiscal-years {"years":"2025"}',
    ]);
    expect(io.stderr).toEqual([]);
  });

  it('exits 1 and prints every row error for an invalid CSV', async () => {
    const file = await fixture('invalid.csv', makeCsv(HEADERS, toArrays(invalidRows())));
    const io = capture();
    expect(await runPpkCheck([file], io.out, stub, OPTIONS)).toBe(1);
    expect(io.stdout[0]).toBe('ppk-errors-title {"count":3}');
    expect(
      io.stdout
        .slice(1)
        .map((line) => JSON.parse(line.slice(line.indexOf('{'))) as { row: number; column: string }),
    ).toEqual([
      expect.objectContaining({ row: 2, column: 'Email' }),
      expect.objectContaining({ row: 2, column: 'Pagu Anggaran (Rp)' }),
      expect.objectContaining({ row: 4, column: 'NIP' }),
    ]);
  });

  it('with --json prints one JSON line last: valid, rows and errors with row, column and message', async () => {
    const file = await fixture('invalid-json.csv', makeCsv(HEADERS, toArrays(invalidRows())));
    const io = capture();
    const { translate, errors } = fluentTranslator('id');
    expect(await runPpkCheck([file, '--json'], io.out, translate, OPTIONS)).toBe(1);
    expect(errors).toEqual([]);
    const last = JSON.parse(io.stdout[io.stdout.length - 1] ?? '') as unknown;
    expect(last).toEqual({
      valid: false,
      rows: 5,
      errors: [
        { row: 2, column: 'Email', code: 'email-invalid', message: 'Alamat email tidak valid.' },
        {
          row: 2,
          column: 'Pagu Anggaran (Rp)',
          code: 'pagu-abbreviation',
          message: expect.stringContaining('Pagu tidak boleh disingkat') as unknown,
        },
        {
          row: 4,
          column: 'NIP',
          code: 'nip-length',
          message: 'NIP harus terdiri atas 18 angka; yang tertulis 3 angka.',
        },
      ],
    });
  });

  it('with --json reports a valid file as valid with its row count and no errors', async () => {
    const file = await fixture(
      'valid-json.csv',
      makeCsv(HEADERS, toArrays(validRows()), { delimiter: ';', bom: true }),
    );
    const io = capture();
    expect(await runPpkCheck(['--json', file], io.out, stub, OPTIONS)).toBe(0);
    expect(JSON.parse(io.stdout.at(-1) ?? '')).toEqual({ valid: true, rows: 5, errors: [] });
  });

  it('with --json gives a file-level error null row and column', async () => {
    const file = await fixture('laporan.csv', Buffer.from('%PDF-1.7\n'));
    const io = capture();
    expect(await runPpkCheck([file, '--json'], io.out, stub, OPTIONS)).toBe(1);
    expect(JSON.parse(io.stdout.at(-1) ?? '')).toEqual({
      valid: false,
      rows: 0,
      errors: [{ row: null, column: null, code: 'file-type-pdf', message: 'ppk-error-file-type-pdf {}' }],
    });
  });

  it('refuses a file over the size limit without reading it whole', async () => {
    const file = await fixture('besar.csv', Buffer.alloc(2048, 'a'));
    const io = capture();
    expect(
      await runPpkCheck([file, '--json'], io.out, stub, { ...OPTIONS, limits: { maxFileBytes: 1024 } }),
    ).toBe(1);
    expect(JSON.parse(io.stdout.at(-1) ?? '')).toMatchObject({
      valid: false,
      errors: [{ code: 'file-too-large' }],
    });
  });

  it.each([
    [[], 'ppk-cli-missing-file'],
    [['a.csv', 'b.csv'], 'ppk-cli-too-many-files'],
    [['a.csv', '--verbose'], 'ppk-cli-unknown-option {"option":"--verbose"}'],
  ])('exits 2 on a usage error: %j', async (argv, problem) => {
    const io = capture();
    expect(await runPpkCheck(argv, io.out, stub)).toBe(2);
    expect(io.stderr).toEqual([problem, 'ppk-cli-usage']);
    expect(io.stdout).toEqual([]);
  });

  it('exits 2 when the file cannot be read, and still ends with JSON under --json', async () => {
    const io = capture();
    expect(await runPpkCheck([join(dir, 'tidak-ada.xlsx'), '--json'], io.out, stub)).toBe(2);
    expect(io.stderr[0]).toContain('ppk-cli-file-unreadable');
    expect(io.stderr[0]).toContain('ENOENT');
    expect(JSON.parse(io.stdout.at(-1) ?? '')).toMatchObject({ valid: false, rows: 0 });
  });

  it('prints usage and exits 0 for --help', async () => {
    const io = capture();
    expect(await runPpkCheck(['--help'], io.out, stub)).toBe(0);
    expect(io.stdout).toEqual(['ppk-cli-usage']);
  });

  it('speaks Indonesian through the real locale file', async () => {
    const file = await fixture(
      'valid-id.xlsx',
      await makeXlsx({ headers: HEADERS, rows: toArrays(validRows()) }),
    );
    const io = capture();
    const { translate, errors } = fluentTranslator('id');
    expect(await runPpkCheck([file], io.out, translate, OPTIONS)).toBe(0);
    expect(errors).toEqual([]);
    expect(io.stdout).toContain('Total pagu anggaran: Rp 2.250.000.000');
    expect(io.stdout).toContain('• Pokja Pemilihan: 2 orang');
  });
});
