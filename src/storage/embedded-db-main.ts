/**
 * `npm run db:embedded -- --port P [--database D]`: the embedded database alone, in the
 * foreground, until Ctrl-C or SIGTERM. Its data outlives restarts of the services and CLI runs
 * that use it through `MONGODB_URI` (printed on stdout as `MONGODB_URI=...`), but not its own
 * end: it keeps everything in memory.
 */
import { parseArgs } from 'node:util';
import { createLogger, defaultLogFormat } from '../logger.js';
import { startInProcess } from './embedded-mongo.js';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '27017' }, database: { type: 'string', default: 'pandu' } },
  strict: true,
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  process.stderr.write(`--port must be a TCP port (1–65535), not "${values.port}"\n`);
  process.exit(2);
}
const logger = createLogger('info', process.stderr, defaultLogFormat(process.env, process.stderr));
const server = await startInProcess({ port, database: values.database });
process.stdout.write(`MONGODB_URI=${server.uri}\n`);
logger.info(
  { uri: server.uri },
  'embedded database running in the foreground (in memory: its data ends with it)',
);
let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'embedded database stopping');
  setTimeout(() => process.exit(0), 3000).unref();
  void server.stop().finally(() => process.exit(0));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
