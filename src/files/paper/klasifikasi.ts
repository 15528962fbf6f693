/**
 * The klasifikasi arsip (archive classification) list and its retention schedule (JRA, Jadwal Retensi
 * Arsip): each code has a name, how many years the record stays active and then inactive, and what
 * happens after that. The list is data (`flows/klasifikasi.yaml`, loaded by `src/config/klasifikasi-file.ts`).
 */
import type { LocalizedText } from '../../core/i18n.js';

export const RETENTION_DISPOSITIONS = ['musnah', 'permanen', 'dinilai-kembali'] as const;
/** What the JRA says happens after the inactive period: destroyed, kept forever, or reassessed. */
export type RetentionDisposition = (typeof RETENTION_DISPOSITIONS)[number];

export const RETENTION_DISPOSITION_LABELS: Readonly<Record<RetentionDisposition, LocalizedText>> = {
  musnah: { id: 'Musnah', en: 'Destroy' },
  permanen: { id: 'Permanen', en: 'Permanent' },
  'dinilai-kembali': { id: 'Dinilai kembali', en: 'Reassess' },
};

export interface Retention {
  /** Years the record is kept as an active record (arsip aktif). */
  activeYears: number;
  /** Years it is then kept as an inactive record (arsip inaktif). */
  inactiveYears: number;
  disposition: RetentionDisposition;
}

export interface KlasifikasiEntry {
  /** Dotted digits, e.g. `000.8.3.3`. */
  code: string;
  name: LocalizedText;
  retention: Retention;
}

export interface KlasifikasiList {
  /** The file it came from, for messages. */
  source: string;
  entries: readonly KlasifikasiEntry[];
}

export const KLASIFIKASI_CODE_PATTERN = /^\d{3}(?:\.\d{1,3})*$/;

/** Trims the code and drops spaces, so `000. 8.3.3 ` finds `000.8.3.3`. */
export function normaliseKlasifikasiCode(text: string): string {
  return text.replace(/\s+/g, '');
}

export function findKlasifikasi(list: KlasifikasiList, code: string): KlasifikasiEntry | undefined {
  const wanted = normaliseKlasifikasiCode(code);
  return list.entries.find((entry) => entry.code === wanted);
}

/** The years until which a record closed in `closedYear` stays active, then inactive. */
export interface RetentionSchedule extends Retention {
  activeUntilYear: number;
  inactiveUntilYear: number;
}

export function retentionSchedule(retention: Retention, closedYear: number): RetentionSchedule {
  const activeUntilYear = closedYear + retention.activeYears;
  return { ...retention, activeUntilYear, inactiveUntilYear: activeUntilYear + retention.inactiveYears };
}
