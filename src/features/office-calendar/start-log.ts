import type { FileProblem } from '../../core/errors.js';
import type { MessageRef } from '../../core/i18n.js';
import type { CalendarStatus } from '../../core/time/calendar-status.js';

/** The part of a pino logger the report uses. */
export interface CalendarLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/**
 * Logs the calendar at start: the files and years (info), each notice (info: a holiday on a weekend is
 * allowed) and each warning (warn, in `render`'s language, e.g. English for operators).
 */
export function logCalendarAtStart(
  logger: CalendarLogger,
  loaded: { readonly files: readonly string[]; readonly notices: readonly FileProblem[] },
  status: CalendarStatus,
  render: (ref: MessageRef) => string,
): void {
  logger.info(
    {
      calendar: {
        files: loaded.files,
        provisional: status.provisional,
        years: status.years.map((year) => ({
          year: year.year,
          source: year.source,
          provisional: year.provisional,
        })),
      },
    },
    status.provisional
      ? 'office calendar loaded: PROVISIONAL (see the warnings)'
      : 'office calendar loaded: every year in use has a checked file',
  );
  for (const notice of loaded.notices) {
    logger.info({ calendarNotice: notice }, `${notice.file} ${notice.field}: ${notice.message}`);
  }
  for (const warning of status.warnings) logger.warn({ calendarWarning: warning }, render(warning));
}
