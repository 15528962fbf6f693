/**
 * The buku agenda (register of incoming or outgoing letters) as a table with the columns of the paper
 * book, exported to XLSX or CSV through the shared formula-neutralising writer (`files/ppk/export.ts`).
 * Subjects of rahasia and sangat rahasia letters are left out unless asked for: TU records a sealed
 * letter without reading it.
 */
import type { Locale, LocalizedText } from '../../core/i18n.js';
import { exportCsv, exportXlsx, type ExportTable } from '../ppk/export.js';
import { DEFAULT_DOCUMENT_ZONE, formatTanggal, formatWaktu } from './indonesian-format.js';
import { DERAJAT_LABELS, isConfidential, SIFAT_LABELS, type Derajat, type Sifat } from './letter-metadata.js';

export type AgendaBook = 'incoming' | 'outgoing';
export type AgendaExportFormat = 'xlsx' | 'csv';

export interface AgendaBookEntry {
  agendaNumber: string;
  /** Tanggal terima (incoming) or tanggal kirim (outgoing), ISO 8601. */
  at: string;
  /** Asal surat (incoming) or tujuan surat (outgoing). */
  counterpart: string;
  letterNumber: string;
  /** The date on the letter, `YYYY-MM-DD`. */
  letterDate: string;
  subject: string;
  sifat: Sifat;
  derajat: Derajat;
  klasifikasi?: string;
  /** Diteruskan kepada: who the letter went to next (dispositions, distribution). */
  forwardedTo: readonly string[];
  /** Keterangan. */
  remarks?: string;
}

export interface AgendaBookOptions {
  timeZone?: string;
  /** Language of the column headers and of sifat/derajat; default id. */
  locale?: Locale;
  /** Print the subjects of rahasia / sangat rahasia letters too (default: "(Surat rahasia)"). */
  showConfidentialSubjects?: boolean;
}

type Column = { key: string; header: LocalizedText | Record<AgendaBook, LocalizedText>; width: number };

const COLUMNS: readonly Column[] = [
  { key: 'no', header: { id: 'No. urut', en: 'No.' }, width: 8 },
  { key: 'agendaNumber', header: { id: 'Nomor agenda', en: 'Agenda number' }, width: 34 },
  {
    key: 'at',
    header: {
      incoming: { id: 'Tanggal terima', en: 'Date received' },
      outgoing: { id: 'Tanggal kirim', en: 'Date sent' },
    },
    width: 22,
  },
  {
    key: 'counterpart',
    header: { incoming: { id: 'Asal surat', en: 'From' }, outgoing: { id: 'Tujuan surat', en: 'To' } },
    width: 34,
  },
  { key: 'letterNumber', header: { id: 'Nomor surat', en: 'Letter number' }, width: 26 },
  { key: 'letterDate', header: { id: 'Tanggal surat', en: 'Letter date' }, width: 18 },
  { key: 'subject', header: { id: 'Perihal', en: 'Subject' }, width: 50 },
  { key: 'klasifikasi', header: { id: 'Kode klasifikasi', en: 'Classification' }, width: 16 },
  { key: 'sifat', header: { id: 'Sifat', en: 'Security' }, width: 14 },
  { key: 'derajat', header: { id: 'Derajat', en: 'Urgency' }, width: 14 },
  { key: 'forwardedTo', header: { id: 'Diteruskan kepada', en: 'Forwarded to' }, width: 40 },
  { key: 'remarks', header: { id: 'Keterangan', en: 'Remarks' }, width: 30 },
];

const SHEET_NAMES: Record<AgendaBook, LocalizedText> = {
  incoming: { id: 'Agenda Surat Masuk', en: 'Incoming Letters' },
  outgoing: { id: 'Agenda Surat Keluar', en: 'Outgoing Letters' },
};

const CONFIDENTIAL_SUBJECT: LocalizedText = { id: '(Surat rahasia)', en: '(Confidential letter)' };

function headerText(column: Column, book: AgendaBook, locale: Locale): string {
  const header = column.header;
  return 'incoming' in header ? header[book][locale] : header[locale];
}

/** The entries in the order of the book (date, then number), numbered from 1. */
export function agendaBookTable(
  book: AgendaBook,
  entries: readonly AgendaBookEntry[],
  options: AgendaBookOptions = {},
): ExportTable {
  const locale = options.locale ?? 'id';
  const zone = options.timeZone ?? DEFAULT_DOCUMENT_ZONE;
  const sorted = [...entries].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at) || a.agendaNumber.localeCompare(b.agendaNumber),
  );
  return {
    sheetName: SHEET_NAMES[book][locale],
    columns: COLUMNS.map((column) => ({
      key: column.key,
      header: headerText(column, book, locale),
      width: column.width,
    })),
    rows: sorted.map((entry, index) => ({
      no: index + 1,
      agendaNumber: entry.agendaNumber,
      at: formatWaktu(entry.at, zone),
      counterpart: entry.counterpart,
      letterNumber: entry.letterNumber,
      letterDate: formatTanggal(entry.letterDate),
      subject:
        isConfidential(entry.sifat) && !options.showConfidentialSubjects
          ? CONFIDENTIAL_SUBJECT[locale]
          : entry.subject,
      klasifikasi: entry.klasifikasi ?? '',
      sifat: SIFAT_LABELS[entry.sifat][locale],
      derajat: DERAJAT_LABELS[entry.derajat][locale],
      forwardedTo: entry.forwardedTo.join('; '),
      remarks: entry.remarks ?? '',
    })),
  };
}

export async function exportAgendaBook(
  book: AgendaBook,
  entries: readonly AgendaBookEntry[],
  options: AgendaBookOptions & { format: AgendaExportFormat },
): Promise<Uint8Array> {
  const table = agendaBookTable(book, entries, options);
  return options.format === 'xlsx' ? exportXlsx(table) : exportCsv(table);
}

/** `buku-agenda-surat-masuk-2026.xlsx`. */
export function agendaBookFileName(book: AgendaBook, year: number, format: AgendaExportFormat): string {
  return `buku-agenda-surat-${book === 'incoming' ? 'masuk' : 'keluar'}-${year}.${format}`;
}
