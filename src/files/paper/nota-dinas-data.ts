/**
 * The outgoing nota dinas as data, and the text each template placeholder receives. The draft (step 10)
 * has no number yet and reads "Nomor: (diisi saat registrasi)"; at step 11 the outgoing agenda number
 * is stamped in.
 */
import type { DocumentPerson } from './document-person.js';
import { formatTanggal, lampiranText } from './indonesian-format.js';
import { SIFAT_LABELS, type Sifat } from './letter-metadata.js';
import type { Kop } from './pdf-kop.js';

export interface NotaDinasData {
  kop: Kop;
  /** Yth. …: one or more addressees (their jabatan). */
  kepada: readonly string[];
  /** The sender's jabatan. */
  dari: string;
  tembusan: readonly string[];
  /** The letter's date, `YYYY-MM-DD`. */
  tanggal: string;
  /** The outgoing agenda number; absent on the draft. */
  nomor?: string;
  sifat: Sifat;
  lampiran: number;
  hal: string;
  /** The letter's text (the report summary); blank lines separate paragraphs. */
  body: string;
  signer: DocumentPerson;
  generatedAt: string;
  timeZone?: string;
}

export const DRAFT_NUMBER_TEXT = '(diisi saat registrasi)';

/** Placeholders every nota dinas template must contain. */
export const REQUIRED_PLACEHOLDERS = [
  'kepada',
  'dari',
  'tembusan',
  'tanggal',
  'nomor',
  'sifat',
  'lampiran',
  'hal',
  'body',
  'penandatangan',
] as const;

/** Placeholders a template may contain. */
export const OPTIONAL_PLACEHOLDERS = ['kop', 'alamat', 'jabatan', 'nip'] as const;

export type NotaDinasPlaceholder =
  (typeof REQUIRED_PLACEHOLDERS)[number] | (typeof OPTIONAL_PLACEHOLDERS)[number];

export function isDraft(data: NotaDinasData): boolean {
  return data.nomor === undefined || data.nomor.trim() === '';
}

function numbered(lines: readonly string[], empty: string): string {
  if (lines.length === 0) return empty;
  if (lines.length === 1) return lines[0] ?? empty;
  return lines.map((line, index) => `${index + 1}. ${line}`).join('\n');
}

/** The text each placeholder is filled with (line breaks as `\n`). */
export function notaDinasFields(data: NotaDinasData): Record<NotaDinasPlaceholder, string> {
  return {
    kop: data.kop.units.map((unit) => unit.toUpperCase()).join('\n'),
    alamat: data.kop.address ?? '',
    kepada: numbered(
      data.kepada.map((line) => `Yth. ${line}`),
      '-',
    ),
    dari: data.dari,
    tembusan: numbered(data.tembusan, '-'),
    tanggal: formatTanggal(data.tanggal),
    nomor: isDraft(data) ? DRAFT_NUMBER_TEXT : (data.nomor ?? '').trim(),
    sifat: SIFAT_LABELS[data.sifat].id,
    lampiran: lampiranText(data.lampiran),
    hal: data.hal,
    body: data.body.trim(),
    penandatangan: data.signer.name,
    jabatan: data.signer.position,
    nip: data.signer.nip ? `NIP ${data.signer.nip}` : '',
  };
}
