/**
 * The embedded MongoDB-wire server (CongoDB) in a process of its own, for the escalation
 * benchmark's `--db-process` mode: prints its URI on stdout, stops on SIGTERM.
 */
import { startEmbeddedMongo } from '../../src/storage/embedded-mongo.js';

const server = await startEmbeddedMongo({ database: 'pandu-bench' });
process.stdout.write(`${server.uri}\n`);
// Gone with its parent (stdin closes) or on SIGTERM, even while busy with a backlog of queries.
const exit = () => {
  setTimeout(() => process.exit(0), 2000).unref();
  void server.stop().then(() => process.exit(0));
};
process.on('SIGTERM', exit);
process.stdin.on('end', exit);
process.stdin.resume();
