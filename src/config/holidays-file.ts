import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { DataFileError } from '../core/errors.js';
import type { OfficeCalendar, OfficeCalendarOverride } from '../core/time/office-calendar.js';
import {
  DEFAULT_OFFICE_CALENDAR,
  hoursSchema,
  isoDateSchema,
  mergeCalendar,
  timeRangeListSchema,
  timeZoneSchema,
  weekdaySchema,
  workdaysSchema,
} from '../core/time/office-calendar.js';

const fileDaySchema = z.strictObject({ date: isoDateSchema, name: z.string().trim().min(1) });

/**
 * A calendar file (e.g. `flows/calendars/indonesia-2026.yaml`). Every field is optional here; `year`,
 * when given, must be the year of every listed date (a file in a calendar directory must give it, see
 * `calendar-dir.ts`). A date is listed once, in one of the two lists. `provisional: true` marks a file
 * whose dates nobody has checked against the official SKB yet (as `pandu calendar new` writes it).
 *
 * ```yaml
 * year: 2026
 * provisional: true
 * zone: Asia/Jakarta
 * workdays: [mon, tue, wed, thu, fri]
 * hours: ['07:30-16:00']
 * hoursByDay: { fri: ['07:30-11:30', '13:00-16:30'] }
 * holidays: [{ date: 2026-01-01, name: Tahun Baru 2026 Masehi }]
 * cutiBersama: [{ date: 2026-02-16, name: Cuti bersama Tahun Baru Imlek }]
 * ```
 */
export const calendarFileSchema = z
  .strictObject({
    year: z.number().int().min(1970).max(9999).optional(),
    provisional: z.boolean().optional(),
    zone: timeZoneSchema.optional(),
    workdays: workdaysSchema.optional(),
    hours: hoursSchema.optional(),
    hoursByDay: z.partialRecord(weekdaySchema, timeRangeListSchema).optional(),
    holidays: z.array(fileDaySchema).default(() => []),
    cutiBersama: z.array(fileDaySchema).default(() => []),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, string>();
    for (const list of ['holidays', 'cutiBersama'] as const) {
      file[list].forEach((day, index) => {
        if (file.year !== undefined && !day.date.startsWith(`${file.year}-`)) {
          ctx.addIssue({
            code: 'custom',
            path: [list, index, 'date'],
            message: `${day.date} is not in the file's year ${file.year}`,
          });
        }
        const first = seen.get(day.date);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [list, index, 'date'],
            message: `${day.date} is listed twice (first as ${first}); list a date once, in one list`,
          });
        } else seen.set(day.date, `${list}[${index}]`);
      });
    }
  });
export type CalendarFile = z.output<typeof calendarFileSchema>;

export interface CalendarFileIssue {
  /** The field, e.g. `holidays[3].date`; empty for the whole file. */
  readonly field: string;
  readonly message: string;
}

/**
 * A calendar file that cannot be read, is not YAML, or does not match the format: a `DataFileError`
 * (`calendar-invalid`) whose problems name the file and the field, so the service refuses to start on it.
 */
export class CalendarFileError extends DataFileError {
  constructor(
    readonly file: string,
    readonly issues: readonly CalendarFileIssue[],
    options?: ErrorOptions,
  ) {
    super(
      'calendar-invalid',
      issues.map((issue) => ({ file, field: issue.field || '(file)', message: issue.message })),
      options?.cause,
    );
    const lines = issues.map((issue) => `  - ${issue.field ? `${issue.field}: ` : ''}${issue.message}`);
    this.message = `Invalid calendar file ${file}:\n${lines.join('\n')}`;
    this.name = 'CalendarFileError';
  }
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

function toIssues(error: z.ZodError): CalendarFileIssue[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: fieldName([...issue.path, key]), message: 'unknown field' }));
    }
    return [{ field: fieldName(issue.path), message: issue.message }];
  });
}

function toOverride(file: CalendarFile): OfficeCalendarOverride {
  return {
    ...(file.zone !== undefined && { timeZone: file.zone }),
    ...(file.workdays !== undefined && { workdays: file.workdays }),
    ...(file.hours !== undefined && { hours: file.hours }),
    ...(file.hoursByDay !== undefined && { hoursByDay: file.hoursByDay }),
    holidays: file.holidays,
    cutiBersama: file.cutiBersama,
  };
}

/**
 * Parses and validates the text of a calendar file. `file` only names the source in errors.
 * YAML dates must be written as `2026-01-01` (read as strings; the YAML 1.2 core schema has no dates).
 */
export function parseCalendarFileData(text: string, file: string): CalendarFile {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    throw new CalendarFileError(
      file,
      document.errors.map((error) => ({ field: '', message: error.message })),
    );
  }
  const result = calendarFileSchema.safeParse(document.toJS() ?? {});
  if (!result.success) throw new CalendarFileError(file, toIssues(result.error), { cause: result.error });
  return result.data;
}

/** Parses the text of a calendar file into a calendar override (its year and flag left aside). */
export function parseCalendarFile(text: string, file: string): OfficeCalendarOverride {
  return toOverride(parseCalendarFileData(text, file));
}

/** Reads and validates one calendar file. */
export async function readCalendarFile(path: string): Promise<CalendarFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CalendarFileError(path, [{ field: '', message: `cannot read: ${message}` }], { cause: error });
  }
  return parseCalendarFileData(text, path);
}

/** Reads and parses one calendar file into a calendar override. */
export async function loadCalendarFile(path: string): Promise<OfficeCalendarOverride> {
  return toOverride(await readCalendarFile(path));
}

/** Lays the given calendar files, in order, over `base` (default: Mon–Fri 07:30–16:00 WIB). */
export async function loadOfficeCalendar(
  paths: readonly string[],
  base: OfficeCalendar = DEFAULT_OFFICE_CALENDAR,
): Promise<OfficeCalendar> {
  let calendar = base;
  for (const path of paths) calendar = mergeCalendar(calendar, await loadCalendarFile(path));
  return calendar;
}
