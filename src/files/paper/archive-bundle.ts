/**
 * The archive bundle of one instance: a ZIP with `manifest.json` at its root, every file of every
 * version, the generated documents, the audit trail (CSV and JSON) and a one-page summary PDF. Every
 * file's recorded SHA-256 is checked against its bytes first: a mismatch stops the export.
 */
import { archivePaths } from './archive-paths.js';
import type { ArchiveInput } from './archive-types.js';
import { buildManifest, type ArchiveManifest, type ManifestEntry } from './archive-manifest.js';
import { writeArchiveSummaryPdf } from './archive-summary-pdf.js';
import { auditTrailCsv, auditTrailJson } from './audit-trail-export.js';
import { sha256Hex } from './sha256.js';
import type { VerificationMark } from './verification.js';
import { writeZip, type ZipEntry } from './zip-writer.js';

export const MANIFEST_PATH = 'manifest.json';
export const SUMMARY_PATH = 'ringkasan.pdf';
export const AUDIT_CSV_PATH = 'audit-trail.csv';
export const AUDIT_JSON_PATH = 'audit-trail.json';

export class ArchiveIntegrityError extends Error {
  constructor(
    readonly file: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `archive: ${file} does not match its recorded SHA-256 (recorded ${expected}, bytes give ${actual})`,
    );
    this.name = 'ArchiveIntegrityError';
  }
}

export interface ArchiveBundle {
  zip: Uint8Array;
  manifest: ArchiveManifest;
  summaryPdf: Uint8Array;
}

export async function buildArchiveBundle(
  input: ArchiveInput,
  summaryVerification: VerificationMark,
): Promise<ArchiveBundle> {
  for (const file of input.files) {
    const actual = sha256Hex(file.bytes);
    if (file.sha256 !== undefined && file.sha256.toLowerCase() !== actual) {
      throw new ArchiveIntegrityError(file.name, file.sha256, actual);
    }
  }
  const fixed = [MANIFEST_PATH, SUMMARY_PATH, AUDIT_CSV_PATH, AUDIT_JSON_PATH];
  const paths = archivePaths(input.files, fixed);
  const zipEntries: ZipEntry[] = [];
  const entries: ManifestEntry[] = [];
  input.files.forEach((file, index) => {
    const path = paths[index] ?? file.name;
    zipEntries.push({ path, bytes: file.bytes });
    entries.push({
      path,
      kind: file.kind,
      step: file.step ?? null,
      version: file.version,
      uploadedBy: file.kind === 'generated' ? null : (file.uploadedBy ?? null),
      generated: file.kind === 'generated',
      documentKind: file.documentKind ?? null,
      time: file.at,
      bytes: file.bytes.byteLength,
      sha256: sha256Hex(file.bytes),
      mimeType: file.mimeType ?? null,
    });
  });
  const generatedEntry = (
    path: string,
    kind: ManifestEntry['kind'],
    bytes: Uint8Array,
    mimeType: string,
  ): ManifestEntry => ({
    path,
    kind,
    step: null,
    version: 1,
    uploadedBy: null,
    generated: true,
    documentKind: kind === 'summary' ? 'archive-summary' : null,
    time: input.generatedAt,
    bytes: bytes.byteLength,
    sha256: sha256Hex(bytes),
    mimeType,
  });
  const csv = auditTrailCsv(input.auditEvents);
  const json = auditTrailJson(input.auditEvents);
  const retention = buildManifest(input, []).retention;
  const summaryPdf = await writeArchiveSummaryPdf(input, retention, summaryVerification);
  zipEntries.push(
    { path: AUDIT_CSV_PATH, bytes: csv },
    { path: AUDIT_JSON_PATH, bytes: json },
    { path: SUMMARY_PATH, bytes: summaryPdf },
  );
  entries.push(
    generatedEntry(AUDIT_CSV_PATH, 'audit-trail', csv, 'text/csv'),
    generatedEntry(AUDIT_JSON_PATH, 'audit-trail', json, 'application/json'),
    generatedEntry(SUMMARY_PATH, 'summary', summaryPdf, 'application/pdf'),
  );
  const manifest = buildManifest(input, entries);
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const zip = await writeZip(
    [{ path: MANIFEST_PATH, bytes: manifestBytes }, ...zipEntries],
    new Date(input.generatedAt),
  );
  return { zip, manifest, summaryPdf };
}
