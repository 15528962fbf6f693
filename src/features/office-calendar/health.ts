import type { MessageRef } from '../../core/i18n.js';
import type { CalendarStatus } from '../../core/time/calendar-status.js';

/** The calendar part of `/healthz`: the years, whether due times rest on provisional dates, the warnings. */
export interface CalendarHealth {
  readonly provisional: boolean;
  readonly today: string;
  readonly years: CalendarStatus['years'];
  readonly warnings: ReadonlyArray<MessageRef & { readonly text?: string }>;
}

/** `/healthz`'s `calendar` member; with `render`, each warning also carries its text. */
export function calendarHealth(status: CalendarStatus, render?: (ref: MessageRef) => string): CalendarHealth {
  return {
    provisional: status.provisional,
    today: status.today,
    years: status.years,
    warnings: status.warnings.map((warning) => (render ? { ...warning, text: render(warning) } : warning)),
  };
}
