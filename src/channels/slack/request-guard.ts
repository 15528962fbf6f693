import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { DeliveryLog } from '../../chat/ports.js';

/** Slack's own window: a request signed more than five minutes from now, either way, is refused. */
export const SLACK_TIMESTAMP_WINDOW_S = 5 * 60;
/** Events, commands and interactions are small; files come by URL, never in the body. */
export const SLACK_BODY_MAX_BYTES = 1024 * 1024;
const FORM = 'application/x-www-form-urlencoded';

/** A refusal with status 200 is a replay: acknowledged (Slack shows no error) and not applied. */
export type GuardOutcome =
  { ok: true; body: Buffer } | { ok: false; status: 200 | 400 | 401 | 413; reason: string };

/**
 * Checks a request to the Slack endpoint before Bolt sees it: the signature over the raw body,
 * a timestamp no more than five minutes away in either direction (Bolt refuses only old ones),
 * a well-formed body (JSON, or a form whose `payload` is JSON) that names its user where Slack
 * always names one (slash commands, interactions), and a signature not seen before (a repeated
 * signature is a replay: acknowledged, so Slack shows no error, and not applied). Seen
 * signatures are kept in the delivery log, in MongoDB with a TTL, shared by every process.
 */
export async function guardSlackRequest(
  request: IncomingMessage,
  deps: { signingSecret: string; deliveries: DeliveryLog; nowMs?: () => number },
): Promise<GuardOutcome> {
  let body: Buffer;
  try {
    body = await readLimited(request, SLACK_BODY_MAX_BYTES);
  } catch {
    return { ok: false, status: 413, reason: 'body too large' };
  }
  const text = body.toString('utf8');
  const contentType = (header(request, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  // Slack's SSL check carries no signature; Bolt answers it and strips anything else.
  if (contentType === FORM && parseQuery(text)['ssl_check'] === '1') return { ok: true, body };
  const signature = header(request, 'x-slack-signature');
  const timestampText = header(request, 'x-slack-request-timestamp');
  if (!signature || !timestampText || !/^\d{1,12}$/.test(timestampText)) {
    return { ok: false, status: 401, reason: 'missing signature or timestamp' };
  }
  const timestamp = Number(timestampText);
  const nowS = Math.floor((deps.nowMs?.() ?? Date.now()) / 1000);
  if (Math.abs(nowS - timestamp) > SLACK_TIMESTAMP_WINDOW_S) {
    return { ok: false, status: 401, reason: 'timestamp outside the five-minute window' };
  }
  const expected = `v0=${createHmac('sha256', deps.signingSecret).update(`v0:${timestampText}:${text}`).digest('hex')}`;
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    return { ok: false, status: 401, reason: 'bad signature' };
  }
  const malformed = malformedBody(contentType, text);
  if (malformed) return { ok: false, status: 400, reason: malformed };
  if (!(await deps.deliveries.firstTime(replayKey(request, signature, contentType, text)))) {
    return { ok: false, status: 200, reason: 'replayed signature' };
  }
  return { ok: true, body };
}

/**
 * What a signature is remembered by. Slack may redeliver an event with the same signature and
 * X-Slack-Retry-Num (unsigned): for Events API events only, which are applied once by their
 * `event_id` anyway, each retry number counts as a delivery of its own.
 */
function replayKey(request: IncomingMessage, signature: string, contentType: string, text: string): string {
  const retry = header(request, 'x-slack-retry-num');
  if (retry && /^\d{1,3}$/.test(retry) && contentType !== FORM) {
    const parsed = parseJson(text);
    if (isRecord(parsed) && parsed['type'] === 'event_callback' && typeof parsed['event_id'] === 'string') {
      return `slack:signature:${signature}:retry:${retry}`;
    }
  }
  return `slack:signature:${signature}`;
}

/** Why the body cannot be what Slack sends, or nothing when it can. */
function malformedBody(contentType: string, text: string): string | undefined {
  if (contentType === FORM) {
    const form = parseQuery(text);
    const payload = form['payload'];
    if (payload !== undefined) {
      const parsed = parseJson(typeof payload === 'string' ? payload : '');
      if (!isRecord(parsed)) return 'payload is not a JSON object';
      const user = parsed['user'];
      if (!isRecord(user) || typeof user['id'] !== 'string' || user['id'] === '')
        return 'payload without a user';
      return undefined;
    }
    if (typeof form['command'] === 'string') {
      return typeof form['user_id'] === 'string' && form['user_id'] !== ''
        ? undefined
        : 'command without a user';
    }
    return 'form without a payload or a command';
  }
  return isRecord(parseJson(text)) ? undefined : 'body is not a JSON object';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function readLimited(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.removeAllListeners('data');
        request.resume();
        reject(new Error('too large'));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
