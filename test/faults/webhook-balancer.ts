/**
 * A load balancer in front of several service processes for Telegram's webhook, with Telegram's
 * own delivery rule: an update is posted again until a process answers it with 2xx. A process
 * that dies mid-update thus has it handled again by another (at-least-once, as in production).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sleep } from '../support/e2e/waiting.js';

export interface Balancer {
  url: string;
  /** Posts that failed and were tried again on another process. */
  retries(): number;
  stop(): Promise<void>;
}

export async function startWebhookBalancer(targets: () => number[], path: string): Promise<Balancer> {
  let next = 0;
  let retries = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const secret = request.headers['x-telegram-bot-api-secret-token'];
      if (typeof secret === 'string') headers['x-telegram-bot-api-secret-token'] = secret;
      void (async () => {
        const until = Date.now() + 90_000;
        for (let attempt = 0; Date.now() < until; attempt++) {
          const ports = targets();
          const port = ports[next++ % Math.max(1, ports.length)];
          if (attempt > 0) retries++;
          try {
            const answer = await fetch(`http://127.0.0.1:${String(port)}${request.url ?? path}`, {
              method: 'POST',
              headers,
              body,
              signal: AbortSignal.timeout(20_000),
            });
            const text = await answer.text();
            if (answer.ok) {
              response.writeHead(answer.status, {
                'content-type': answer.headers.get('content-type') ?? 'text/plain',
              });
              response.end(text);
              return;
            }
          } catch {
            // The process is down or died mid-update: another one (or this one, restarted) gets it.
          }
          await sleep(100);
        }
        response.writeHead(502).end();
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    retries: () => retries,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
