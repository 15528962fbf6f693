import type { TextOutput } from '../features/feature.js';

/** Where a `pandu` command writes: the same shape a feature's command writes to. */
export type CliOutput = TextOutput;
