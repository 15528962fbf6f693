import type { IncomingMessage, ServerResponse } from 'node:http';

/** An HTTP route on the service's own port (a channel's webhook, Slack's events, a feature's page). */
export interface HttpRoute {
  method: 'POST' | 'GET';
  path: string;
  /** `prefix`: the route also answers every path under `path/` (e.g. `/verify/<id>`); default exact. */
  match?: 'exact' | 'prefix';
  handle(request: IncomingMessage, response: ServerResponse): void;
}
