import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runCalendarCheck, runCalendarNew, type CalendarCliDeps } from '../../src/cli/commands/calendar.js';
import { readCalendarFile } from '../../src/config/holidays-file.js';
import { libraryYear } from '../../src/config/calendar-library.js';
import { loadTranslator } from '../../src/i18n/translator.js';
import { LOCALES_DIR, REPO_ROOT } from '../support/paths.js';

const run = promisify(execFile);
const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CALENDARS = join(REPO_ROOT, 'flows', 'calendars');

async function pandu(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(TSX, ['src/cli/main.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', EMBEDDED_MONGODB_PORT: '1', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function dirOf(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pandu-calendar-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('pandu calendar (real processes)', () => {
  test('check lists every year with Indonesian weekdays and names the provisional one', async () => {
    const result = await pandu(['calendar', 'check']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✔ Kalender kantor valid: 2 berkas.');
    expect(result.stdout).toContain('📅 2026: flows/calendars/indonesia-2026.yaml');
    expect(result.stdout).toMatch(/2026-01-01 {2}Kamis +Tahun Baru 2026 Masehi/);
    expect(result.stdout).toMatch(/2026-12-24 {2}Kamis +Cuti bersama Kelahiran Yesus Kristus \(Natal\)/);
    expect(result.stdout).toMatch(/2026-03-22 {2}Minggu +Idul Fitri 1447 Hijriah \(bukan hari kerja\)/);
    expect(result.stdout).toContain('📅 2027: flows/calendars/indonesia-2027.yaml — SEMENTARA');
    expect(result.stdout).toMatch(/2027-01-01 {2}Jumat +Tahun Baru 2027 Masehi/);
    expect(result.stdout).toContain('Tahun SEMENTARA: 2027');
  }, 60_000);

  test('check on a broken directory exits 1 naming each file and field', async () => {
    const dir = dirOf({
      'indonesia-2027.yaml': 'year: 2027\nholidays: [{ date: 2026-12-31, name: X }]',
      'kantor-2028.yaml': 'year: 2028',
      'lagi-2028.yaml': 'year: 2028',
      'pusat-2029.yaml': "year: 2029\nhours: ['07:30-16']",
    });
    const result = await pandu(['calendar', 'check', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('✖ Kalender kantor tidak valid');
    expect(result.stderr).toContain(
      `${join(dir, 'indonesia-2027.yaml')} holidays[0].date: 2026-12-31 is not in the file's year 2027`,
    );
    expect(result.stderr).toContain(`${join(dir, 'pusat-2029.yaml')} hours[0]: expected a time range`);
    expect(result.stderr).toContain(`${join(dir, 'lagi-2028.yaml')} year: 2028 is also the year of`);
    expect(result.stdout).toBe('');
  }, 60_000);

  test('new YYYY --out writes a provisional file from the rules, which check then accepts', async () => {
    const dir = dirOf({});
    copyFileSync(join(CALENDARS, 'indonesia-2026.yaml'), join(dir, 'indonesia-2026.yaml'));
    const file = join(dir, 'indonesia-2028.yaml');
    const written = await pandu(['calendar', 'new', '2028', '--out', file, '--en']);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`✔ Wrote ${file}`);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('ADMIN: PERIKSA SETIAP TANGGAL DENGAN SKB');
    expect(text).toContain('ADMIN: CHECK EVERY DATE AGAINST THE OFFICIAL SKB');
    expect(text).toContain('Hari Suci Nyepi Tahun Baru Saka 1950, Hari Raya Waisak 2572 BE');
    const checked = await pandu(['calendar', 'check', dir, '--json']);
    expect(checked.code).toBe(0);
    const json = JSON.parse(checked.stdout.trim()) as {
      valid: boolean;
      provisionalYears: number[];
      years: Array<{
        year: number;
        source: string;
        days: { holidays: Array<{ date: string; weekday: string }> };
      }>;
    };
    expect(json.valid).toBe(true);
    expect(json.years.map((year) => [year.year, year.source])).toEqual(
      expect.arrayContaining([
        [2026, 'file'],
        [2028, 'provisional-file'],
      ]),
    );
    expect(json.provisionalYears).toContain(2028);
    const newYear = json.years.find((year) => year.year === 2028)?.days.holidays[0];
    expect(newYear).toEqual(expect.objectContaining({ date: '2028-01-01', weekday: 'Sabtu' }));
  }, 60_000);
});

describe('runCalendarCheck / runCalendarNew (in process)', () => {
  const translator = loadTranslator(LOCALES_DIR);
  const deps = (calendarDir: string, now = '2026-12-01T03:00:00Z'): CalendarCliDeps => ({
    calendarDir,
    calendarFile: '',
    timeZone: 'Asia/Jakarta',
    now: new Date(now),
    locale: 'id',
    render: (ref) => translator.format(ref, { locale: 'id', timeZone: 'Asia/Jakarta' }),
  });
  const capture = () => {
    const out = { stdout: [] as string[], stderr: [] as string[] };
    return {
      out,
      cli: {
        stdout: (line: string) => out.stdout.push(line),
        stderr: (line: string) => out.stderr.push(line),
      },
    };
  };

  test('a year without a file is listed from the library, its estimates marked, its gaps named', async () => {
    const dir = dirOf({ 'indonesia-2028.yaml': 'year: 2028\nholidays: [{ date: 2028-01-03, name: Libur }]' });
    const { out, cli } = capture();
    expect(await runCalendarCheck([], cli, deps(dir, '2029-11-05T03:00:00Z'))).toBe(0);
    const text = out.stdout.join('\n');
    expect(text).toContain('📅 2029: tanpa berkas — SEMENTARA dari aturan pustaka');
    expect(text).toMatch(/2029-08-17 {2}Jumat +Proklamasi Kemerdekaan Republik Indonesia\n/);
    expect(text).toMatch(/Idul Fitri 1450 Hijriah \(perkiraan/);
    expect(text).toContain('Tidak ada di aturan pustaka: Hari Suci Nyepi Tahun Baru Saka 1951');
    expect(text).toContain('Berkas kalender kantor 2029 belum ada');
    expect(text).toContain('Berkas kalender kantor 2030 belum ada');
    expect(text).toContain('Tahun SEMENTARA: 2029, 2030');
  });

  test('new writes CALENDAR_DIR/indonesia-YYYY.yaml, never overwrites, refuses a year that has a file', async () => {
    const dir = dirOf({ 'kantor-2029.yaml': 'year: 2029\nzone: Asia/Makassar\nholidays: []' });
    const { out, cli } = capture();
    expect(await runCalendarNew(['2030'], cli, deps(dir))).toBe(0);
    const file = await readCalendarFile(join(dir, 'indonesia-2030.yaml'));
    expect(file).toMatchObject({ year: 2030, provisional: true, zone: 'Asia/Makassar', cutiBersama: [] });
    expect(file.holidays).toEqual(libraryYear(2030).holidays.map(({ date, name }) => ({ date, name })));
    expect(await runCalendarNew(['2030'], cli, deps(dir))).toBe(1);
    expect(out.stderr.at(-1)).toContain('sudah ada dan tidak ditimpa');
    expect(await runCalendarNew(['2029', '--out', join(dir, 'lain.yaml')], cli, deps(dir))).toBe(1);
    expect(out.stderr.at(-1)).toBe(
      `✖ Tahun 2029 sudah punya berkas kalender: ${join(dir, 'kantor-2029.yaml')}.`,
    );
    expect(await runCalendarNew(['20x7'], cli, deps(dir))).toBe(1);
    expect(await runCalendarNew([], cli, deps(dir))).toBe(2);
  });
});
