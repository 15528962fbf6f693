/**
 * The embedded database's own thread: runs the server in a worker so that its query work (it
 * scans collections in JavaScript) does not compete with the service's event loop for one core.
 * Started by startEmbeddedMongo; answers `{ started: uri }` or `{ failed: message }`, and stops
 * on the message 'stop'.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startInProcess } from './embedded-mongo.js';

const port = parentPort;
if (!port) throw new Error('embedded-mongo-thread runs as a worker thread');
const { listenPort, database } = workerData as { listenPort: number; database: string };
try {
  const server = await startInProcess({ port: listenPort, database });
  port.postMessage({ started: server.uri });
  port.on('message', (message) => {
    if (message !== 'stop') return;
    void server.stop().finally(() => {
      port.postMessage('stopped');
      port.close();
    });
  });
} catch (error) {
  port.postMessage({ failed: error instanceof Error ? error.message : String(error) });
}
