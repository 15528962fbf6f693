import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { routeMatches, type HttpRoute } from './routes.js';
import type { Logger } from '../logger.js';

/**
 * The service's one HTTP port: `/healthz` and the routes channels add (Telegram webhook, Slack
 * events). Unknown paths get 404; handlers that throw get 500 and a log line, never a stack.
 */
export function createHttpServer(
  routes: HttpRoute[],
  health: () => Promise<Record<string, unknown>>,
  logger: Logger,
): Server {
  return createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (request.method === 'GET' && path === '/healthz') {
      health()
        .then((body) => sendJson(response, body['ok'] === false ? 503 : 200, body))
        .catch((error: unknown) => {
          logger.error({ err: error }, 'health check failed');
          sendJson(response, 503, { ok: false });
        });
      return;
    }
    // Exact routes before mounted prefixes, so a plain route is never shadowed by a sub-application.
    const route =
      routes.find((r) => !r.prefix && routeMatches(r, request.method, path)) ??
      routes.find((r) => routeMatches(r, request.method, path));
    if (!route) {
      sendJson(response, 404, { ok: false, error: 'not found' });
      return;
    }
    try {
      route.handle(request, response);
    } catch (error) {
      logger.error({ err: error, path }, 'route failed');
      if (!response.headersSent) sendJson(response, 500, { ok: false });
    }
  });
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** Reads a request body up to a limit; a larger body is refused. */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new Error(`request body over ${maxBytes} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
