import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/paths.js';

/**
 * deploy/restore.sh run by bash against a stand-in `docker` (no Docker engine on the build
 * machine). The stand-in records every `docker compose` call, answers the backup listing from a
 * file, and runs the script meant for the mongo container here, with stand-ins for `mongosh` and
 * `mongorestore` that record what they were asked to do.
 */
const SCRIPT = join(REPO_ROOT, 'deploy', 'restore.sh');
const ROOT_PASSWORD = 'root"pass\\word';

const FAKE_DOCKER = `#!/usr/bin/env bash
set -eu
{ printf '%s' "$*" | tr '\\n' ' '; echo; } >> "$FAKE/calls"
[ "$1" = compose ] || exit 90
shift
case "$1" in
  exec)
    shift 3 # exec -T mongo
    if [[ "$*" == *"ls -1 /backups"* ]]; then sort -r "$FAKE/backups"; exit 0; fi
    MONGO_INITDB_ROOT_USERNAME=root MONGO_INITDB_ROOT_PASSWORD='${ROOT_PASSWORD.replace(/'/g, "'\\''")}' "$@"
    ;;
  run) echo "pandu-29990101T000000Z.archive.gz" >> "$FAKE/backups" ;;
  stop | up) ;;
  *) exit 91 ;;
esac
`;
const FAKE_MONGOSH = `#!/usr/bin/env bash
printf '%s\\n' "$@" > "$FAKE/mongosh-args"
`;
const FAKE_MONGORESTORE = `#!/usr/bin/env bash
printf '%s\\n' "$@" > "$FAKE/mongorestore-args"
for argument in "$@"; do
  case "$argument" in
    --config=*) cp "\${argument#--config=}" "$FAKE/config" ;;
    --archive) cat > "$FAKE/stdin" ;;
  esac
done
[ -z "\${FAKE_RESTORE_FAIL:-}" ] || exit 1
`;

function setup(backups: string[]) {
  const fake = mkdtempSync(join(tmpdir(), 'pandu-restore-'));
  const bin = join(fake, 'bin');
  mkdirSync(bin);
  for (const [name, text] of Object.entries({
    docker: FAKE_DOCKER,
    mongosh: FAKE_MONGOSH,
    mongorestore: FAKE_MONGORESTORE,
  })) {
    writeFileSync(join(bin, name), text);
    chmodSync(join(bin, name), 0o755);
  }
  writeFileSync(join(fake, 'backups'), backups.map((name) => `${name}\n`).join(''));
  writeFileSync(join(fake, 'calls'), '');
  const read = (file: string) => (existsSync(join(fake, file)) ? readFileSync(join(fake, file), 'utf8') : '');
  return {
    fake,
    calls: () => read('calls').trim().split('\n').filter(Boolean),
    lines: (file: string) => read(file).trim().split('\n'),
    read,
    restore: (args: string[], env: Record<string, string> = {}) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          'bash',
          [SCRIPT, ...args],
          { env: { PATH: `${bin}:${process.env.PATH ?? ''}`, FAKE: fake, PANDU_DB_NAME: 'pandu', ...env } },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        );
      }),
  };
}

const OLDER = 'pandu-20261130T190000Z.archive.gz';
const NEWER = 'pandu-20261201T190000Z.archive.gz';
const UNDO = 'pandu-29990101T000000Z.archive.gz';

describe('the restore script', () => {
  test('latest: stops Pandu, backs up the current data, replaces the database, starts Pandu', async () => {
    const rig = setup([OLDER, NEWER]);
    const result = await rig.restore(['--yes', 'latest']);
    expect(result.code).toBe(0);
    const calls = rig.calls().map((call) => (call.includes('mongorestore') ? 'compose exec restore' : call));
    expect(calls).toEqual([
      expect.stringContaining('compose exec -T mongo sh -c ls -1 /backups'),
      'compose stop pandu',
      'compose run --rm --no-deps -T backup once',
      expect.stringContaining('compose exec -T mongo sh -c ls -1 /backups'),
      'compose exec restore',
      'compose up -d --wait pandu',
    ]);
    expect(rig.read('mongosh-args')).toContain('db.getSiblingDB("pandu").dropDatabase()');
    expect(rig.lines('mongorestore-args')).toEqual(
      expect.arrayContaining([
        '--username=root',
        '--authenticationDatabase=admin',
        '--nsInclude=pandu.*',
        '--drop',
        '--gzip',
        `--archive=/backups/${NEWER}`,
      ]),
    );
    // Root's password reached mongorestore only in its config file, escaped for YAML.
    expect(rig.read('config')).toBe('password: "root\\"pass\\\\word"\n');
    expect(rig.read('calls') + rig.read('mongorestore-args') + rig.read('mongosh-args')).not.toContain(
      ROOT_PASSWORD,
    );
    expect(result.stdout).toContain(`the data from before is in ${UNDO}`);
  });

  test('an archive kept elsewhere on the host is sent to mongorestore through stdin', async () => {
    const rig = setup([NEWER]);
    const file = join(rig.fake, 'offsite.archive.gz');
    writeFileSync(file, 'archive bytes');
    const result = await rig.restore(['--yes', file], { PANDU_DB_NAME: 'pandu_prod' });
    expect(result.code).toBe(0);
    expect(rig.lines('mongorestore-args')).toEqual(
      expect.arrayContaining(['--archive', '--nsInclude=pandu_prod.*']),
    );
    expect(rig.read('stdin')).toBe('archive bytes');
  });

  test('without --yes and without a terminal to ask on, nothing is stopped or changed', async () => {
    const rig = setup([NEWER]);
    const result = await rig.restore([NEWER]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('add --yes');
    expect(rig.calls().some((call) => call.includes('stop'))).toBe(false);
  });

  test('a backup name that is not in the volume is refused before anything is stopped', async () => {
    const rig = setup([NEWER]);
    const missing = await rig.restore(['--yes', OLDER]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`there is no backup "${OLDER}"`);
    const nonsense = await rig.restore(['--yes', 'yesterday']);
    expect(nonsense.code).toBe(1);
    expect(nonsense.stderr).toContain('neither a file here nor a backup name');
    expect(rig.calls().some((call) => call.includes('stop'))).toBe(false);
    const empty = setup([]);
    const latest = await empty.restore(['--yes', 'latest']);
    expect(latest.code).toBe(1);
    expect(latest.stderr).toContain('there is no backup in the backup volume yet');
    expect(empty.calls().some((call) => call.includes('stop'))).toBe(false);
  });

  test('a failed restore leaves Pandu stopped and names the backup that puts the old data back', async () => {
    const rig = setup([NEWER]);
    const result = await rig.restore(['--yes', NEWER], { FAKE_RESTORE_FAIL: '1' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`FAILED; Pandu stays stopped. The data from before is in ${UNDO}`);
    expect(rig.calls().some((call) => call.startsWith('compose up'))).toBe(false);
  });
});
