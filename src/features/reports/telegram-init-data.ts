import { createHmac, timingSafeEqual } from 'node:crypto';

/** The Telegram user a Mini App was opened by (the fields Pandu reads). */
export interface TelegramWebAppUser {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
}

export type InitDataResult =
  | { ok: true; user: TelegramWebAppUser; authDate: Date; fields: Record<string, string> }
  | {
      ok: false;
      reason: 'malformed' | 'no-hash' | 'bad-hash' | 'no-auth-date' | 'stale' | 'future' | 'no-user';
    };

export interface VerifyInitDataOptions {
  botToken: string;
  now: Date;
  /** Oldest `auth_date` accepted, in seconds before `now`. */
  maxAgeSeconds: number;
  /** How far in the future `auth_date` may be (clock skew), in seconds. Default 60. */
  maxSkewSeconds?: number;
}

/** HMAC-SHA-256 of `data` with `key`. */
function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/**
 * The data-check string Telegram signs: every received field but `hash`, as `key=value`, sorted
 * by key, joined with line feeds.
 */
export function dataCheckString(fields: Record<string, string>): string {
  return Object.keys(fields)
    .filter((key) => key !== 'hash')
    .sort()
    .map((key) => `${key}=${fields[key] ?? ''}`)
    .join('\n');
}

/** The hash Telegram puts in init data: HMAC-SHA-256(data-check string, HMAC-SHA-256(bot token, "WebAppData")), hex. */
export function initDataHash(fields: Record<string, string>, botToken: string): string {
  const secret = hmac('WebAppData', botToken);
  return hmac(secret, dataCheckString(fields)).toString('hex');
}

function parseUser(text: string | undefined): TelegramWebAppUser | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  if (
    typeof raw['id'] !== 'number' ||
    !Number.isSafeInteger(raw['id']) ||
    typeof raw['first_name'] !== 'string'
  ) {
    return undefined;
  }
  const optional = (name: string) => (typeof raw[name] === 'string' ? raw[name] : undefined);
  const lastName = optional('last_name');
  const username = optional('username');
  const languageCode = optional('language_code');
  return {
    id: raw['id'],
    firstName: raw['first_name'],
    ...(lastName !== undefined ? { lastName } : {}),
    ...(username !== undefined ? { username } : {}),
    ...(languageCode !== undefined ? { languageCode } : {}),
  };
}

/**
 * Verifies a Telegram Mini App's init data (`Telegram.WebApp.initData`, the query string the
 * client sends) as Telegram documents it for validating data received via the Mini App: the
 * `hash` field must equal the hex HMAC-SHA-256 of the data-check string keyed with
 * HMAC-SHA-256(key "WebAppData", message bot token), compared in constant time; `auth_date` (Unix
 * seconds) must be at most `maxAgeSeconds` old and not in the future; `user` must be a JSON object
 * with a numeric `id` and a `first_name`. Nothing in it is trusted before the hash matches.
 */
export function verifyInitData(initData: string, options: VerifyInitDataOptions): InitDataResult {
  if (typeof initData !== 'string' || initData.length === 0 || initData.length > 8192) {
    return { ok: false, reason: 'malformed' };
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(initData)) {
    if (key in fields) return { ok: false, reason: 'malformed' };
    fields[key] = value;
  }
  const given = fields['hash'];
  if (!given) return { ok: false, reason: 'no-hash' };
  if (!/^[0-9a-f]{64}$/i.test(given)) return { ok: false, reason: 'bad-hash' };
  const expected = Buffer.from(initDataHash(fields, options.botToken), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(given.toLowerCase(), 'hex')))
    return { ok: false, reason: 'bad-hash' };
  const authSeconds = Number(fields['auth_date']);
  if (!fields['auth_date'] || !Number.isSafeInteger(authSeconds) || authSeconds <= 0) {
    return { ok: false, reason: 'no-auth-date' };
  }
  const ageSeconds = options.now.getTime() / 1000 - authSeconds;
  if (ageSeconds > options.maxAgeSeconds) return { ok: false, reason: 'stale' };
  if (-ageSeconds > (options.maxSkewSeconds ?? 60)) return { ok: false, reason: 'future' };
  const user = parseUser(fields['user']);
  if (!user) return { ok: false, reason: 'no-user' };
  const { hash: _hash, ...signed } = fields;
  return { ok: true, user, authDate: new Date(authSeconds * 1000), fields: signed };
}
