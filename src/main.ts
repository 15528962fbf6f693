import { createApp } from './app.js';
import { loadConfig } from './config/env.js';
import { DataFileError, PanduError } from './core/errors.js';
import { createLogger } from './logger.js';

/** Process entry: config → app → start; SIGINT/SIGTERM stop it gracefully. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  let app;
  try {
    app = await createApp(config, { logger });
    await app.start();
  } catch (error) {
    if (error instanceof DataFileError)
      logger.fatal({ problems: error.problems }, `cannot start: ${error.message}`);
    else if (error instanceof PanduError)
      logger.fatal({ code: error.code }, `cannot start: ${error.message}`);
    else logger.fatal({ err: error }, 'cannot start');
    await app?.stop().catch(() => undefined);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    app
      .stop()
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
