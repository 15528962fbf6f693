import { createRequire } from 'node:module';
import { isatty } from 'node:tty';

interface DebugModule {
  inspectOpts?: Record<string, unknown>;
}

/**
 * Agenda makes a `debug` logger for every job it locks and runs (`log.extend(…)`), and each new
 * logger asks whether stderr is a terminal, a system call, unless the colour setting is known
 * (`DEBUG_COLORS`): ~4 % of the main thread while 1,000 escalations a second run. Deciding it
 * once, as `debug` itself would, leaves its output exactly as it was. Returns the setting.
 */
export function settleAgendaDebugColors(): boolean | undefined {
  try {
    const fromHere = createRequire(import.meta.url);
    const debug = createRequire(fromHere.resolve('agenda'))('debug') as DebugModule;
    const options = debug.inspectOpts;
    if (!options) return undefined;
    if (!('colors' in options)) options['colors'] = isatty(process.stderr.fd);
    return Boolean(options['colors']);
  } catch {
    // Another `debug` layout: the loggers ask for themselves, as before.
    return undefined;
  }
}
