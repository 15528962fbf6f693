import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import { readBody } from '../../../http/http-server.js';

export const SESSION_COOKIE = 'pandu_dasbor';
/** Forms and the Mini App's init data are small. */
const MAX_FORM_BYTES = 16 * 1024;

/**
 * Every dashboard answer: a strict Content-Security-Policy (nothing but the project's own
 * stylesheet, script and images; Telegram Web may frame the Mini App), no caching, no sniffing,
 * and no referrer to other sites (a sign-in link must not leak through one; within the site the
 * browser then still sends Origin, which `no-referrer` would turn into `null`).
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; " +
    "form-action 'self'; base-uri 'none'; frame-ancestors 'self' https://web.telegram.org",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

export function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  headers: Record<string, string | string[]> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': String(bytes.length),
    ...headers,
  });
  response.end(bytes);
}

export function sendHtml(response: ServerResponse, status: number, page: string, headers = {}): void {
  send(response, status, 'text/html; charset=utf-8', page, headers);
}

export function redirect(
  response: ServerResponse,
  location: string,
  headers: Record<string, string | string[]> = {},
): void {
  response.writeHead(303, { ...SECURITY_HEADERS, location, 'content-length': '0', ...headers });
  response.end();
}

/** The query of a request's URL (never trusted: every value is checked by whoever reads it). */
export function queryOf(request: IncomingMessage): URLSearchParams {
  return new URL(request.url ?? '/', 'http://localhost').searchParams;
}

export function sessionCookieOf(request: IncomingMessage): string | undefined {
  return parseCookies(request.headers.cookie ?? '')[SESSION_COOKIE];
}

/** The session cookie: HttpOnly, SameSite=Lax, Secure when the service is reached over https. */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return serializeCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/dasbor',
    maxAge: maxAgeSeconds,
  });
}

/**
 * Whether a state-changing request comes from the dashboard's own pages: its Origin (or, without
 * one, Sec-Fetch-Site) names this site. The CSRF token is checked besides where there is a session.
 */
export function sameOrigin(request: IncomingMessage, publicUrl: string | undefined): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return request.headers['sec-fetch-site'] !== 'cross-site';
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  if (publicUrl && new URL(publicUrl).host === host) return true;
  return host === request.headers.host;
}

/** A url-encoded form or a JSON object's string fields; anything else gives an empty record. */
export async function readForm(request: IncomingMessage): Promise<Record<string, string>> {
  const body = (await readBody(request, MAX_FORM_BYTES)).toString('utf8');
  const type = request.headers['content-type'] ?? '';
  const fields: Record<string, string> = {};
  if (type.startsWith('application/json')) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return fields;
    }
    if (typeof value === 'object' && value !== null)
      for (const [key, field] of Object.entries(value)) if (typeof field === 'string') fields[key] = field;
    return fields;
  }
  for (const [key, value] of new URLSearchParams(body)) if (!(key in fields)) fields[key] = value;
  return fields;
}
