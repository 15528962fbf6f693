import type { MessageParams } from '../core/i18n.js';
import type { TextOutput } from '../features/feature.js';

/** Where a `pandu` command writes: the same shape a feature's command writes to. */
export type CliOutput = TextOutput;

/** A command's words, in the language the person asked for (`locales/<lang>/cli.ftl`). */
export type CliTexts = (key: string, params?: MessageParams) => string;
