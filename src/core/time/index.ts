export * from './errors.js';
export * from './office-calendar.js';
export * from './office-time.js';
export * from './zones.js';
export * from './format-duration.js';
export * from './parse-duration.js';
export * from './multi-year-calendar.js';
export * from './calendar-status.js';
