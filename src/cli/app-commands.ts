import type { App } from '../app.js';
import type { CliOutput } from './commands/ppk-check.js';

export type AppCommand = (argv: string[], out: CliOutput, app: App) => Promise<number>;

/**
 * CLI commands that run against the whole service (built without channels), by first word;
 * each receives the words after it.
 */
export const APP_COMMANDS: Record<string, () => Promise<AppCommand>> = {
  // pandu disruption start|end [--note TEXT]
  disruption: async () => (await import('../features/time-standards/disruption-command.js')).runDisruptionCommand,
  // pandu register export [--format xlsx|csv] [--out FILE]
  register: async () => {
    const { runRegisterExport } = await import('../features/ppk/index.js');
    return async (argv, out, app) => {
      const [action, ...rest] = argv;
      if (action !== 'export') {
        out.stderr('usage: pandu register export [--format xlsx|csv] [--out FILE]');
        return 2;
      }
      return runRegisterExport(rest, out, app);
    };
  },
};
