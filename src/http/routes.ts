import type { IncomingMessage, ServerResponse } from 'node:http';

/** An HTTP route on the service's own port (a channel's webhook, Slack's events, a feature's page). */
export interface HttpRoute {
  /** The method it answers; `*` answers every method (a mounted framework routes them itself). */
  method: 'POST' | 'GET' | '*';
  path: string;
  /** Also answers every path below `path` (`/web` → `/web/...`): a mounted sub-application. */
  prefix?: boolean;
  handle(request: IncomingMessage, response: ServerResponse): void;
}

/** Whether a route answers this method and path (exact routes first is the caller's choice). */
export function routeMatches(route: HttpRoute, method: string | undefined, path: string): boolean {
  if (route.method !== '*' && route.method !== method) return false;
  if (path === route.path) return true;
  return route.prefix === true && path.startsWith(route.path.endsWith('/') ? route.path : `${route.path}/`);
}
