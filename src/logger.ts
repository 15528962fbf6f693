import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** `pretty`: readable lines (development on a terminal); `json`: one JSON object a line (production, files). */
export type LogFormat = 'pretty' | 'json';

/** The format when none is configured: readable on a terminal outside production, else JSON. */
export function defaultLogFormat(
  env: { NODE_ENV?: string },
  stream: { isTTY?: boolean } = process.stdout,
): LogFormat {
  return env.NODE_ENV !== 'production' && stream.isTTY === true ? 'pretty' : 'json';
}

/** The one structured logger. Secrets never reach it: tokens are redacted wherever they appear. */
export function createLogger(
  level: string,
  destination?: NodeJS.WritableStream,
  format: LogFormat = 'json',
): Logger {
  const output =
    format === 'pretty' && !destination
      ? pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' })
      : destination;
  return pino(
    {
      level,
      base: { service: 'pandu' },
      redact: {
        paths: ['*.token', '*.botToken', '*.secret', 'config.*TOKEN*', 'config.*SECRET*'],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    output as never,
  );
}
