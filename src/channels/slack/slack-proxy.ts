import type { webApi } from '@slack/bolt';
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';
import { proxyFor } from '../proxy.js';

export interface SlackProxy {
  /** The proxy's URL as the variables give it (for the logs through `shownProxy`). */
  url: string;
  /** For the Web API clients (`clientOptions.fetch`). */
  fetch: webApi.WebClientOptions['fetch'];
  /** For Socket Mode's WebSocket. */
  dispatcher: EnvHttpProxyAgent;
}

/**
 * Slack's clients call the Web API with fetch: behind a proxy they get undici's environment
 * agent, which reads `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` itself. Undefined when the
 * Web API's host is reached directly.
 */
export function slackProxy(apiUrl: string): SlackProxy | undefined {
  const url = proxyFor(apiUrl);
  if (!url) return undefined;
  const dispatcher = new EnvHttpProxyAgent();
  const fetch = ((input, init) =>
    undiciFetch(input, { ...(init as object), dispatcher })) as webApi.WebClientOptions['fetch'];
  return { url, fetch, dispatcher };
}
