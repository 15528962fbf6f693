import type { Feature } from './feature.js';

export type { Feature } from './feature.js';

/**
 * The features the service runs, one line each, in order (a feature's start hook runs after
 * those before it). Each is a folder under src/features, loaded only when the app is built.
 */
export async function loadFeatures(): Promise<Feature[]> {
  return [
    (await import('./ppk/index.js')).ppkFeature,
    (await import('./time-standards/index.js')).timeStandardsFeature(),
    (await import('./office-calendar/index.js')).officeCalendarFeature(),
    (await import('./reports/index.js')).reportsFeature(),
    (await import('./paper/index.js')).paperFeature(),
  ];
}
