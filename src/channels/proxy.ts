import type { Agent } from 'node:http';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';

/**
 * The outbound proxy for a platform's API, from the usual variables (`HTTPS_PROXY` for https
 * URLs, `HTTP_PROXY` for http, either in lower case too, and `NO_PROXY` for hosts reached
 * directly), or undefined to connect directly. The agent tunnels with CONNECT, so TLS still runs
 * end to end between Pandu and the platform.
 */
export function proxyAgentFor(url: string, env: NodeJS.ProcessEnv = process.env): Agent | undefined {
  const proxy = proxyFor(url, env);
  return proxy ? new HttpsProxyAgent(proxy, { keepAlive: true }) : undefined;
}

/**
 * With a proxy variable set, the process's own fetch (file downloads from Telegram and Slack)
 * goes through the proxy too, by the same variables; true when it does. undici (about 4 MB of
 * heap once loaded) is loaded only then: Node's own fetch needs none of it.
 */
export async function proxyGlobalFetch(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const set = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => env[name]);
  if (!set) return false;
  const { EnvHttpProxyAgent, setGlobalDispatcher } = await import('undici');
  setGlobalDispatcher(new EnvHttpProxyAgent());
  return true;
}

/** The proxy URL used for `url` (for the logs, without its password), or undefined. */
export function proxyFor(url: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const saved = swapEnv(env);
  try {
    const proxy = getProxyForUrl(url);
    return proxy === '' ? undefined : proxy;
  } finally {
    swapEnv(saved);
  }
}

/** A proxy URL safe to log: no user name or password. */
export function shownProxy(proxy: string): string {
  try {
    const url = new URL(proxy);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return '(unparsable proxy URL)';
  }
}

const PROXY_VARIABLES = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'ALL_PROXY',
  'all_proxy',
  'NO_PROXY',
  'no_proxy',
  'npm_config_https_proxy',
  'npm_config_http_proxy',
  'npm_config_proxy',
  'npm_config_no_proxy',
];

/** proxy-from-env reads process.env; a test's own environment is put in place for one call. */
function swapEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const before: NodeJS.ProcessEnv = {};
  for (const name of PROXY_VARIABLES) {
    before[name] = process.env[name];
    const value = env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return before;
}
