import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../logger.js';

/** Bolt's and the Web API client's log lines, through the service's pino logger. */
export function boltLogger(logger: Logger): BoltLogger {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]): void => {
      const error = msg.find((part): part is Error => part instanceof Error);
      const text = msg.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
      if (error) logger[level]({ err: error }, text);
      else logger[level](text);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    // The service's LOG_LEVEL decides; Bolt's own level setting is not used.
    setLevel: () => undefined,
    getLevel: () => levelOf(logger.level),
    setName: () => undefined,
  };
}

function levelOf(level: string): LogLevel {
  if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}
