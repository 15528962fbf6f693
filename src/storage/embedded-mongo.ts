import { createServer } from 'node:net';
import { Worker } from 'node:worker_threads';

/**
 * An in-memory MongoDB-wire server (CongoDB) for running without a database server.
 * Data does not survive a restart. Known gaps: unique indexes are not enforced, transactions are
 * no-ops, only ObjectId `_id`s are accepted. Pandu's storage relies on none of these. Queries by
 * `_id` are looked up by key, and simple filters are compiled (embedded-id-index.ts); every other
 * query is matched by mingo against every document of its collection.
 */
export interface EmbeddedMongo {
  uri: string;
  stop(): Promise<void>;
}

/**
 * Starts the embedded server in a worker thread of its own (`thread`, the default), or in this
 * thread. Where the worker cannot load its module (a test runner that compiles TypeScript in its
 * own way), it runs in this thread instead.
 */
export async function startEmbeddedMongo(
  options: { port?: number; database?: string; thread?: boolean } = {},
): Promise<EmbeddedMongo> {
  const port = options.port && options.port > 0 ? options.port : await freePort();
  const database = options.database ?? 'pandu';
  if (options.thread === false) return startInProcess({ port, database });
  return (await startInThread(port, database)) ?? startInProcess({ port, database });
}

export async function startInProcess(options: { port: number; database: string }): Promise<EmbeddedMongo> {
  // Loaded only here: with the server in its worker thread (the default) the service's own thread
  // never needs these modules, and loading them there would add about 0.3 s to every start.
  const [{ congodb }, { installEmbeddedIdIndex }, { installEmbeddedUpdate }] = await Promise.all([
    import('@push.rocks/smartmongo'),
    import('./embedded-id-index.js'),
    import('./embedded-update.js'),
  ]);
  installEmbeddedIdIndex();
  installEmbeddedUpdate();
  const server = new congodb.CongoServer({ port: options.port, host: '127.0.0.1', storage: 'memory' });
  await server.start();
  return { uri: uriOf(options.port, options.database), stop: () => server.stop() };
}

function uriOf(port: number, database: string): string {
  return `mongodb://127.0.0.1:${port}/${database}?serverMonitoringMode=poll&directConnection=true`;
}

async function startInThread(port: number, database: string): Promise<EmbeddedMongo | undefined> {
  // From TypeScript sources (tsx, the tests), the thread compiles its module with tsx as well.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./embedded-mongo-thread.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  const workerData = { listenPort: port, database };
  // The database thread's young generation. It allocates a short-lived copy of every document it
  // touches, yet with 24 MB the escalation benchmark's p99 stayed within 270 ms (its target:
  // 1 s) and the process holds 1,000 open requests in about 45 MB less than with 64 MB
  // (docs/benchmarks.md). `npm start` and the image run Node with --max-semi-space-size=4, a flag
  // that overrides this limit: there both threads have 4 MB semi-spaces (same file, seventh pass).
  const resourceLimits = { maxYoungGenerationSizeMb: 24 };
  let worker: Worker;
  try {
    worker = fromSource
      ? new Worker(
          `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`,
          { eval: true, workerData, resourceLimits },
        )
      : new Worker(entry, { workerData, resourceLimits });
  } catch {
    return undefined;
  }
  const answer = await new Promise<{ started?: string; failed?: string } | undefined>((resolve) => {
    worker.once('message', (message: { started?: string; failed?: string }) => resolve(message));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  if (!answer?.started) {
    await worker.terminate();
    if (answer?.failed) throw new Error(`embedded database did not start: ${answer.failed}`);
    return undefined;
  }
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    uri: answer.started,
    stop: async () => {
      worker.postMessage('stop');
      // Closed cleanly within five seconds, else ended; an already ended thread resolves at once.
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A TCP port free on the loopback interface right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
