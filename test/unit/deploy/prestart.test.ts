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
 * package.json's `prestart`, run by sh in a scratch checkout with a stand-in `npm`: `npm start`
 * rebuilds only when a source is newer than the last build, stops on a failed build, and starts
 * the existing build where TypeScript is not installed (npm ci --omit=dev).
 */
const prestart = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: { prestart: string } }
).scripts.prestart;

function checkout(options: { built: boolean; typescript: boolean; buildExit: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'pandu-prestart-'));
  for (const sub of ['src/storage', 'dist', 'bin']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), '{}');
  writeFileSync(join(dir, 'src', 'tsconfig.json'), '{}');
  writeFileSync(join(dir, 'src', 'storage', 'store.ts'), 'export {};');
  // `npm run build` compiles (tsc -b src); without TypeScript installed it fails: no tsc.
  const buildExit = options.typescript ? options.buildExit : 127;
  writeFileSync(join(dir, 'bin', 'npm'), `#!/bin/sh\necho "$@" >> "${dir}/build-calls"\nexit ${buildExit}\n`);
  chmodSync(join(dir, 'bin', 'npm'), 0o755);
  if (options.typescript) mkdirSync(join(dir, 'node_modules', 'typescript'), { recursive: true });
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const file of ['tsconfig.json', 'src/tsconfig.json', 'src/storage/store.ts', 'src/storage', 'src'])
    utimesSync(join(dir, file), hourAgo, hourAgo);
  if (options.built) writeFileSync(join(dir, 'dist', 'tsconfig.tsbuildinfo'), '{}');
  return {
    touch: (file: string) => utimesSync(join(dir, file), new Date(), new Date(Date.now() + 60_000)),
    builds: () =>
      existsSync(join(dir, 'build-calls')) ? readFileSync(join(dir, 'build-calls'), 'utf8') : '',
    run: () =>
      new Promise<number>((resolve) => {
        const path = `${join(dir, 'bin')}:/usr/bin:/bin`;
        execFile('sh', ['-c', prestart], { cwd: dir, env: { PATH: path } }, (error) =>
          resolve(error ? Number(error.code) : 0),
        );
      }),
  };
}

describe('npm start builds first only when it has to (prestart)', () => {
  test('a build newer than every source: no build', async () => {
    const rig = checkout({ built: true, typescript: true, buildExit: 0 });
    expect(await rig.run()).toBe(0);
    expect(rig.builds()).toBe('');
  });

  test('an edited source, or a changed tsconfig.json: npm run build', async () => {
    const edited = checkout({ built: true, typescript: true, buildExit: 0 });
    edited.touch('src/storage/store.ts');
    expect(await edited.run()).toBe(0);
    expect(edited.builds()).toBe('run build\n');
    const config = checkout({ built: true, typescript: true, buildExit: 0 });
    config.touch('tsconfig.json');
    expect(await config.run()).toBe(0);
    expect(config.builds()).toBe('run build\n');
  });

  test('no build yet: npm run build', async () => {
    const rig = checkout({ built: false, typescript: true, buildExit: 0 });
    expect(await rig.run()).toBe(0);
    expect(rig.builds()).toBe('run build\n');
  });

  test('a failed build stops npm start', async () => {
    const rig = checkout({ built: true, typescript: true, buildExit: 2 });
    rig.touch('src/storage/store.ts');
    expect(await rig.run()).not.toBe(0);
  });

  test('without TypeScript installed (production dependencies only) the existing build starts', async () => {
    const rig = checkout({ built: true, typescript: false, buildExit: 0 });
    rig.touch('src/storage/store.ts');
    expect(await rig.run()).toBe(0);
    expect(rig.builds()).toBe('run build\n');
  });
});
