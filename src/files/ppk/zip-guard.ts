/**
 * Checks an XLSX (a zip) before ExcelJS unpacks it. First the central directory alone: entry count, the
 * declared uncompressed sizes and compression ratios, encryption, macro parts. Only when that passes are
 * the entries inflated once, into nothing, so that an archive lying about its sizes is caught too (yauzl
 * fails a stream that yields more or fewer bytes than the directory declares).
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { fileIssue } from './issues.js';
import { resolveLimits, toMegabytes } from './limits.js';
import type { PpkLimits } from './limits.js';
import type { Outcome } from './types.js';

export interface ZipDirectorySummary {
  entries: number;
  uncompressedBytes: number;
}

export interface ZipGuardOptions {
  /** Inflate every entry (bounded by the directory checks) to confirm the declared sizes. Default true. */
  verifyDeclaredSizes?: boolean;
}

const MACRO_PARTS = [/(^|\/)vbaproject[^/]*\.bin$/i, /^xl\/macrosheets\//i, /^xl\/activex\/.*\.bin$/i];
const REQUIRED_PARTS = ['[content_types].xml', 'xl/workbook.xml'];

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

async function readDirectory(zip: ZipFile): Promise<Entry[]> {
  const entries: Entry[] = [];
  for await (const entry of zip.eachEntry()) entries.push(entry);
  return entries;
}

async function drain(zip: ZipFile, entry: Entry): Promise<void> {
  const stream = await zip.openReadStreamPromise(entry);
  await pipeline(
    stream,
    new Writable({
      write(_chunk, _encoding, callback) {
        callback();
      },
    }),
  );
}

export async function guardZip(
  bytes: Uint8Array,
  limits?: Partial<PpkLimits>,
  options: ZipGuardOptions = {},
): Promise<Outcome<ZipDirectorySummary>> {
  const max = resolveLimits(limits);
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(asBuffer(bytes), {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
    });
  } catch {
    return { ok: false, issues: [fileIssue('zip-invalid')] };
  }
  try {
    // The end-of-directory record states the count; refuse before reading a single entry.
    if (zip.entryCount > max.maxZipEntries) {
      return {
        ok: false,
        issues: [fileIssue('zip-too-many-entries', { count: zip.entryCount, limit: max.maxZipEntries })],
      };
    }
    let entries: Entry[];
    try {
      entries = await readDirectory(zip);
    } catch {
      return { ok: false, issues: [fileIssue('zip-invalid')] };
    }

    let total = 0;
    for (const entry of entries) {
      const name = entry.fileName;
      if (MACRO_PARTS.some((pattern) => pattern.test(name))) {
        return { ok: false, issues: [fileIssue('zip-macro', { entry: name })] };
      }
      if (entry.isEncrypted()) return { ok: false, issues: [fileIssue('zip-encrypted')] };
      total += entry.uncompressedSize;
      if (total > max.maxZipUncompressedBytes) {
        return {
          ok: false,
          issues: [
            fileIssue('zip-too-large', {
              sizeMb: toMegabytes(total),
              limitMb: toMegabytes(max.maxZipUncompressedBytes),
            }),
          ],
        };
      }
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize >= max.zipRatioExemptBelowBytes && ratio > max.maxZipCompressionRatio) {
        return {
          ok: false,
          issues: [
            fileIssue('zip-compression-ratio', {
              entry: name,
              ratio: Math.round(ratio),
              limit: max.maxZipCompressionRatio,
            }),
          ],
        };
      }
    }

    const names = new Set(entries.map((entry) => entry.fileName.toLowerCase()));
    if (!REQUIRED_PARTS.every((part) => names.has(part))) {
      return { ok: false, issues: [fileIssue('file-type-zip-not-xlsx')] };
    }

    if (options.verifyDeclaredSizes ?? true) {
      try {
        for (const entry of entries) {
          if (!entry.fileName.endsWith('/')) await drain(zip, entry);
        }
      } catch {
        return { ok: false, issues: [fileIssue('zip-invalid')] };
      }
    }
    return { ok: true, value: { entries: entries.length, uncompressedBytes: total } };
  } finally {
    zip.close();
  }
}
