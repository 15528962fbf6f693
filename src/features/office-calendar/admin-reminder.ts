import type { Prompt } from '../../core/engine/types.js';
import type { MessageRef } from '../../core/i18n.js';
import type { PersonId } from '../../core/ids.js';
import type { CalendarStatus } from '../../core/time/calendar-status.js';
import type { WeeklyClaims } from '../../scheduling/weekly-claims.js';

/** A chat notice to one admin: deterministic id (one per admin and week), the lines to show. */
export interface AdminNotice {
  readonly id: string;
  readonly to: PersonId;
  readonly lines: readonly MessageRef[];
}

export interface CalendarReminderInput {
  /** The calendar's status now (`calendarStatus` / `LoadedOfficeCalendars.status`). */
  readonly status: CalendarStatus;
  /** Who gets the reminder: the org's admins. */
  readonly admins: readonly PersonId[];
  /** The week this run belongs to (`isoWeekKey(now, zone)`): one reminder per week. */
  readonly weekKey: string;
  readonly claims: WeeklyClaims;
  /** Hands the notices on (to the outbox); a failure gives the week's claim back and is thrown. */
  readonly notify: (notices: readonly AdminNotice[]) => Promise<void>;
}

export type CalendarReminderResult =
  | { readonly sent: true; readonly notices: readonly AdminNotice[] }
  | { readonly sent: false; readonly reason: 'calendar-complete' | 'no-admins' | 'already-sent-this-week' };

/** The claim key of a week's reminder. */
export function calendarReminderKey(weekKey: string): string {
  return `office-calendar-reminder:${weekKey}`;
}

/** The lines of the reminder: a title, each warning of the status, and how to add a year. */
export function calendarReminderLines(status: CalendarStatus): MessageRef[] {
  return [{ key: 'calendar-reminder-title' }, ...status.warnings, { key: 'calendar-reminder-howto' }];
}

/**
 * Tells every admin in chat, once a week, what the calendar lacks (a missing or provisional current
 * year, or from 1 November next year) until the files are added. Safe to run as often as wanted from
 * any number of processes: only the first run of a week that finds warnings sends, the rest find the
 * week claimed. Nothing is claimed while the calendar is complete or there are no admins, so the first
 * run after a warning appears (or an admin is added) sends it.
 */
export async function remindAdminsOfCalendar(input: CalendarReminderInput): Promise<CalendarReminderResult> {
  const { status, admins, weekKey, claims } = input;
  if (status.warnings.length === 0) return { sent: false, reason: 'calendar-complete' };
  const recipients = [...new Set(admins)];
  if (recipients.length === 0) return { sent: false, reason: 'no-admins' };
  const key = calendarReminderKey(weekKey);
  if (!(await claims.claim(key))) return { sent: false, reason: 'already-sent-this-week' };
  const lines = calendarReminderLines(status);
  const notices = recipients.map((to) => ({ id: `office-calendar:${weekKey}:${to}`, to, lines }));
  try {
    await input.notify(notices);
  } catch (error) {
    await claims.release(key).catch(() => undefined);
    throw new CalendarReminderError(weekKey, error);
  }
  return { sent: true, notices };
}

/** The week's reminder could not be handed on; its claim was given back, so a later run retries. */
export class CalendarReminderError extends Error {
  constructor(
    readonly weekKey: string,
    cause: unknown,
  ) {
    super(`the office-calendar reminder of ${weekKey} could not be queued`, { cause });
    this.name = 'CalendarReminderError';
  }
}

/**
 * An admin notice as an outbox prompt (a plain notice, no buttons). It belongs to no SOP instance:
 * `instanceId` is the fixed `office-calendar`.
 */
export function calendarNoticePrompt(notice: AdminNotice): Prompt {
  return {
    id: notice.id,
    to: notice.to,
    instanceId: 'office-calendar',
    kind: 'notice',
    lines: [...notice.lines],
    actions: [],
  };
}
