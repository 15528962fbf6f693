import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { REPO_ROOT } from '../../support/paths.js';

/**
 * deploy/mongo-init's user script, run as mongosh would run it (a script with `db`, `print` and
 * `process.env`), against a stand-in `db` that records the users created: no MongoDB server runs
 * on the build machine.
 */
const INIT_DIR = join(REPO_ROOT, 'deploy', 'mongo-init');
const SCRIPT = readFileSync(join(INIT_DIR, 'users', 'pandu-users.mongosh'), 'utf8');

interface CreatedUser {
  database: string;
  user: string;
  pwd: string;
  roles: Array<{ role: string; db: string }>;
}

function runUsersScript(env: Record<string, string>): { created: CreatedUser[]; printed: string[] } {
  const created: CreatedUser[] = [];
  const printed: string[] = [];
  const db = {
    getSiblingDB: (database: string) => ({
      createUser: (user: Omit<CreatedUser, 'database'>) => created.push({ database, ...user }),
    }),
  };
  runInNewContext(SCRIPT, { db, process: { env }, print: (line: string) => printed.push(line) });
  return { created, printed };
}

const ENV = {
  PANDU_DB_NAME: 'pandu',
  PANDU_DB_USERNAME: 'pandu',
  PANDU_DB_PASSWORD: 'a1b2c3d4e5f6a7b8c9d0e1f2',
  MONGO_BACKUP_USERNAME: 'pandu-backup',
  MONGO_BACKUP_PASSWORD: 'f0e1d2c3b4a5f6e7d8c9b0a1',
};

describe('the MongoDB init script', () => {
  test("creates Pandu's user with readWrite on its database only, and a backup-only user", () => {
    const { created, printed } = runUsersScript(ENV);
    expect(created).toEqual([
      {
        database: 'pandu',
        user: 'pandu',
        pwd: ENV.PANDU_DB_PASSWORD,
        roles: [{ role: 'readWrite', db: 'pandu' }],
      },
      {
        database: 'admin',
        user: 'pandu-backup',
        pwd: ENV.MONGO_BACKUP_PASSWORD,
        roles: [{ role: 'backup', db: 'admin' }],
      },
    ]);
    expect(printed.join('\n')).not.toContain(ENV.PANDU_DB_PASSWORD);
  });

  test('the database name comes from PANDU_DB_NAME', () => {
    const { created } = runUsersScript({ ...ENV, PANDU_DB_NAME: 'pandu_prod' });
    expect(created[0]).toMatchObject({
      database: 'pandu_prod',
      roles: [{ role: 'readWrite', db: 'pandu_prod' }],
    });
  });

  test.each([
    [{ PANDU_DB_PASSWORD: '' }, 'PANDU_DB_PASSWORD is not set'],
    [{ MONGO_BACKUP_PASSWORD: 'short' }, 'MONGO_BACKUP_PASSWORD: 16 to 128 of'],
    [{ PANDU_DB_PASSWORD: 'p@ss/word:with?uri#chars' }, 'PANDU_DB_PASSWORD: 16 to 128 of'],
    [{ PANDU_DB_USERNAME: 'pan du' }, 'PANDU_DB_USERNAME: at most 64 of'],
    [{ PANDU_DB_NAME: 'pandu.prod' }, 'PANDU_DB_NAME: 1 to 63 of'],
    [{ MONGO_BACKUP_USERNAME: 'pandu' }, 'must differ'],
  ])('%j is refused with a message naming the variable, and no user is created', (change, message) => {
    const created: unknown[] = [];
    const db = { getSiblingDB: () => ({ createUser: (user: unknown) => created.push(user) }) };
    expect(() => {
      runInNewContext(SCRIPT, { db, process: { env: { ...ENV, ...change } }, print: () => undefined });
    }).toThrow(message);
    expect(created).toEqual([]);
  });

  test('the shell script the image runs points at the user script, as root', () => {
    const shell = readFileSync(join(INIT_DIR, '10-pandu-users.sh'), 'utf8');
    expect(shell).toContain('--file /docker-entrypoint-initdb.d/users/pandu-users.mongosh');
    expect(shell).toContain('--username "$MONGO_INITDB_ROOT_USERNAME"');
    expect(shell).not.toMatch(/^\s*exit\b/m);
  });
});
