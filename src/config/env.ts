import { z } from 'zod';
import { PanduError } from '../core/errors.js';

/**
 * The whole configuration, from environment variables, validated once at start. Every variable
 * is documented in README.md and .env.example.
 */
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const optionalUrl = optionalText.pipe(z.url().optional());

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone such as Asia/Jakarta');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty` (readable) or `json`; unset: readable on a terminal outside production, else JSON. */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MONGODB_URI: optionalText.pipe(
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb://')
      .optional(),
  ),
  EMBEDDED_MONGODB_PORT: z.coerce.number().int().min(0).max(65535).default(27027),
  FLOWS_DIR: z.string().default('flows'),
  ORG_FILE: z.string().default('flows/org/org.example.yaml'),
  /** One office-calendar file per year (`*.yaml` directly inside). */
  CALENDAR_DIR: z.string().trim().min(1).default('flows/calendars'),
  /**
   * Optional single calendar file (the setting before CALENDAR_DIR): when set, it is used for its own
   * year instead of the directory's file of that year; every other year still comes from CALENDAR_DIR.
   * Empty: none.
   */
  CALENDAR_FILE: z.string().trim().default(''),
  LOCALES_DIR: z.string().default('locales'),
  TIME_ZONE: timeZone.default('Asia/Jakarta'),
  DEFAULT_LOCALE: z.enum(['id', 'en']).default('id'),
  INVITE_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(20 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  REMINDER_SHARE: z.coerce.number().gt(0).lt(1).default(0.8),
  /**
   * Escalation past level 1: level n+1 comes this many standard periods (office time) after level n,
   * one factor per level from level 2 up, the last repeated. At least 1: the engine never escalates
   * a level sooner than one standard period after the one before.
   */
  ESCALATION_REPEAT_FACTORS: z
    .string()
    .trim()
    .default('1')
    .transform((text, ctx) => {
      const factors = text.split(',').map((part) => Number(part.trim()));
      if (factors.length === 0 || factors.some((f) => !Number.isFinite(f) || f < 1 || f > 100)) {
        ctx.addIssue({ code: 'custom', message: 'a comma list of numbers from 1 to 100, e.g. 1 or 1,2,2' });
        return z.NEVER;
      }
      return factors;
    }),
  TELEGRAM_BOT_TOKEN: optionalText.pipe(
    z
      .string()
      .regex(/^\d+:[\w-]+$/, 'looks like 123456:ABC-DEF...')
      .optional(),
  ),
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: optionalUrl,
  TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, '16–256 characters: letters, digits, _ and -')
      .optional(),
  ),
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().startsWith('xoxb-', 'a bot token starts with xoxb-').optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith('xapp-', 'an app-level token starts with xapp-').optional(),
  ),
  SLACK_API_URL: optionalUrl,
  /**
   * Where people reach the service from outside (`https://pandu.example.go.id`): the base of links
   * the service sends (one-time web and dashboard sign-in links, the verification link on generated
   * documents PUBLIC_URL/verify/<id>, the Telegram Mini App's menu button); with https, cookies are
   * Secure. Unset:
   * `http://localhost:<PORT>`.
   */
  PUBLIC_URL: optionalUrl,
  /**
   * The playground (`/play`, act as anyone of the org): `auto` turns it on when the service runs on
   * its embedded database outside production; `on` anywhere but production; `off` never.
   */
  PLAYGROUND: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Back-off between attempts to reach a chat platform: the first wait, doubled up to the last. */
  CHANNEL_RETRY_MIN_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  CHANNEL_RETRY_MAX_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  /**
   * How long in all a direct reply (the answer to a command, a text, a file, a tap) waits for a
   * platform that fails for a passing reason before it is handed to the outbox.
   */
  REPLY_RETRY_MS: z.coerce.number().int().min(0).max(600_000).default(60_000),
  /** When set, GET /metrics needs `Authorization: Bearer <token>`; empty: open to whoever reaches the port. */
  METRICS_TOKEN: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9._~+/=-]{16,256}$/, '16–256 characters: letters, digits and . _ ~ + / = -')
      .optional(),
  ),
});

export type Config = z.output<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new PanduError('config-invalid', `Invalid config:\n${lines.join('\n')}`, { cause: result.error });
  }
  const config = result.data;
  const problems: string[] = [];
  if (config.TELEGRAM_WEBHOOK_URL && !config.TELEGRAM_WEBHOOK_SECRET) {
    problems.push('TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set');
  }
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) {
    problems.push(
      'SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  if (config.PLAYGROUND === 'on' && config.NODE_ENV === 'production') {
    problems.push(
      'PLAYGROUND: the playground lets anyone act as anyone; it cannot be on with NODE_ENV=production',
    );
  }
  if (problems.length > 0) throw new PanduError('config-invalid', `Invalid config:\n${problems.join('\n')}`);
  return config;
}
