import type { App } from './app.js';
import { loadConfig, type Config } from './config/env.js';
import { DataFileError, PanduError } from './core/errors.js';
import { createLogger, defaultLogFormat, type Logger } from './logger.js';

/** How long stopping may take before the process exits anyway (longer than the scheduler's drain). */
const STOP_GRACE_MS = 20_000;

/**
 * Process entry: config → app → start. SIGINT/SIGTERM stop it gracefully at any moment: the
 * handlers are installed before anything starts, so a signal during start-up stops what has been
 * built so far, and the process exits 0.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL, undefined, config.LOG_FORMAT ?? defaultLogFormat(config));
  let app: App | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (signal: string, code = 0): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ signal }, 'stopping');
      const force = setTimeout(() => process.exit(1), STOP_GRACE_MS);
      force.unref();
      try {
        await app?.stop();
        logger.info('stopped');
        process.exit(code);
      } catch (error) {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      }
    })();
    return stopping;
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    const { proxyGlobalFetch } = await import('./channels/proxy.js');
    if (await proxyGlobalFetch())
      logger.info('outbound HTTP through the proxy of HTTPS_PROXY / HTTP_PROXY (NO_PROXY honoured)');
    const { createApp } = await import('./app.js');
    app = await createApp(config, { logger });
    if (stopping) {
      // A signal came while the app was being built: stop it now that it exists.
      await app.stop().catch(() => undefined);
      process.exit(0);
    }
    await app.start();
  } catch (error) {
    if (stopping) return;
    reportStartFailure(logger, error);
    await app?.stop().catch(() => undefined);
    process.exit(1);
  }
}

function reportStartFailure(logger: Logger, error: unknown): void {
  if (error instanceof DataFileError)
    logger.fatal({ problems: error.problems }, `cannot start: ${error.message}`);
  else if (error instanceof PanduError) logger.fatal({ code: error.code }, `cannot start: ${error.message}`);
  else logger.fatal({ err: error }, 'cannot start');
}

void main();
