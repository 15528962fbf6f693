import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mongoose, { type Connection } from 'mongoose';
import { calendarStatus } from '../../src/core/time/calendar-status.js';
import { MultiYearCalendar, type CalendarYear } from '../../src/core/time/multi-year-calendar.js';
import { DEFAULT_OFFICE_CALENDAR } from '../../src/core/time/office-calendar.js';
import {
  remindAdminsOfCalendar,
  type AdminNotice,
} from '../../src/features/office-calendar/admin-reminder.js';
import { MongoWeeklyClaims, WEEKLY_CLAIMS_COLLECTION } from '../../src/scheduling/mongo-weekly-claims.js';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../src/storage/embedded-mongo.js';
import { REPO_ROOT } from '../support/paths.js';

/**
 * The weekly admin reminder claimed on the embedded MongoDB-wire server: of two service processes
 * (here two connections, and two real `node` processes) only one sends a week's reminder.
 */
let server: EmbeddedMongo;
let first: Connection;
let second: Connection;

const connect = async (uri: string): Promise<Connection> =>
  mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();

beforeAll(async () => {
  server = await startEmbeddedMongo({ port: 0, database: 'pandu-calendar-claims' });
  first = await connect(server.uri);
  second = await connect(server.uri);
});

afterAll(async () => {
  await first.close();
  await second.close();
  await server.stop();
});

const libraryYear = (year: number): CalendarYear => ({
  year,
  source: 'library',
  holidays: [],
  cutiBersama: [],
  settings: {},
  missing: [],
});
const calendar = MultiYearCalendar.create({
  base: DEFAULT_OFFICE_CALENDAR,
  years: [{ ...libraryYear(2026), source: 'file', file: 'indonesia-2026.yaml' }],
  fallback: libraryYear,
});

describe('MongoWeeklyClaims', () => {
  test('a key is claimed once: the second claim, from another connection, is refused', async () => {
    const a = new MongoWeeklyClaims(first);
    const b = new MongoWeeklyClaims(second);
    expect(await a.claim('test:2026-W49')).toBe(true);
    expect(await b.claim('test:2026-W49')).toBe(false);
    expect(await a.claim('test:2026-W49')).toBe(false);
    expect(await b.claim('test:2026-W50')).toBe(true);
  });

  test('released, a key can be claimed again', async () => {
    const a = new MongoWeeklyClaims(first);
    expect(await a.claim('test:released')).toBe(true);
    await new MongoWeeklyClaims(second).release('test:released');
    expect(await new MongoWeeklyClaims(second).claim('test:released')).toBe(true);
  });

  test('two processes racing over 25 weeks: every week exactly one winner, one reminder per admin', async () => {
    const status = calendarStatus(calendar, new Date('2026-12-01T03:00:00Z'));
    const queued: AdminNotice[] = [];
    const processOn = (connection: Connection, weekKey: string) =>
      remindAdminsOfCalendar({
        status,
        admins: ['admin-1', 'admin-2'],
        weekKey,
        claims: new MongoWeeklyClaims(connection),
        notify: (notices) => {
          queued.push(...notices);
          return Promise.resolve();
        },
      });
    const weeks = Array.from({ length: 25 }, (_, index) => `race-${String(index + 1).padStart(2, '0')}`);
    const results = await Promise.all(
      weeks.flatMap((week) => [processOn(first, week), processOn(second, week)]),
    );
    expect(results.filter((result) => result.sent)).toHaveLength(weeks.length);
    expect(results.filter((result) => !result.sent).map((result) => !result.sent && result.reason)).toEqual(
      weeks.map(() => 'already-sent-this-week'),
    );
    expect(queued).toHaveLength(weeks.length * 2);
    expect(new Set(queued.map((notice) => notice.id)).size).toBe(queued.length);
    const stored = await first
      .collection(WEEKLY_CLAIMS_COLLECTION)
      .countDocuments({ key: /^office-calendar-reminder:race-/ });
    expect(stored).toBe(weeks.length);
  });

  test('two real node processes claim the same week at once: one wins', async () => {
    const run = promisify(execFile);
    const claimsModule = join(REPO_ROOT, 'src', 'scheduling', 'mongo-weekly-claims.ts');
    const script = [
      "import mongoose from 'mongoose';",
      `import { MongoWeeklyClaims } from ${JSON.stringify(claimsModule)};`,
      `const connection = await mongoose.createConnection(${JSON.stringify(server.uri)}).asPromise();`,
      "const won = await new MongoWeeklyClaims(connection).claim('office-calendar-reminder:2027-W01');",
      'await connection.close();',
      'console.log(JSON.stringify({ won }));',
    ].join('\n');
    const child = () =>
      run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT });
    const outputs = await Promise.all([child(), child()]);
    const won = outputs.map((output) => (JSON.parse(output.stdout.trim()) as { won: boolean }).won);
    expect(won.sort()).toEqual([false, true]);
  }, 60_000);
});
