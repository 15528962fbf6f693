import { createRequire } from 'node:module';
import { format } from 'date-fns/format';
import { id as indonesian } from 'date-fns/locale/id';
import { HOLIDAY_LIBRARY, libraryYear, type LibraryHoliday } from './calendar-library.js';

const libraryVersion = (
  createRequire(import.meta.url)(`${HOLIDAY_LIBRARY}/package.json`) as { version: string }
).version;

export interface CalendarTemplateOptions {
  readonly year: number;
  readonly zone: string;
  /** When the file is written (its header says so), as the local date `YYYY-MM-DD`. */
  readonly writtenOn: string;
}

/** `Jumat` for `2027-01-01`. */
export function indonesianWeekday(date: string): string {
  return format(new Date(`${date}T12:00:00Z`), 'EEEE', { locale: indonesian });
}

/** A plain YAML scalar when that is safe in a flow mapping, else a single-quoted one (as Prettier writes it). */
function yamlText(text: string): string {
  const plain =
    /^[\p{L}\p{N}][\p{L}\p{N} ().;'-]*$/u.test(text) && !/^(true|false|null|yes|no|on|off)$/i.test(text);
  return plain ? text : `'${text.replaceAll("'", "''")}'`;
}

function holidayLine(holiday: LibraryHoliday): string {
  const note = holiday.estimated ? ' — perkiraan / estimate' : '';
  return `  - { date: ${holiday.date}, name: ${yamlText(holiday.name)} } # ${indonesianWeekday(holiday.date)}${note}`;
}

/**
 * The text of a new calendar file for `year`, pre-filled from the holiday library's rules and marked
 * `provisional: true`, with a header (Indonesian, then English) that tells the admin to check every
 * date against the official SKB, to add the cuti bersama and what the rules miss, and then to delete
 * the flag.
 */
export function calendarFileTemplate(options: CalendarTemplateOptions): string {
  const { year, zone, writtenOn } = options;
  const rules = libraryYear(year);
  const missing = rules.missing.map((name) => name.id).join(', ');
  const lines = [
    `# Kalender kantor ${year}: hari libur nasional dan cuti bersama.`,
    `# Office calendar for ${year}: national holidays (libur nasional) and collective leave (cuti bersama).`,
    '#',
    `# SEMENTARA. Ditulis oleh \`pandu calendar new ${year}\` pada ${writtenOn} dari aturan pustaka`,
    `# ${HOLIDAY_LIBRARY} ${libraryVersion}, BUKAN dari SKB resmi.`,
    `# ADMIN: PERIKSA SETIAP TANGGAL DENGAN SKB 3 MENTERI (Menteri Agama, Menteri Ketenagakerjaan,`,
    `# Menteri PANRB) tentang Hari Libur Nasional dan Cuti Bersama Tahun ${year}:`,
    '#  - hari raya yang mengikuti kalender bulan (bertanda "perkiraan") hanya perkiraan; SKB bisa berbeda;',
    '#  - cuti bersama BELUM ADA: tambahkan dari SKB;',
    ...(missing ? [`#  - tidak ada di aturan pustaka, tambahkan dari SKB: ${missing};`] : []),
    '#  - nama hari raya mengikuti SKB tahun-tahun sebelumnya; sesuaikan dengan teks SKB.',
    '# Setelah semuanya diperiksa, hapus baris `provisional: true`. Selama baris itu ada, Pandu menganggap',
    '# tahun ini sementara: log saat mulai, /healthz dan pesan mingguan kepada admin mengingatkannya.',
    '#',
    `# PROVISIONAL. Written by \`pandu calendar new ${year}\` on ${writtenOn} from the rules of the`,
    `# ${HOLIDAY_LIBRARY} library ${libraryVersion}, NOT from the official SKB.`,
    '# ADMIN: CHECK EVERY DATE AGAINST THE OFFICIAL SKB: lunar-calendar holidays (marked "estimate") are',
    '# estimates; cuti bersama are NOT included; add what the rules miss. Then delete `provisional: true`;',
    '# until then Pandu treats the year as provisional and warns (start log, /healthz, weekly admin message).',
    '#',
    '# Format: year, provisional, zone (IANA; the same in every year), workdays (mon..sun), hours',
    '# (HH:mm-HH:mm, several intervals allowed), hoursByDay (per-weekday hours that replace `hours`),',
    '# holidays and cutiBersama as {date: YYYY-MM-DD, name}. Every date must be in `year`, each date once.',
    '# workdays, hours and hoursByDay left out: those of the latest earlier year that sets them hold.',
    `year: ${year}`,
    'provisional: true',
    `zone: ${zone}`,
    '# workdays: [mon, tue, wed, thu, fri]',
    "# hours: ['07:30-16:00']",
    '',
    'holidays:',
    ...rules.holidays.map(holidayLine),
    '',
    '# Cuti bersama dari SKB: ganti [] dengan daftarnya / from the SKB: replace [] with the list, e.g.',
    '# cutiBersama:',
    `#   - { date: ${year}-MM-DD, name: Cuti bersama Idul Fitri }`,
    'cutiBersama: []',
  ];
  return `${lines.join('\n')}\n`;
}
