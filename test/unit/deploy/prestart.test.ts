import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/paths.js';

/**
 * package.json's `prestart`, run by sh in a scratch checkout with a stand-in `tsc`: `npm start`
 * rebuilds only when a source is newer than the last build, stops on a failed build, and starts
 * the existing build where TypeScript is not installed (npm ci --omit=dev).
 */
const prestart = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: { prestart: string } }
).scripts.prestart;

function checkout(options: { built: boolean; typescript: boolean; tscExit: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'pandu-prestart-'));
  for (const sub of ['src/storage', 'dist', 'bin']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), '{}');
  writeFileSync(join(dir, 'src', 'tsconfig.json'), '{}');
  writeFileSync(join(dir, 'src', 'storage', 'store.ts'), 'export {};');
  writeFileSync(
    join(dir, 'bin', 'tsc'),
    `#!/bin/sh\necho "$@" >> "${dir}/tsc-calls"\nexit ${options.tscExit}\n`,
  );
  chmodSync(join(dir, 'bin', 'tsc'), 0o755);
  if (options.typescript) mkdirSync(join(dir, 'node_modules', 'typescript'), { recursive: true });
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const file of ['tsconfig.json', 'src/tsconfig.json', 'src/storage/store.ts', 'src/storage', 'src'])
    utimesSync(join(dir, file), hourAgo, hourAgo);
  if (options.built) writeFileSync(join(dir, 'dist', 'tsconfig.tsbuildinfo'), '{}');
  return {
    touch: (file: string) => utimesSync(join(dir, file), new Date(), new Date(Date.now() + 60_000)),
    tscCalls: () => (existsSync(join(dir, 'tsc-calls')) ? readFileSync(join(dir, 'tsc-calls'), 'utf8') : ''),
    run: (withTsc = true) =>
      new Promise<number>((resolve) => {
        const path = withTsc ? `${join(dir, 'bin')}:/usr/bin:/bin` : '/usr/bin:/bin';
        execFile('sh', ['-c', prestart], { cwd: dir, env: { PATH: path } }, (error) =>
          resolve(error ? Number(error.code) : 0),
        );
      }),
  };
}

describe('npm start builds first only when it has to (prestart)', () => {
  test('a build newer than every source: no compiler run', async () => {
    const rig = checkout({ built: true, typescript: true, tscExit: 0 });
    expect(await rig.run()).toBe(0);
    expect(rig.tscCalls()).toBe('');
  });

  test('an edited source, or a changed tsconfig.json: tsc -b src', async () => {
    const edited = checkout({ built: true, typescript: true, tscExit: 0 });
    edited.touch('src/storage/store.ts');
    expect(await edited.run()).toBe(0);
    expect(edited.tscCalls()).toBe('-b src\n');
    const config = checkout({ built: true, typescript: true, tscExit: 0 });
    config.touch('tsconfig.json');
    expect(await config.run()).toBe(0);
    expect(config.tscCalls()).toBe('-b src\n');
  });

  test('no build yet: tsc -b src', async () => {
    const rig = checkout({ built: false, typescript: true, tscExit: 0 });
    expect(await rig.run()).toBe(0);
    expect(rig.tscCalls()).toBe('-b src\n');
  });

  test('a failed build stops npm start', async () => {
    const rig = checkout({ built: true, typescript: true, tscExit: 2 });
    rig.touch('src/storage/store.ts');
    expect(await rig.run()).not.toBe(0);
  });

  test('without TypeScript installed (production dependencies only) the existing build starts', async () => {
    const rig = checkout({ built: true, typescript: false, tscExit: 0 });
    rig.touch('src/storage/store.ts');
    expect(await rig.run(false)).toBe(0);
  });
});
