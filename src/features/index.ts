import type { App } from '../app.js';

/**
 * Features that plug into the built app: each gets the app and adds what it needs (timers,
 * file handlers, chat commands and buttons, clean-up on stop). Order does not matter.
 */
export type Feature = (app: App) => Promise<void>;

export const FEATURES: Array<() => Promise<Feature>> = [
  async () => (await import('./ppk/index.js')).ppkFeature,
  async () => (await import('./time-standards/index.js')).timeStandardsFeature,
];
