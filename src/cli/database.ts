import { createConnection } from 'node:net';
import type { Config } from '../config/env.js';

/**
 * The database a command works on: MONGODB_URI, or the embedded database of a service running on
 * this machine (`npm start` listens on EMBEDDED_MONGODB_PORT); undefined when there is neither.
 */
export async function databaseUri(config: Config): Promise<string | undefined> {
  if (config.MONGODB_URI) return config.MONGODB_URI;
  const port = config.EMBEDDED_MONGODB_PORT;
  if (await reachable('127.0.0.1', port)) {
    return `mongodb://127.0.0.1:${port}/pandu?serverMonitoringMode=poll&directConnection=true`;
  }
  return undefined;
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
