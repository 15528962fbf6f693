import { existsSync } from 'node:fs';
import { DEFAULT_OFFICE_CALENDAR, type OfficeCalendar } from '../core/time/index.js';
import type { Config } from './env.js';
import { loadOfficeCalendar } from './holidays-file.js';

/** The office calendar: office hours, and the holidays and cuti bersama of `CALENDAR_FILE`. */
export async function loadCalendar(config: Config): Promise<OfficeCalendar> {
  const base = { ...DEFAULT_OFFICE_CALENDAR, timeZone: config.TIME_ZONE };
  return existsSync(config.CALENDAR_FILE) ? loadOfficeCalendar([config.CALENDAR_FILE], base) : base;
}
