/**
 * The SOP's paper, generated: letter metadata (Tata Naskah Dinas), the lembar disposisi, the outgoing
 * nota dinas (DOCX from the flow's template, and PDF), the buku agenda, verification marks and the
 * archive bundle. Pure and platform-free: plain data in, bytes out.
 */
export {
  DEFAULT_LETTER_METADATA,
  DERAJAT_LABELS,
  DERAJAT_VALUES,
  SIFAT_LABELS,
  SIFAT_VALUES,
  derajatRank,
  isConfidential,
} from './letter-metadata.js';
export type { Derajat, LetterMetadata, Sifat, TembusanEntry } from './letter-metadata.js';
export { allowedChoices, parseDerajat, parseSifat } from './parse-choice.js';
export { LETTER_LIMITS, validateLetterMetadata } from './validate-letter-metadata.js';
export type { LetterMetadataInput, LetterMetadataRules, MetadataCheck } from './validate-letter-metadata.js';
export {
  KLASIFIKASI_CODE_PATTERN,
  RETENTION_DISPOSITIONS,
  RETENTION_DISPOSITION_LABELS,
  findKlasifikasi,
  normaliseKlasifikasiCode,
  retentionSchedule,
} from './klasifikasi.js';
export type {
  KlasifikasiEntry,
  KlasifikasiList,
  Retention,
  RetentionDisposition,
  RetentionSchedule,
} from './klasifikasi.js';
export type { DocumentPerson } from './document-person.js';
export type { Kop } from './pdf-kop.js';
export type { GeneratedDocumentKind } from './pdf-document.js';
export { writeLembarDisposisi } from './lembar-disposisi.js';
export type { DispositionEntry, LembarDisposisiData } from './lembar-disposisi.js';
export {
  DRAFT_NUMBER_TEXT,
  OPTIONAL_PLACEHOLDERS,
  REQUIRED_PLACEHOLDERS,
  isDraft,
  notaDinasFields,
} from './nota-dinas-data.js';
export type { NotaDinasData, NotaDinasPlaceholder } from './nota-dinas-data.js';
export {
  NotaDinasTemplateError,
  bodyParagraphs,
  checkNotaDinasTemplate,
  fillNotaDinasDocx,
  loadNotaDinasTemplate,
} from './nota-dinas-template.js';
export type { NotaDinasTemplate, TemplateProblem } from './nota-dinas-template.js';
export { writeNotaDinasPdf } from './nota-dinas-pdf.js';
export { agendaBookFileName, agendaBookTable, exportAgendaBook } from './agenda-book.js';
export type { AgendaBook, AgendaBookEntry, AgendaBookOptions, AgendaExportFormat } from './agenda-book.js';
export {
  VERIFICATION_ID_PATTERN,
  newVerificationId,
  normaliseShortCode,
  shortCodeFor,
  verificationMark,
} from './verification.js';
export type { VerificationMark } from './verification.js';
export { readVerificationId } from './read-verification-id.js';
export type { VerificationIdLookup } from './read-verification-id.js';
export { matchesSha256, sha256Hex } from './sha256.js';
export {
  AUDIT_CSV_PATH,
  AUDIT_JSON_PATH,
  ArchiveIntegrityError,
  MANIFEST_PATH,
  SUMMARY_PATH,
  buildArchiveBundle,
} from './archive-bundle.js';
export type { ArchiveBundle } from './archive-bundle.js';
export type { ArchiveManifest, ManifestEntry } from './archive-manifest.js';
export type {
  ArchiveAuditEvent,
  ArchiveFile,
  ArchiveInput,
  ArchiveStepRef,
  ArchiveStepRow,
} from './archive-types.js';
export { auditTrailCsv, auditTrailJson, auditTrailTable } from './audit-trail-export.js';
export { stepTiming } from './step-timing.js';
export type { StepTiming } from './step-timing.js';
export { formatTanggal, formatWaktu, lampiranText, terbilang } from './indonesian-format.js';
