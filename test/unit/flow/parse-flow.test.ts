import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFlowsDir } from '../../../src/config/flow-files.js';
import { DataFileError, type FileProblem } from '../../../src/core/errors.js';
import { standardMinutes } from '../../../src/core/flow/model.js';
import { parseFlow } from '../../../src/core/flow/parse-flow.js';
import { DEFAULT_POSITIONS } from '../../../src/core/org/schema.js';
import { SPSE_FLOW_FILE } from '../../support/paths.js';

const POSITIONS = DEFAULT_POSITIONS.map((p) => p.id);
const FILE = 'flows/mini.yaml';

/** `expect.stringContaining`, typed as the string it stands for (jest types its matchers `any`). */
const containing = (text: string): string => expect.stringContaining(text) as string;

/** A small valid flow; the broken ones below are edits of it. */
const MINI = `id: mini
header:
  number: SOP.UJI.01/2026
  ministry: Kementerian Uji
  issuer: Pusat Uji
  name: { id: Prosedur uji, en: Test procedure }
handlingUnit: pusdatinkomtel
steps:
  - id: masuk
    title: { id: Nota dinas masuk, en: Incoming memo }
    performer: ULP
    type: intake
    output: { label: { id: Nota dinas, en: Memo } }
    next: catat
  - id: catat
    title: { id: Catat surat masuk, en: Register the letter }
    performer: Staf
    type: register
    book: incoming
    standard: 5m
    output: { label: { id: Agenda surat masuk, en: Register entry } }
    next: disposisi-kapus
  - id: disposisi-kapus
    title: { id: Disposisi Kapus, en: Disposition of the Head of Centre }
    performer: Kapus
    type: disposition
    recipients: Kabid
    standard: 5m
    output: { label: { id: Disposisi, en: Disposition } }
    next: periksa
  - id: periksa
    title: { id: Periksa, en: Review }
    performer: Kabid
    type: review
    returnTo: [catat]
    standard: 15m
    output: { label: { id: Hasil periksa, en: Review result } }
    next: setuju
  - id: setuju
    title: { id: Persetujuan, en: Approval }
    performer: Kapus
    type: approval
    returnTo: [periksa]
    standard: 1h30m
    output: { label: { id: Persetujuan, en: Approval } }
`;

