import { createServer } from 'node:net';
import { congodb } from '@push.rocks/smartmongo';
import { installEmbeddedIdIndex } from './embedded-id-index.js';

/**
 * An in-process, in-memory MongoDB-wire server (CongoDB) for running without a database server.
 * Data does not survive a restart. Known gaps: unique indexes are not enforced, transactions are
 * no-ops, only ObjectId `_id`s are accepted. Pandu's storage relies on none of these. Queries by
 * `_id` are looked up by key (embedded-id-index.ts); every other query scans its collection.
 */
export interface EmbeddedMongo {
  uri: string;
  stop(): Promise<void>;
}

export async function startEmbeddedMongo(
  options: { port?: number; database?: string } = {},
): Promise<EmbeddedMongo> {
  installEmbeddedIdIndex();
  const port = options.port && options.port > 0 ? options.port : await freePort();
  const server = new congodb.CongoServer({ port, host: '127.0.0.1', storage: 'memory' });
  await server.start();
  return {
    uri: `mongodb://127.0.0.1:${port}/${options.database ?? 'pandu'}?serverMonitoringMode=poll&directConnection=true`,
    stop: () => server.stop(),
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
