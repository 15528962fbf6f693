import { pino, type Logger } from 'pino';

export type { Logger };

/** The one structured logger. Secrets never reach it: tokens are redacted wherever they appear. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
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
    destination as never,
  );
}