/** MINI with each `from` replaced (once) by `to`; fails loudly if an edit does not apply. */
function edited(...edits: Array<[from: string, to: string]>): string {
  let text = MINI;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`the edit does not apply: ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

function problemsOf(text: string, knownPositions?: readonly string[]): FileProblem[] {
  try {
    parseFlow(text, FILE, knownPositions);
  } catch (error) {
    expect(error).toBeInstanceOf(DataFileError);
    const dataError = error as DataFileError;
    expect(dataError.code).toBe('flow-invalid');
    // The message (what the CLI prints) names file, step and field too.
    for (const p of dataError.problems) {
      expect(dataError.message).toContain(`${p.file}${p.where ? ` [${p.where}]` : ''} ${p.field}: `);
    }
    return [...dataError.problems];
  }
  throw new Error('the flow was accepted');
}

describe('the SPSE flow file', () => {
  const flow = parseFlow(readFileSync(SPSE_FLOW_FILE, 'utf8'), SPSE_FLOW_FILE, POSITIONS);

  test('has the 11 steps with the standard times of the SOP', () => {
    expect(flow.id).toBe('spse-eproc');
    expect(flow.source).toBe(SPSE_FLOW_FILE);
    expect(flow.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(flow.steps.map(standardMinutes)).toEqual([null, 5, 5, 5, 30, 15, 15, 60, 5, 5, 30]);
  });

  test('has the performers and step types', () => {
    expect(flow.steps.map((s) => s.performer)).toEqual([
      { position: 'ULP' },
      { position: 'Staf', tag: 'tata-usaha' },
      { position: 'Kapus' },
      { position: 'Kabid' },
      { position: 'Staf' },
      { position: 'Kasubbid' },
      { position: 'Staf' },
      { position: 'Staf' },
      { position: 'Kasubbid' },
      { position: 'Kapus' },
      { position: 'Staf', tag: 'tata-usaha' },
    ]);
    expect(flow.steps.map((s) => s.type)).toEqual([
      'intake',
      'register',
      'disposition',
      'disposition',
      'data-entry',
      'review',
      'checklist',
      'drafting',
      'review',
      'approval',
      'register',
    ]);
    expect(flow.steps.map((s) => s.book ?? null)).toEqual([
      null,
      'incoming',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      'outgoing',
    ]);
    expect(flow.steps.map((s) => s.recipients ?? null).filter(Boolean)).toEqual(['Kabid', 'Kasubbid']);
    // Each step but the last leads to the one after it; reviews return to the work they check.
    expect(flow.steps.map((s) => s.next ?? null)).toEqual([...flow.steps.slice(1).map((s) => s.id), null]);
    expect(flow.steps.filter((s) => s.returnTo.length > 0).map((s) => [s.id, s.returnTo])).toEqual([
      ['verifikasi-data', ['input-data-ppk']],
      ['periksa-draft', ['draft-laporan']],
      ['persetujuan-kapus', ['draft-laporan']],
    ]);
  });

  test('keeps the header: warnings, records, legal bases and related SOPs', () => {
    expect(flow.header.number).toBe('SOP.TPD.01/KDN/2011');
    expect(flow.header.warnings).toHaveLength(5);
    expect(flow.header.warnings.every((w) => w.id.length > 0 && w.en.length > 0)).toBe(true);
    expect(flow.header.warnings[3]?.id).toMatch(/gangguan terhadap infrastruktur/);
    expect(flow.header.warnings[4]?.id).toMatch(/LPSE Kemendagri belum terbentuk/);
    expect(flow.header.records).toHaveLength(4);
    expect(flow.header.legalBases).toHaveLength(4);
    expect(flow.header.relatedSops).toHaveLength(8);
    expect(flow.header.relatedSops).toContain('SOP Tata Naskah Dinas');
  });

  test('keeps kelengkapan, outputs and the data-entry upload', () => {
    const byId = new Map(flow.steps.map((s) => [s.id, s]));
    expect(byId.get('agenda-surat-masuk')?.kelengkapan.map((k) => k.id)).toEqual([
      'kertas',
      'lembar-disposisi',
      'buku-agenda-masuk',
    ]);
    expect(byId.get('input-data-ppk')?.output.file).toEqual({
      required: true,
      accept: ['xlsx', 'csv'],
      handler: 'ppk-list',
    });
    expect(byId.get('otentikasi-data')?.checklist).toHaveLength(5);
    expect(flow.agendaNumberFormat).toBe('{seq:3}/ND-{book}/PUSDATINKOMTEL/{monthRoman}/{year}');
  });
});

describe('broken flow files name the file, the step and the field', () => {
  test('the small flow the broken ones are made from is valid', () => {
    const flow = parseFlow(MINI, FILE, POSITIONS);
    expect(flow.steps.map(standardMinutes)).toEqual([null, 5, 5, 15, 90]);
  });

  test('a YAML syntax error', () => {
    const problems = problemsOf(edited(['next: catat', 'next: [catat']));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: FILE,
      field: '(yaml)',
      where: expect.stringMatching(/^line \d+$/) as string,
    });
  });

  test('an unknown key anywhere is refused, naming the step and the field (a label with a stray comma too)', () => {
    expect(problemsOf(edited(['    book: incoming\n', '    book: incoming\n    standar: 5m\n']))).toEqual([
      { file: FILE, where: 'step 2 "catat"', field: 'standar', message: 'unknown field' },
    ]);
    // Unquoted, the comma splits the text: `perintah` becomes a key of its own.
    expect(
      problemsOf(
        edited([
          '{ label: { id: Disposisi, en: Disposition } }',
          '{ label: { id: Arahan, perintah, en: Direction } }',
        ]),
      ),
    ).toEqual([
      {
        file: FILE,
        where: 'step 3 "disposisi-kapus"',
        field: 'output.label.perintah',
        message: 'unknown field',
      },
    ]);
    expect(
      problemsOf(edited(['  issuer: Pusat Uji\n', '  issuer: Pusat Uji\n  penerbit: Pusat Uji\n'])),
    ).toEqual([{ file: FILE, field: 'header.penerbit', message: 'unknown field' }]);
  });

  test('an unknown step type', () => {
    expect(problemsOf(edited(['type: register', 'type: arsip']))).toEqual([
      expect.objectContaining({ file: FILE, where: 'step 2 "catat"', field: 'type' }),
    ]);
  });

  test('a standard time that is not a duration', () => {
    expect(problemsOf(edited(['standard: 5m', 'standard: 5 menit']))).toEqual([
      expect.objectContaining({
        file: FILE,
        where: 'step 2 "catat"',
        field: 'standard',
        message: containing('"5 menit"'),
      }),
    ]);
  });

  test('a next to a step that does not exist', () => {
    const problems = problemsOf(edited(['next: disposisi-kapus', 'next: disposisi']));
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: FILE,
        where: 'step 2 "catat"',
        field: 'next',
        message: containing('"disposisi"'),
      }),
    );
  });

  test('a next that goes backwards', () => {
    const problems = problemsOf(edited(['next: periksa', 'next: catat']));
    expect(problems).toContainEqual(
      expect.objectContaining({ file: FILE, where: 'step 3 "disposisi-kapus"', field: 'next' }),
    );
    // Nothing leads to the review any more.
    expect(problems).toContainEqual(expect.objectContaining({ where: 'step 4 "periksa"', field: 'id' }));
  });

  test('a return to a later step', () => {
    expect(problemsOf(edited(['returnTo: [catat]', 'returnTo: [setuju]']))).toEqual([
      expect.objectContaining({
        file: FILE,
        where: 'step 4 "periksa"',
        field: 'returnTo.0',
        message: containing('not an earlier step'),
      }),
    ]);
  });

  test('a review without returnTo', () => {
    expect(problemsOf(edited(['    returnTo: [catat]\n', '']))).toEqual([
      expect.objectContaining({ file: FILE, where: 'step 4 "periksa"', field: 'returnTo' }),
    ]);
  });

  test('a disposition without recipients', () => {
    expect(problemsOf(edited(['    recipients: Kabid\n', '']))).toEqual([
      expect.objectContaining({ file: FILE, where: 'step 3 "disposisi-kapus"', field: 'recipients' }),
    ]);
  });

  test('a register without a book', () => {
    expect(problemsOf(edited(['    book: incoming\n', '']))).toEqual([
      expect.objectContaining({ file: FILE, where: 'step 2 "catat"', field: 'book' }),
    ]);
  });

  test('duplicate step ids', () => {
    const problems = problemsOf(edited(['- id: setuju', '- id: periksa']));
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: FILE,
        where: 'step 5 "periksa"',
        field: 'id',
        message: containing('duplicate'),
      }),
    );
  });

  test('a step nothing leads to', () => {
    const orphan = `  - id: arsip
    title: { id: Arsip, en: Archive }
    performer: Staf
    type: register
    book: outgoing
    standard: 30m
    output: { label: { id: Arsip, en: Archive } }
`;
    expect(problemsOf(MINI + orphan)).toEqual([
      expect.objectContaining({
        file: FILE,
        where: 'step 6 "arsip"',
        field: 'id',
        message: containing('never reached'),
      }),
    ]);
  });

  test('an unknown performer position, when the known positions are given', () => {
    const text = edited(['performer: Staf', 'performer: Sekretaris']);
    expect(problemsOf(text, POSITIONS)).toEqual([
      expect.objectContaining({
        file: FILE,
        where: 'step 2 "catat"',
        field: 'performer',
        message: containing('"Sekretaris"'),
      }),
    ]);
    // Without an org to check against, the position is taken as written.
    expect(parseFlow(text, FILE).steps[1]?.performer).toEqual({ position: 'Sekretaris' });
  });

  test('an unknown recipients position', () => {
    expect(problemsOf(edited(['recipients: Kabid', 'recipients: Kepala']), POSITIONS)).toEqual([
      expect.objectContaining({ where: 'step 3 "disposisi-kapus"', field: 'recipients' }),
    ]);
  });

  test('a title without its English text', () => {
    expect(
      problemsOf(edited(['{ id: Catat surat masuk, en: Register the letter }', '{ id: Catat surat masuk }'])),
    ).toEqual([expect.objectContaining({ file: FILE, where: 'step 2 "catat"', field: 'title.en' })]);
  });

  test('a missing header field is named without a step', () => {
    expect(problemsOf(edited(['  ministry: Kementerian Uji\n', '']))).toEqual([
      { file: FILE, field: 'header.ministry', message: expect.any(String) as string },
    ]);
  });

  test('several schema problems are all reported', () => {
    const problems = problemsOf(
      edited(
        ['type: register', 'type: arsip'],
        ['{ id: Disposisi Kapus, en: Disposition of the Head of Centre }', '{ en: Disposition }'],
        ['standard: 15m', 'standard: lima belas menit'],
      ),
    );
    expect(problems.map((p) => [p.where, p.field])).toEqual(
      expect.arrayContaining([
        ['step 2 "catat"', 'type'],
        ['step 3 "disposisi-kapus"', 'title.id'],
        ['step 4 "periksa"', 'standard'],
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  test('several rule problems across steps are all reported', () => {
    const problems = problemsOf(
      edited(['    book: incoming\n', ''], ['    recipients: Kabid\n', ''], ['    returnTo: [catat]\n', '']),
    );
    expect(problems.map((p) => [p.where, p.field])).toEqual([
      ['step 2 "catat"', 'book'],
      ['step 3 "disposisi-kapus"', 'recipients'],
      ['step 4 "periksa"', 'returnTo'],
    ]);
  });
});

describe('loadFlowsDir', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pandu-flows-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('loads every flow file and ignores sub-folders', () => {
    writeFileSync(join(dir, 'spse-eproc.yaml'), readFileSync(SPSE_FLOW_FILE, 'utf8'));
    writeFileSync(join(dir, 'mini.yml'), MINI);
    mkdirSync(join(dir, 'org'));
    writeFileSync(join(dir, 'org', 'org.yaml'), 'units: []\n');
    expect(
      loadFlowsDir(dir, POSITIONS)
        .map((f) => f.id)
        .sort(),
    ).toEqual(['mini', 'spse-eproc']);
  });

  test('with one good and one broken file, the error names the broken file only', () => {
    const good = join(dir, 'spse-eproc.yaml');
    const broken = join(dir, 'rusak.yaml');
    writeFileSync(good, readFileSync(SPSE_FLOW_FILE, 'utf8'));
    writeFileSync(broken, edited(['    recipients: Kabid\n', ''], ['standard: 5m', 'standard: 5 menit']));
    let caught: unknown;
    try {
      loadFlowsDir(dir, POSITIONS);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataFileError);
    const problems = (caught as DataFileError).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file === broken)).toBe(true);
    expect((caught as DataFileError).message).toContain(broken);
    expect((caught as DataFileError).message).not.toContain(good);
  });

  test('two files with the same flow id are refused', () => {
    writeFileSync(join(dir, 'a.yaml'), MINI);
    writeFileSync(join(dir, 'b.yaml'), MINI);
    expect(() => loadFlowsDir(dir)).toThrow(/flow id "mini" is also used by/);
  });

  test('an empty directory is refused', () => {
    expect(() => loadFlowsDir(dir)).toThrow(DataFileError);
  });
});
