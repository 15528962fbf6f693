/**
 * The embedded MongoDB-wire server (CongoDB) in a process of its own, for the escalation
 * benchmark's `--db-process` mode: prints its URI on stdout, stops on SIGTERM. FAST_ID_LOOKUP=1
 * installs the `_id` lookup experiment (see congo-id-lookup.ts).
 */
import { startEmbeddedMongo } from '../../src/storage/embedded-mongo.js';
import { installIdLookup } from './congo-id-lookup.js';

if (process.env['FAST_ID_LOOKUP'] === '1') installIdLookup();

const server = await startEmbeddedMongo({ database: 'pandu-bench' });
process.stdout.write(`${server.uri}\n`);
process.on('SIGTERM', () => {
  void server.stop().then(() => process.exit(0));
});
