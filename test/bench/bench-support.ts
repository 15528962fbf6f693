/** What the benchmarks share: the embedded database in a process of its own, percentiles, logging. */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const log = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};

/** The embedded MongoDB-wire server in a process of its own (as a real database would be). */
export async function startDbProcess(): Promise<{ uri: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test', 'bench', 'embedded-db-server.ts')],
    // stdin is a pipe from this process: when this process ends, it closes and the server exits.
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const uri = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`database process exited (${String(code)})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
  });
  return { uri, child };
}

/** The URI with the driver's command monitoring switched on. */
export function monitored(uri: string): string {
  return `${uri}${uri.includes('?') ? '&' : '?'}monitorCommands=true`;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

export function loads(): number[] {
  return loadavg().map((l) => Math.round(l * 100) / 100);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `main`, exits 0 when it resolves and 1 (with the cause on stderr) when it fails. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(
        `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
