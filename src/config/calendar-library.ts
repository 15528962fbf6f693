import type Holidays from 'date-holidays';
import { holidaysLibrary } from '../lazy-libraries.js';
import type { LocalizedText } from '../core/i18n.js';
import type { CalendarYear } from '../core/time/multi-year-calendar.js';
import type { NamedDate } from '../core/time/office-calendar.js';

/**
 * Indonesia's national holidays for any year, from the rules of the `date-holidays` package: the fixed
 * dates (1 January, 1 May, 1 June, 17 August, 25 December) exactly, Easter and its feasts exactly, and
 * the lunar ones (Isra Mikraj, Idul Fitri, Idul Adha, 1 Muharam, Maulid, Imlek) as estimates that the
 * official SKB may move by a day. It lists Nyepi and Waisak for a few years only, and cuti bersama not
 * at all. Names follow the SKB's wording, not the library's.
 */
export const HOLIDAY_LIBRARY = 'date-holidays';

/** The national holidays the SKB lists every year, in the order of the year. */
type HolidayKind =
  | 'new-year'
  | 'isra-mikraj'
  | 'imlek'
  | 'nyepi'
  | 'idul-fitri'
  | 'good-friday'
  | 'easter'
  | 'labour-day'
  | 'ascension'
  | 'idul-adha'
  | 'waisak'
  | 'pancasila'
  | 'islamic-new-year'
  | 'independence'
  | 'maulid'
  | 'christmas';

const KIND_OF_RULE: Readonly<Record<string, HolidayKind>> = {
  '01-01': 'new-year',
  '27 Rajab': 'isra-mikraj',
  'chinese 01-0-01': 'imlek',
  '1 Shawwal': 'idul-fitri',
  '2 Shawwal': 'idul-fitri',
  'easter -2': 'good-friday',
  '05-01': 'labour-day',
  'easter 39': 'ascension',
  '10 Dhu al-Hijjah': 'idul-adha',
  '06-01': 'pancasila',
  '1 Muharram': 'islamic-new-year',
  '08-17': 'independence',
  '12 Rabi al-awwal': 'maulid',
  '12-25': 'christmas',
};

/** Holidays the library lists by date (one rule per year), recognised by their English name. */
function kindOfEnglishName(name: string | undefined): HolidayKind | undefined {
  if (name === undefined) return undefined;
  if (/nyepi/i.test(name)) return 'nyepi';
  if (/vesak|waisak/i.test(name)) return 'waisak';
  return undefined;
}

/** The library's rules loop forever for some early years; Pandu has no use for years before this. */
export const FIRST_LIBRARY_YEAR = 1970;

/** Kinds that follow a lunar or lunisolar calendar: the library's date is an estimate. */
const ESTIMATED: ReadonlySet<HolidayKind> = new Set([
  'isra-mikraj',
  'imlek',
  'nyepi',
  'idul-fitri',
  'idul-adha',
  'waisak',
  'islamic-new-year',
  'maulid',
]);

const hijriYear = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { year: 'numeric', timeZone: 'UTC' });

/**
 * ` 1448 Hijriah`: the Hijri year a few days after `date` (so a date a day early still falls in the right
 * month); empty without a date.
 */
function hijri(date: string | undefined): string {
  if (date === undefined) return '';
  const later = new Date(`${date}T00:00:00Z`);
  later.setUTCDate(later.getUTCDate() + 3);
  const year = hijriYear.formatToParts(later).find((part) => part.type === 'year')?.value;
  return year ? ` ${year} Hijriah` : '';
}

/** The SKB's name of each kind in `year`; `date` (absent for a missing holiday) gives the Hijri year. */
const NAMES: Readonly<Record<HolidayKind, (year: number, date?: string) => LocalizedText>> = {
  'new-year': (y) => ({ id: `Tahun Baru ${y} Masehi`, en: `New Year ${y}` }),
  'isra-mikraj': () => ({ id: 'Isra Mikraj Nabi Muhammad SAW', en: 'Isra Mikraj' }),
  imlek: (y) => ({ id: `Tahun Baru Imlek ${y + 551} Kongzili`, en: 'Chinese New Year' }),
  nyepi: (y) => ({ id: `Hari Suci Nyepi Tahun Baru Saka ${y - 78}`, en: 'Nyepi' }),
  'idul-fitri': (_y, d) => ({ id: `Idul Fitri${hijri(d)}`, en: 'Eid al-Fitr' }),
  'good-friday': () => ({ id: 'Wafat Yesus Kristus', en: 'Good Friday' }),
  easter: () => ({ id: 'Kebangkitan Yesus Kristus (Paskah)', en: 'Easter Sunday' }),
  'labour-day': () => ({ id: 'Hari Buruh Internasional', en: 'Labour Day' }),
  ascension: () => ({ id: 'Kenaikan Yesus Kristus', en: 'Ascension Day' }),
  'idul-adha': (_y, d) => ({ id: `Idul Adha${hijri(d)}`, en: 'Eid al-Adha' }),
  waisak: (y) => ({ id: `Hari Raya Waisak ${y + 544} BE`, en: 'Vesak' }),
  pancasila: () => ({ id: 'Hari Lahir Pancasila', en: 'Pancasila Day' }),
  'islamic-new-year': (_y, d) => ({ id: `1 Muharam Tahun Baru Islam${hijri(d)}`, en: 'Islamic New Year' }),
  independence: () => ({ id: 'Proklamasi Kemerdekaan Republik Indonesia', en: 'Independence Day' }),
  maulid: () => ({ id: 'Maulid Nabi Muhammad SAW', en: "Prophet Muhammad's Birthday" }),
  christmas: () => ({ id: 'Kelahiran Yesus Kristus (Natal)', en: 'Christmas Day' }),
};

