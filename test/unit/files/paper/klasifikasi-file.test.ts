import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  KlasifikasiFileError,
  loadKlasifikasiFile,
  parseKlasifikasiFile,
} from '../../../../src/config/klasifikasi-file.js';
import { findKlasifikasi, retentionSchedule } from '../../../../src/files/paper/klasifikasi.js';
import { FLOWS_DIR } from '../../../support/paths.js';

const FILE = 'flows/arsip/klasifikasi.yaml';

function issuesOf(text: string): string[] {
  try {
    parseKlasifikasiFile(text, FILE);
  } catch (error) {
    if (!(error instanceof KlasifikasiFileError)) throw error;
    expect(error.message).toContain(FILE);
    return error.issues.map((issue) => `${issue.field}: ${issue.message}`);
  }
  throw new Error('expected a KlasifikasiFileError');
}

const ENTRY =
  "  - code: '000.8.3.3'\n    name: { id: Nota dinas, en: Memos }\n    retention: { active: 2, inactive: 3, disposition: musnah }\n";

describe('the klasifikasi / JRA file', () => {
  test('the shipped file loads: codes with names and retention', async () => {
    const list = await loadKlasifikasiFile(join(FLOWS_DIR, 'arsip', 'klasifikasi.yaml'));
    expect(list.entries.length).toBeGreaterThanOrEqual(5);
    expect(findKlasifikasi(list, '000.8.3.3')).toMatchObject({
      code: '000.8.3.3',
      name: {
        id: 'Pelaksanaan standar operasional prosedur (SOP)',
        en: 'Carrying out standard operating procedures (SOP)',
      },
      retention: { activeYears: 2, inactiveYears: 5, disposition: 'dinilai-kembali' },
    });
    expect(retentionSchedule({ activeYears: 2, inactiveYears: 5, disposition: 'permanen' }, 2026)).toEqual({
      activeYears: 2,
      inactiveYears: 5,
      disposition: 'permanen',
      activeUntilYear: 2028,
      inactiveUntilYear: 2033,
    });
  });

  test('an unquoted code that YAML read as a number is named, with the fix', () => {
    expect(issuesOf(`codes:\n${ENTRY.replace("'000.8.3.3'", '000')}`)).toEqual([
      "codes[0].code: write the code in quotes, e.g. '000.8.3.3': unquoted, YAML reads it as the number 0 and drops its leading zeros",
    ]);
  });

  test('each wrong field is named by its path', () => {
    const text = `codes:\n${ENTRY}  - code: '027'\n    name: { id: Pengadaan, en: '' }\n    retention: { active: -1, inactive: 2.5, disposition: simpan }\n    colour: red\n${ENTRY}`;
    expect(issuesOf(text).sort()).toEqual([
      'codes[1].colour: unknown field',
      'codes[1].name.en: must not be empty',
      'codes[1].retention.active: must not be negative',
      'codes[1].retention.disposition: must be one of: musnah, permanen, dinilai-kembali',
      'codes[1].retention.inactive: must be a whole number of years',
    ]);
    expect(issuesOf(`codes:\n${ENTRY}${ENTRY}`)).toEqual(['codes[1].code: 000.8.3.3 is also codes[0]']);
    expect(issuesOf("codes:\n  - code: '12.3'\n")[0]).toMatch(
      /^codes\[0\]\.code: "12\.3" is not a klasifikasi code/,
    );
  });

  test('not YAML, an empty list, or an unreadable file', async () => {
    expect(issuesOf('codes: [\n')[0]).toMatch(/^: /);
    expect(issuesOf('codes: []\n')).toEqual(['codes: the list must have at least one code']);
    const dir = await mkdtemp(join(tmpdir(), 'klasifikasi-'));
    await writeFile(join(dir, 'k.yaml'), `codes:\n${ENTRY}`);
    await expect(loadKlasifikasiFile(join(dir, 'k.yaml'))).resolves.toMatchObject({
      source: join(dir, 'k.yaml'),
    });
    await expect(loadKlasifikasiFile(join(dir, 'missing.yaml'))).rejects.toThrow(
      /missing\.yaml[\s\S]*cannot read/,
    );
  });
});
