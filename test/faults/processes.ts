/**
 * The processes of a fault run: the standalone embedded database (`npm run db:embedded`) and
 * service processes started the way `npm start` starts them, each killable with SIGKILL and
 * restartable on the same port and configuration.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { npmStartArgs } from '../support/npm-start.js';
import { REPO_ROOT } from '../support/paths.js';
import { sleep } from '../support/e2e/waiting.js';

/** Every child started here: killed when the suite's own process ends, however it ends. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(1));

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** `npm start` is `node <options> dist/main.js` (package.json) after its `prestart` build check. */
export const START_ARGS = npmStartArgs();

/** Builds dist/ when src is newer, exactly as `npm start`'s prestart does. */
export function buildLikeNpmStart(): void {
  const result = spawnSync('npm', ['run', '--silent', 'prestart'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run prestart failed (${String(result.status)})`);
}

export interface Database {
  uri: string;
  stop(): Promise<void>;
}

/** `npm run db:embedded -- --port P`: the database in its own process, outliving the services. */
export async function startDatabase(port: number, logDir: string): Promise<Database> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/storage/embedded-db-main.ts', '--port', String(port)],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_FORMAT: 'json' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr?.pipe(createWriteStream(join(logDir, 'db.log')));
  const uri = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`db:embedded exited (${String(code)})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (line.startsWith('MONGODB_URI=')) resolve(line.slice('MONGODB_URI='.length));
    });
  });
  return { uri, stop: () => stopChild(child, 'SIGTERM') };
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  return exited;
}

/** One service process slot: a name, a port and an environment; started, killed and started again. */
export class Service {
  private child: ChildProcess | undefined;
  private readonly log: WriteStream;
  starts = 0;
  kills = 0;
  /** Date.now() of each SIGKILL. */
  readonly killedAt: number[] = [];

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    logDir: string,
  ) {
    this.log = createWriteStream(join(logDir, `${name}.log`));
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process and waits until /readyz says it is ready. */
  async start(readyWithinMs = 60_000): Promise<void> {
    this.starts++;
    const child = track(
      spawn(process.execPath, START_ARGS, {
        cwd: REPO_ROOT,
        env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    this.log.write(`--- start ${this.starts} (pid ${String(child.pid)}) at ${new Date().toISOString()}\n`);
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.child = child;
    const until = Date.now() + readyWithinMs;
    while (Date.now() < until) {
      if (!this.running) throw new Error(`${this.name} exited during start (see its log)`);
      if (await this.ready()) return;
      await sleep(100);
    }
    throw new Error(`${this.name} not ready within ${readyWithinMs} ms`);
  }

  private async ready(): Promise<boolean> {
    try {
      const response = await fetch(`http://127.0.0.1:${this.port}/readyz`, {
        signal: AbortSignal.timeout(1000),
      });
      await response.body?.cancel();
      return response.status === 200;
    } catch {
      return false;
    }
  }

  /** SIGKILL: no handler runs, nothing is flushed, locks and leases stay as they were. */
  async kill(): Promise<void> {
    if (!this.child || !this.running) return;
    this.kills++;
    this.killedAt.push(Date.now());
    this.log.write(`--- SIGKILL at ${new Date().toISOString()}\n`);
    await stopChild(this.child, 'SIGKILL');
  }

  /** The graceful stop at the end (SIGTERM), so the run ends with every process gone. */
  async stop(): Promise<void> {
    if (this.child) await stopChild(this.child, 'SIGTERM');
    this.log.end();
  }
}
