/** `manifest.json` at the root of an archive: what the instance was, its klasifikasi and retention, every entry. */
import { TZDate } from '@date-fns/tz';
import type { ArchiveInput, ArchiveStepRef } from './archive-types.js';
import { DEFAULT_DOCUMENT_ZONE } from './indonesian-format.js';
import { retentionSchedule, type RetentionSchedule } from './klasifikasi.js';

export const ARCHIVE_FORMAT = 'pandu-archive/1';

export interface ManifestEntry {
  path: string;
  kind: 'attachment' | 'output' | 'generated' | 'audit-trail' | 'summary';
  step: ArchiveStepRef | null;
  version: number;
  /** The uploader's name; null for what Pandu generated. */
  uploadedBy: string | null;
  generated: boolean;
  documentKind: string | null;
  time: string;
  bytes: number;
  sha256: string;
  mimeType: string | null;
}

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  generatedAt: string;
  instance: {
    id: string;
    flow: ArchiveInput['flow'];
    subject: string;
    requester: string;
    agendaNumbers: ArchiveInput['agendaNumbers'];
    status: ArchiveInput['status'];
    createdAt: string;
    completedAt: string | null;
  };
  klasifikasi: { code: string; name: { id: string; en: string } } | null;
  /** From the JRA: counted from the year the instance closed (or, while open, the year of the export). */
  retention: RetentionSchedule | null;
  entries: ManifestEntry[];
}

function closedYear(input: ArchiveInput): number {
  const at = input.completedAt ?? input.generatedAt;
  return new TZDate(Date.parse(at), input.timeZone ?? DEFAULT_DOCUMENT_ZONE).getFullYear();
}

export function buildManifest(input: ArchiveInput, entries: ManifestEntry[]): ArchiveManifest {
  const entry = input.klasifikasi;
  return {
    format: ARCHIVE_FORMAT,
    generatedAt: input.generatedAt,
    instance: {
      id: input.instanceId,
      flow: input.flow,
      subject: input.subject,
      requester: input.requester,
      agendaNumbers: input.agendaNumbers,
      status: input.status,
      createdAt: input.createdAt,
      completedAt: input.completedAt ?? null,
    },
    klasifikasi: entry ? { code: entry.code, name: entry.name } : null,
    retention: entry ? retentionSchedule(entry.retention, closedYear(input)) : null,
    entries,
  };
}
