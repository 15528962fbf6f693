import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import dockerignoreModule from '@balena/dockerignore';
import { DockerfileParser, type Copy, type Instruction } from 'dockerfile-ast';
import { REPO_ROOT } from '../../support/paths.js';

/**
 * The Dockerfile read by a real Dockerfile parser, and .dockerignore applied with Docker's own
 * matching rules (no Docker engine runs on the build machine, so the image is not built here).
 */
const dockerfile = DockerfileParser.parse(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8'));
// A CommonJS module whose types say `export default`: at run time the import is the function itself.
const dockerignore = dockerignoreModule as unknown as typeof dockerignoreModule.default;
const ignored = dockerignore({ ignorecase: false }).add(
  readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8'),
);
const run = promisify(execFile);
const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

/** The instructions of each build stage, by the stage's name (`FROM … AS name`). */
function stages(): Map<string, Instruction[]> {
  const byStage = new Map<string, Instruction[]>();
  let current: Instruction[] | undefined;
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const name = /\bAS\s+(\S+)$/i.exec(instruction.getArgumentsContent() ?? '')?.[1] ?? '';
      current = [];
      byStage.set(name, current);
    } else current?.push(instruction);
  }
  return byStage;
}

function lines(instructions: Instruction[] | undefined, keyword: string): string[] {
  return (instructions ?? [])
    .filter((instruction) => instruction.getKeyword() === keyword)
    .map((instruction) => instruction.getArgumentsContent() ?? '');
}

const build = stages().get('build');
const runtime = stages().get('runtime');

describe('Dockerfile', () => {
  test('has a build stage with every dependency that runs the build', () => {
    const runs = lines(build, 'RUN');
    expect(runs.some((run) => /^npm ci\b/.test(run) && !run.includes('--omit=dev'))).toBe(true);
    expect(runs.some((run) => run.includes('npm run build'))).toBe(true);
  });

  test('runtime stage: production dependencies only, no install scripts, the build and the data files', () => {
    const runs = lines(runtime, 'RUN');
    expect(runs.some((run) => /^npm ci --omit=dev --ignore-scripts\b/.test(run))).toBe(true);
    const copies = (runtime ?? []).filter((i): i is Copy => i.getKeyword() === 'COPY');
    const fromBuild = copies.filter((copy) => copy.getFromFlag()?.getValue() === 'build');
    expect(fromBuild.map((copy) => copy.getArgumentsContent())).toEqual(['/app/dist ./dist']);
    const fromContext = copies
      .filter((copy) => !copy.getFromFlag())
      .map((copy) => copy.getArgumentsContent());
    expect(fromContext).toEqual(expect.arrayContaining(['flows ./flows', 'locales ./locales']));
    expect(fromContext.join(' ')).not.toMatch(/\bsrc\b/);
  });

  test('runs as the unprivileged node user', () => {
    expect(lines(runtime, 'USER')).toEqual(['node']);
  });

  test('its health check passes on a 200 from /healthz on PORT, and fails on 503 or no answer', async () => {
    const [healthcheck] = lines(runtime, 'HEALTHCHECK');
    const [program, ...args] = JSON.parse(/^CMD (\[.*\])$/s.exec(healthcheck ?? '')?.[1] ?? '[]') as string[];
    expect(program).toBe('node');
    let status = 200;
    const requested: string[] = [];
    const server = createServer((request, response) => {
      requested.push(request.url ?? '');
      response.writeHead(status).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const check = async (env: Record<string, string>) => {
      try {
        await run(process.execPath, args, { env: { ...process.env, ...env }, timeout: 10_000 });
        return 0;
      } catch (error) {
        return (error as { code: number }).code;
      }
    };
    try {
      expect(await check({ PORT: String(port) })).toBe(0);
      status = 503;
      expect(await check({ PORT: String(port) })).toBe(1);
      expect(requested).toEqual(['/healthz', '/healthz']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await check({ PORT: String(port) })).toBe(1);
  });

  test('starts node dist/main.js with the same Node options as npm start', () => {
    const [cmd] = lines(runtime, 'CMD');
    const command = JSON.parse(cmd ?? '[]') as string[];
    expect(command).toEqual(packageJson.scripts.start?.split(/\s+/));
    expect(command.at(-1)).toBe('dist/main.js');
  });

  test('.dockerignore lets through what the Dockerfile copies, and nothing secret or bulky', () => {
    const copied = [...(build ?? []), ...(runtime ?? [])]
      .filter((i): i is Copy => i.getKeyword() === 'COPY' && !(i as Copy).getFromFlag())
      .flatMap((copy) =>
        copy
          .getArguments()
          .slice(0, -1)
          .map((argument) => argument.getValue()),
      );
    expect(copied.length).toBeGreaterThan(5);
    for (const path of [...copied, 'src/main.ts', 'flows/spse-eproc.yaml', 'flows/org/org.example.yaml'])
      expect([path, ignored.ignores(path)]).toEqual([path, false]);
    for (const path of [
      '.env',
      '.git/config',
      'node_modules/pino/package.json',
      'dist/main.js',
      'test/unit/org/org.test.ts',
      'flows/org/org.yaml',
      'backups/pandu-20261201T190000Z.archive.gz',
      'docs/deploy-readme-section.md',
    ])
      expect([path, ignored.ignores(path)]).toEqual([path, true]);
  });
});
