/**
 * The helpers of the end-to-end suites (test/e2e): the service on the stand-ins, people on Telegram
 * and on Slack bound to their stand-ins, waiting, and today's date as agenda numbers spell it.
 */
export * from './app-on-stand-ins.js';
export * from './jakarta-calendar.js';
export * from './slack-people.js';
export * from './telegram-people.js';
export * from './waiting.js';
