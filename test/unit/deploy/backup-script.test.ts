import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/paths.js';

/**
 * deploy/backup/pandu-backup.sh run by bash, with a stand-in `mongodump` first on PATH (no MongoDB
 * server or database tools on the build machine) that records how it was called and writes an
 * archive, or fails when told to.
 */
const SCRIPT = join(REPO_ROOT, 'deploy', 'backup', 'pandu-backup.sh');
const DAY_MS = 86_400_000;
const PASSWORD = 'backup-password-0123456789';

const FAKE_MONGODUMP = `#!/usr/bin/env bash
set -eu
printf '%s\\n' "$@" > "$FAKE_LOG/args"
for argument in "$@"; do
  case "$argument" in
    --config=*) cp "\${argument#--config=}" "$FAKE_LOG/config" ;;
    --archive=*) archive=\${argument#--archive=} ;;
  esac
done
[ -z "\${FAKE_MONGODUMP_FAIL:-}" ] || { echo "connection refused" >&2; exit 1; }
printf 'fake gzip archive' > "$archive"
`;

function archiveName(ageMs: number): string {
  const stamp = new Date(Date.now() - ageMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `pandu-${stamp}.archive.gz`;
}

function setup(ageDays: number[]) {
  const root = mkdtempSync(join(tmpdir(), 'pandu-backup-'));
  const backups = join(root, 'backups');
  const bin = join(root, 'bin');
  const log = join(root, 'log');
  for (const dir of [backups, bin, log]) mkdirSync(dir);
  writeFileSync(join(bin, 'mongodump'), FAKE_MONGODUMP);
  chmodSync(join(bin, 'mongodump'), 0o755);
  const existing = ageDays.map((days) => archiveName(days * DAY_MS));
  for (const name of existing) writeFileSync(join(backups, name), 'old archive');
  return { backups, bin, log, existing };
}

async function backup(
  rig: ReturnType<typeof setup>,
  command: string,
  env: Record<string, string> = {},
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      [SCRIPT, command],
      {
        env: {
          PATH: `${rig.bin}:${process.env.PATH ?? ''}`,
          FAKE_LOG: rig.log,
          BACKUP_DIR: rig.backups,
          MONGO_HOST: 'mongo:27017',
          MONGO_BACKUP_USERNAME: 'pandu-backup',
          MONGO_BACKUP_PASSWORD: PASSWORD,
          ...env,
        },
      },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr }),
    );
  });
}

const archivesIn = (dir: string) => readdirSync(dir).sort();

describe('the backup script', () => {
  test('once: dumps the database as a gzip archive, then keeps the last BACKUP_KEEP_DAYS days', async () => {
    const rig = setup([0.5, 1.5, 2.5, 3.5, 4.5, 9.5, 30.5]);
    writeFileSync(join(rig.backups, 'notes.txt'), 'not a backup');
    writeFileSync(join(rig.backups, 'pandu-before-upgrade.archive.gz'), 'made by hand');
    const result = await backup(rig, 'once', { BACKUP_KEEP_DAYS: '3', PANDU_DB_NAME: 'pandu' });
    expect(result.code).toBe(0);
    const after = archivesIn(rig.backups);
    const created = after.filter(
      (name) => /^pandu-\d{8}T\d{6}Z\.archive\.gz$/.test(name) && !rig.existing.includes(name),
    );
    expect(created).toHaveLength(1);
    expect(readFileSync(join(rig.backups, created[0] ?? ''), 'utf8')).toBe('fake gzip archive');
    // The three within 3 days stay, the four older go; files it did not write are left alone.
    expect(after).toEqual(
      [...rig.existing.slice(0, 3), created[0], 'notes.txt', 'pandu-before-upgrade.archive.gz'].sort(),
    );
    expect(result.stderr).toContain('removed (older than 3 days)');
  });

  test('calls mongodump for the one database with the backup user, the password only in a file', async () => {
    const rig = setup([]);
    expect((await backup(rig, 'once', { PANDU_DB_NAME: 'pandu_prod' })).code).toBe(0);
    const args = readFileSync(join(rig.log, 'args'), 'utf8').trim().split('\n');
    expect(args).toEqual(
      expect.arrayContaining([
        '--host=mongo:27017',
        '--username=pandu-backup',
        '--authenticationDatabase=admin',
        '--db=pandu_prod',
        '--gzip',
      ]),
    );
    expect(args.find((a) => a.startsWith('--archive='))).toMatch(
      /\/\.pandu-\d{8}T\d{6}Z\.archive\.gz\.partial$/,
    );
    expect(args.join(' ')).not.toContain(PASSWORD);
    expect(readFileSync(join(rig.log, 'config'), 'utf8')).toBe(`password: "${PASSWORD}"\n`);
    const configPath = args.find((a) => a.startsWith('--config='))?.slice('--config='.length) ?? '';
    expect(existsSync(configPath)).toBe(false);
  });

  test('a failed dump keeps every older backup, leaves no partial file and exits 1', async () => {
    const rig = setup([1.5, 20.5, 40.5]);
    const result = await backup(rig, 'once', { BACKUP_KEEP_DAYS: '7', FAKE_MONGODUMP_FAIL: '1' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('backup FAILED');
    expect(archivesIn(rig.backups)).toEqual([...rig.existing].sort());
  });

  test('a wrong setting is refused with its name before anything runs', async () => {
    const rig = setup([20.5]);
    const days = await backup(rig, 'once', { BACKUP_KEEP_DAYS: 'two weeks' });
    expect(days.code).toBe(1);
    expect(days.stderr).toContain('BACKUP_KEEP_DAYS must be a whole number of days');
    const time = await backup(rig, 'run', { BACKUP_TIME_UTC: '2am' });
    expect(time.code).toBe(1);
    expect(time.stderr).toContain('BACKUP_TIME_UTC must be a time such as 19:00');
    expect(existsSync(join(rig.log, 'args'))).toBe(false);
    expect(archivesIn(rig.backups)).toEqual(rig.existing);
  });

  test('check (the health check): healthy while the newest backup is at most 25 hours old', async () => {
    expect((await backup(setup([0.1, 3]), 'check')).code).toBe(0);
    const stale = await backup(setup([1.2, 3]), 'check');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('the newest backup is 28 hours old');
    const none = await backup(setup([]), 'check');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no backup in');
  });
});
