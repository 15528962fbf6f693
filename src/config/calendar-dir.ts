import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { DataFileError, type FileProblem } from '../core/errors.js';
import { readCalendarFile, type CalendarFile } from './holidays-file.js';

/** Where the calendar files are: `CALENDAR_DIR`, and the optional single `CALENDAR_FILE`. */
export interface CalendarSources {
  /** A directory with one file per year (`*.yaml` / `*.yml` directly inside it). */
  readonly dir: string;
  /** One more file; it replaces the directory's file of the same year. Empty or absent: none. */
  readonly file?: string;
}

/** A calendar file that names its year. */
export interface YearFile {
  readonly path: string;
  readonly data: CalendarFile & { readonly year: number };
}

/** The files in force (one per year, ascending) and what was noticed while reading them. */
export interface YearFiles {
  readonly files: readonly YearFile[];
  readonly notices: readonly FileProblem[];
}

async function calendarFilesIn(dir: string, problems: FileProblem[]): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && /\.ya?ml$/.test(entry.name))
      .map((entry) => join(dir, entry.name))
      .sort();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({
      file: dir,
      field: '(directory)',
      message: `cannot read the calendar directory (CALENDAR_DIR): ${message}`,
    });
    return [];
  }
}

/** Reads one file; its problems (it cannot be read, it is broken, it names no year) go to `problems`. */
async function readYearFile(path: string, problems: FileProblem[]): Promise<YearFile | undefined> {
  let data: CalendarFile;
  try {
    data = await readCalendarFile(path);
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
  const { year } = data;
  if (year === undefined) {
    problems.push({
      file: path,
      field: 'year',
      message: 'missing: each calendar file names its year, e.g. year: 2027',
    });
    return undefined;
  }
  const named = /(?<!\d)(\d{4})(?!\d)/.exec(basename(path))?.[1];
  if (named !== undefined && Number(named) !== year) {
    problems.push({
      file: path,
      field: 'year',
      message: `${year} is not the year ${named} in the file's name: rename the file or correct the year`,
    });
  }
  return { path, data: { ...data, year } };
}

/** Every file must name the same zone (due times are counted in one zone across the years). */
function checkZones(files: readonly YearFile[], problems: FileProblem[]): void {
  const first = files.find((file) => file.data.zone !== undefined);
  for (const file of files) {
    if (first && file.data.zone !== undefined && file.data.zone !== first.data.zone) {
      problems.push({
        file: file.path,
        field: 'zone',
        message: `${file.data.zone} differs from ${String(first.data.zone)} in ${first.path}: every year's file names the same zone`,
      });
    }
  }
}

/**
 * Reads the calendar files: each file in `dir`, then `file` (which wins over the directory's file of its
 * year). Collects the problems of every file (unreadable, broken, no year, a year in two files, a zone
 * unlike the others) and throws them together as one `DataFileError` (`calendar-invalid`).
 */
export async function readCalendarYearFiles(sources: CalendarSources): Promise<YearFiles> {
  const problems: FileProblem[] = [];
  const notices: FileProblem[] = [];
  const byYear = new Map<number, YearFile>();
  for (const path of await calendarFilesIn(sources.dir, problems)) {
    const file = await readYearFile(path, problems);
    if (!file) continue;
    const other = byYear.get(file.data.year);
    if (other) {
      problems.push({
        file: path,
        field: 'year',
        message: `${file.data.year} is also the year of ${other.path}: keep one file per year`,
      });
    } else byYear.set(file.data.year, file);
  }
  const single = sources.file?.trim();
  const inDir = single ? [...byYear.values()].some((file) => resolve(file.path) === resolve(single)) : true;
  if (single && !inDir) {
    const file = await readYearFile(single, problems);
    const replaced = file && byYear.get(file.data.year);
    if (file && replaced) {
      notices.push({
        file: single,
        field: 'year',
        message: `CALENDAR_FILE is used for ${file.data.year} instead of ${replaced.path}`,
      });
    }
    if (file) byYear.set(file.data.year, file);
  }
  const files = [...byYear.values()].sort((a, b) => a.data.year - b.data.year);
  checkZones(files, problems);
  if (problems.length > 0) throw new DataFileError('calendar-invalid', problems);
  return { files, notices };
}