const ALL_KINDS = Object.keys(NAMES) as HolidayKind[];

/** One holiday as the library's rules give it. */
export interface LibraryHoliday extends NamedDate {
  readonly name: string;
  /** True for lunar holidays: the SKB may put it on another day. */
  readonly estimated: boolean;
}

/** A year of holidays from the library: the holidays, and those it has no rule for in that year. */
export interface LibraryYear {
  readonly year: number;
  readonly holidays: readonly LibraryHoliday[];
  readonly missing: readonly LocalizedText[];
}

let library: Holidays | undefined;

function indonesia(): Holidays {
  library ??= new (holidaysLibrary())('ID', { types: ['public'] });
  return library;
}

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The library's public holidays of `year`, each with its kind (undefined for one this file does not know). */
function ruledHolidays(year: number): Array<{ date: string; kind?: HolidayKind; name: string }> {
  const english = new Map(
    (indonesia().getHolidays(year, 'en') || []).map((holiday) => [holiday.date, holiday.name]),
  );
  const found = (indonesia().getHolidays(year, 'id') || [])
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => {
      const kind = KIND_OF_RULE[holiday.rule] ?? kindOfEnglishName(english.get(holiday.date));
      return { date: holiday.date.slice(0, 10), name: holiday.name, ...(kind && { kind }) };
    })
    .filter((holiday) => holiday.date.startsWith(`${year}-`));
  const goodFriday = found.find((holiday) => holiday.kind === 'good-friday');
  if (goodFriday) found.push({ date: addDays(goodFriday.date, 2), kind: 'easter', name: 'Paskah' });
  return found;
}

/**
 * Indonesia's national holidays in `year` by the library's rules, named as the SKB names them; two
 * holidays on one date become one entry with both names. Never throws: a year the library cannot
 * compute lists every holiday as missing.
 */
export function libraryYear(year: number): LibraryYear {
  let computed = computedYears.get(year);
  if (!computed) {
    computed = computeLibraryYear(year);
    computedYears.set(year, computed);
  }
  return computed;
}

/** Years already computed (the library takes tens of milliseconds per year). */
const computedYears = new Map<number, LibraryYear>();

function computeLibraryYear(year: number): LibraryYear {
  let ruled: ReturnType<typeof ruledHolidays>;
  try {
    ruled = year >= FIRST_LIBRARY_YEAR ? ruledHolidays(year) : [];
  } catch {
    ruled = [];
  }
  const byDate = new Map<string, LibraryHoliday>();
  for (const holiday of ruled) {
    const name = holiday.kind ? NAMES[holiday.kind](year, holiday.date).id : holiday.name;
    const estimated = holiday.kind === undefined || ESTIMATED.has(holiday.kind);
    const same = byDate.get(holiday.date);
    byDate.set(
      holiday.date,
      same
        ? { date: holiday.date, name: `${same.name}; ${name}`, estimated: same.estimated || estimated }
        : { date: holiday.date, name, estimated },
    );
  }
  const kinds = new Set(ruled.map((holiday) => holiday.kind));
  return {
    year,
    holidays: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)),
    missing: ALL_KINDS.filter((kind) => !kinds.has(kind)).map((kind) => NAMES[kind](year)),
  };
}

/** A year without a calendar file, provisionally from the library's rules (no cuti bersama). */
export function libraryCalendarYear(year: number): CalendarYear {
  const fromLibrary = libraryYear(year);
  return {
    year,
    source: 'library',
    holidays: fromLibrary.holidays.map(({ date, name }) => ({ date, name })),
    cutiBersama: [],
    settings: {},
    missing: fromLibrary.missing,
  };
}
