import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOfficeCalendars, type LoadedOfficeCalendars } from '../../../src/config/office-calendars.js';
import { DataFileError, type FileProblem } from '../../../src/core/errors.js';
import { REPO_ROOT } from '../../support/paths.js';

const FILE_2026 = join(REPO_ROOT, 'flows', 'calendars', 'indonesia-2026.yaml');

function dirOf(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pandu-calendar-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const load = (dir: string, file = ''): Promise<LoadedOfficeCalendars> =>
  loadOfficeCalendars({ CALENDAR_DIR: dir, CALENDAR_FILE: file, TIME_ZONE: 'Asia/Jakarta' });

async function problemsOf(dir: string, file = ''): Promise<FileProblem[]> {
  try {
    await load(dir, file);
  } catch (error) {
    if (error instanceof DataFileError) {
      expect(error.code).toBe('calendar-invalid');
      return [...error.problems];
    }
    throw error;
  }
  throw new Error('expected a DataFileError');
}

describe('bad calendar files: the error names the file and the field, and nothing loads', () => {
  // One case per line keeps the table readable.
  // prettier-ignore
  test.each<[string, string, string, string]>([
    ['a date outside its year',   'year: 2027\nholidays: [{ date: 2026-12-31, name: X }]',                                  'holidays[0].date',    "file's year 2027"],
    ['a duplicate date',          'year: 2027\nholidays: [{ date: 2027-01-01, name: A }, { date: 2027-01-01, name: B }]',  'holidays[1].date',    'listed twice'],
    ['a date in both lists',      'year: 2027\nholidays: [{ date: 2027-01-01, name: A }]\ncutiBersama: [{ date: 2027-01-01, name: B }]', 'cutiBersama[0].date', 'first as holidays[0]'],
    ['a malformed time range',    "year: 2027\nhours: ['07.30-16.00']",                                                     'hours[0]',            'HH:mm-HH:mm'],
    ['a range that ends early',   "year: 2027\nhoursByDay: { fri: ['13:00-11:30'] }",                                       'hoursByDay.fri[0]',   'start before end'],
    ['no year',                   'holidays: [{ date: 2027-01-01, name: A }]',                                               'year',                'each calendar file names its year'],
    ['a year unlike the name',    'year: 2026\nholidays: []',                                                                'year',                'not the year 2027'],
    ['provisional not a boolean', 'year: 2027\nprovisional: ya',                                                             'provisional',         'boolean'],
    ['not YAML',                  'year: 2027\nholidays: [{ date: 2027-01-01',                                               '(file)',              'line'],
  ])('%s', async (_name, text, field, message) => {
    const dir = dirOf({ 'indonesia-2027.yaml': text });
    const problems = await problemsOf(dir);
    const problem = problems.find((candidate) => candidate.field === field);
    expect(problem?.file).toBe(join(dir, 'indonesia-2027.yaml'));
    expect(problem?.message).toContain(message);
  });

  test('two files for one year: the second is named, with the first', async () => {
    const dir = dirOf({
      'indonesia-2027.yaml': 'year: 2027\nholidays: []',
      'kantor-pusat-2027.yaml': 'year: 2027\nholidays: []',
    });
    expect(await problemsOf(dir)).toEqual([
      {
        file: join(dir, 'kantor-pusat-2027.yaml'),
        field: 'year',
        message: `2027 is also the year of ${join(dir, 'indonesia-2027.yaml')}: keep one file per year`,
      },
    ]);
  });

  test('files naming different zones', async () => {
    const dir = dirOf({
      'a-2026.yaml': 'year: 2026\nzone: Asia/Jakarta',
      'b-2027.yaml': 'year: 2027\nzone: Asia/Makassar',
    });
    const [problem] = await problemsOf(dir);
    expect(problem).toMatchObject({ file: join(dir, 'b-2027.yaml'), field: 'zone' });
    expect(problem?.message).toContain('Asia/Makassar differs from Asia/Jakarta');
  });

  test('every broken file is reported in one error', async () => {
    const dir = dirOf({
      'a-2026.yaml': 'year: 2026\nholidays: [{ date: 2026-02-30, name: X }]',
      'b-2027.yaml': "year: 2027\nhours: ['7:30-16:00']",
    });
    const problems = await problemsOf(dir);
    expect(problems.map((problem) => [problem.file, problem.field])).toEqual([
      [join(dir, 'a-2026.yaml'), 'holidays[0].date'],
      [join(dir, 'b-2027.yaml'), 'hours[0]'],
    ]);
  });

  test('a missing CALENDAR_DIR or CALENDAR_FILE refuses to start, naming the path', async () => {
    const missingDir = join(tmpdir(), 'pandu-no-such-calendar-dir');
    expect(await problemsOf(missingDir)).toEqual([
      expect.objectContaining({ file: missingDir, field: '(directory)' }),
    ]);
    const dir = dirOf({});
    const missingFile = join(dir, 'elsewhere', 'indonesia-2027.yaml');
    expect((await problemsOf(dir, missingFile))[0]).toMatchObject({ file: missingFile, field: '(file)' });
  });
});

describe('notices and sources', () => {
  test('a holiday on a weekend or a closed day is allowed, and listed as a notice', async () => {
    const dir = dirOf({
      'indonesia-2027.yaml': [
        'year: 2027',
        'hoursByDay: { fri: [] }',
        'holidays: [{ date: 2027-05-01, name: Hari Buruh }, { date: 2027-05-06, name: Kenaikan }]',
        'cutiBersama: [{ date: 2027-05-07, name: Cuti bersama Kenaikan }]',
      ].join('\n'),
    });
    const loaded = await load(dir);
    expect(loaded.notices.map((notice) => [notice.field, notice.message.split(':')[0]])).toEqual([
      ['holidays[0].date', '2027-05-01 (Hari Buruh) is a Saturday, not a workday'],
      ['cutiBersama[0].date', '2027-05-07 (Cuti bersama Kenaikan) is a Friday, not a workday'],
    ]);
    expect(loaded.calendar.year(2027).holidays).toHaveLength(2);
  });

  test('provisional: true makes a provisional-file year; other files, hidden files and sub-folders are skipped', async () => {
    const dir = dirOf({
      'indonesia-2027.yaml': 'year: 2027\nprovisional: true\nholidays: [{ date: 2027-01-01, name: A }]',
      'README.md': '# not a calendar',
      '.draft-2028.yaml': 'not: [valid',
    });
    mkdirSync(join(dir, 'old'));
    writeFileSync(join(dir, 'old', 'indonesia-2027.yaml'), 'year: 2027');
    const loaded = await load(dir);
    expect(loaded.files).toEqual([join(dir, 'indonesia-2027.yaml')]);
    expect(loaded.calendar.year(2027)).toMatchObject({ source: 'provisional-file', file: loaded.files[0] });
    expect(loaded.calendar.year(2028).source).toBe('library');
  });

  test('CALENDAR_FILE wins for its own year; the directory still gives the others', async () => {
    const dir = dirOf({ 'indonesia-2027.yaml': 'year: 2027\nholidays: [{ date: 2027-01-01, name: A }]' });
    copyFileSync(FILE_2026, join(dir, 'indonesia-2026.yaml'));
    const own = join(dirOf({}), 'unit-2026.yaml');
    writeFileSync(own, 'year: 2026\nholidays: [{ date: 2026-12-31, name: Libur unit }]');
    const loaded = await load(dir, own);
    expect(loaded.files).toEqual([own, join(dir, 'indonesia-2027.yaml')]);
    expect(loaded.calendar.year(2026).holidays).toEqual([{ date: '2026-12-31', name: 'Libur unit' }]);
    expect(loaded.notices[0]).toMatchObject({ file: own, field: 'year' });
    expect(loaded.notices[0]?.message).toContain(join(dir, 'indonesia-2026.yaml'));
  });

  test('CALENDAR_FILE naming a file inside CALENDAR_DIR is that file, read once', async () => {
    const dir = dirOf({});
    copyFileSync(FILE_2026, join(dir, 'indonesia-2026.yaml'));
    const loaded = await load(dir, join(dir, 'indonesia-2026.yaml'));
    expect(loaded.files).toEqual([join(dir, 'indonesia-2026.yaml')]);
    expect(loaded.notices.every((notice) => notice.field !== 'year')).toBe(true);
  });

  test('an empty directory: every year provisionally from the library, never without holidays', async () => {
    const loaded = await load(dirOf({}));
    expect(loaded.files).toEqual([]);
    const status = loaded.status(new Date('2026-12-01T03:00:00Z'));
    expect(status.provisional).toBe(true);
    expect(status.warnings.map((warning) => warning.key)).toEqual([
      'calendar-warning-current-year-missing',
      'calendar-warning-next-year-missing',
    ]);
    expect(loaded.calendar.year(2026).holidays.map((day) => day.date)).toContain('2026-08-17');
    expect(loaded.calendar.timeZone).toBe('Asia/Jakarta');
  });
});
