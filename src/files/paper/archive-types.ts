/** The plain data an instance's archive bundle is made from (the lead maps the instance onto it). */
import type { GeneratedDocumentKind } from './pdf-document.js';
import type { KlasifikasiEntry } from './klasifikasi.js';
import type { Kop } from './pdf-kop.js';

export interface ArchiveStepRef {
  /** 1-based, as the SOP numbers its steps. */
  number: number;
  id: string;
}

export interface ArchiveFile {
  /** The file's own name (as uploaded or generated). */
  name: string;
  /** attachment: the request's files; output: a step's upload; generated: a document Pandu made. */
  kind: 'attachment' | 'output' | 'generated';
  step?: ArchiveStepRef;
  version: number;
  /** The uploader's name; absent for generated documents. */
  uploadedBy?: string;
  /** Generated documents: which document. */
  documentKind?: GeneratedDocumentKind | 'nota-dinas-docx';
  /** Uploaded or generated at, ISO 8601. */
  at: string;
  mimeType?: string;
  bytes: Uint8Array;
  /** The SHA-256 recorded when the file was stored: checked against the bytes. */
  sha256?: string;
}

export interface ArchiveAuditEvent {
  seq: number;
  at: string;
  type: string;
  /** The actor's name (or `system`). */
  actor: string;
  onBehalfOf?: string;
  channel: string;
  step?: string;
  data?: Record<string, unknown>;
}

export interface ArchiveStepRow {
  step: ArchiveStepRef;
  title: string;
  /** Who did it (or holds it). */
  performer: string;
  startedAt: string;
  endedAt?: string;
  /** The due time after any pause (office time), or null for a step without a standard. */
  dueAt: string | null;
  standardMinutes: number | null;
  /** registered, dispositioned, approved, returned, … */
  outcome?: string;
}

export interface ArchiveInput {
  instanceId: string;
  flow: { id: string; name: string; sopNumber?: string };
  subject: string;
  requester: string;
  agendaNumbers: { incoming?: string; outgoing?: string };
  status: 'active' | 'completed';
  createdAt: string;
  completedAt?: string;
  klasifikasi?: KlasifikasiEntry;
  files: readonly ArchiveFile[];
  auditEvents: readonly ArchiveAuditEvent[];
  steps: readonly ArchiveStepRow[];
  kop: Kop;
  generatedAt: string;
  timeZone?: string;
}
