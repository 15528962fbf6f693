import type { App } from '../app.js';
import type { CliOutput } from './commands/ppk-check.js';

export type AppCommand = (argv: string[], out: CliOutput, app: App) => Promise<number>;

/**
 * CLI commands that run against the whole service (built without channels), by first word.
 * Features add theirs here: `disruption` (time standards), `register` (PPK register).
 */
export const APP_COMMANDS: Record<string, () => Promise<AppCommand>> = {};
