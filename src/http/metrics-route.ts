import { timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import type { PrometheusMetrics } from '../metrics/prometheus.js';
import type { Logger } from '../logger.js';
import { sendJson } from './http-server.js';
import type { HttpRoute } from './routes.js';

export const METRICS_PATH = '/metrics';

/**
 * GET /metrics in Prometheus' text format. With a token configured, only a request with
 * `Authorization: Bearer <token>` gets them (401 otherwise, compared in constant time).
 */
export function metricsRoute(
  metrics: PrometheusMetrics,
  token: string | undefined,
  logger: Logger,
): HttpRoute {
  return {
    method: 'GET',
    path: METRICS_PATH,
    handle(request, response) {
      if (token && !bearerMatches(request.headers.authorization, token)) {
        response.setHeader('www-authenticate', 'Bearer realm="pandu-metrics"');
        sendJson(response, 401, { ok: false, error: 'unauthorized' });
        return;
      }
      metrics
        .scrape()
        .then(({ contentType, body }) => {
          response.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
          response.end(body);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'metrics could not be collected');
          sendJson(response, 500, { ok: false });
        });
    },
  };
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  const given = Buffer.from(match?.[1]?.trim() ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Counts every answered request by route: the path of a known route (and /healthz), else
 * `other`, so a scan of random paths cannot grow the series without bound.
 */
export function countRequests(
  server: Server,
  paths: readonly string[],
  record: (route: string, method: string, status: number) => void,
): void {
  const known = new Set(['/healthz', ...paths]);
  server.on('request', (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const route = known.has(path) ? path : 'other';
    response.once('finish', () => record(route, request.method ?? 'OTHER', response.statusCode));
  });
}
