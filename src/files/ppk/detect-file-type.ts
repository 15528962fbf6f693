/**
 * Decides what an uploaded file is from its bytes, never from its name: an XLSX workbook, a UTF-8 CSV,
 * or something refused with a reason the user can act on.
 */

export type RefusedFileType =
  | 'file-empty'
  | 'file-type-pdf'
  | 'file-type-legacy-office'
  | 'file-type-executable'
  | 'file-type-zip-not-xlsx'
  | 'file-type-markup'
  | 'file-type-binary'
  | 'file-type-not-utf8';

export type DetectedFileType =
  | { kind: 'xlsx' }
  /** The decoded text, byte-order mark removed. */
  | { kind: 'csv'; text: string }
  | { kind: 'refused'; code: RefusedFileType };

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
/** OLE2 compound file: legacy .xls/.doc, and also every password-protected .xlsx. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ELF = [0x7f, 0x45, 0x4c, 0x46];
const MACH_O = [
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

const XLSX_MARKERS = ['[Content_Types].xml', 'xl/workbook.xml'];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, 'latin1');
}

function isExecutable(bytes: Uint8Array): boolean {
  // "MZ" alone could start a text file; a PE header always has NUL bytes right after it.
  const mz = startsWith(bytes, [0x4d, 0x5a]) && bytes.subarray(0, 64).includes(0);
  return mz || startsWith(bytes, ELF) || MACH_O.some((magic) => startsWith(bytes, magic));
}

const MARKUP_START = /^\s*<(?:!doctype|html|\?xml|table|head|body|meta)\b/i;

/**
 * The zip case only looks for the XLSX part names in the bytes; `guardZip` then reads the real central
 * directory and confirms them before anything is unpacked.
 */
export function detectFileType(bytes: Uint8Array): DetectedFileType {
  if (bytes.length === 0) return { kind: 'refused', code: 'file-empty' };
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) {
    const isXlsx = XLSX_MARKERS.every((marker) => containsAscii(bytes, marker));
    return isXlsx ? { kind: 'xlsx' } : { kind: 'refused', code: 'file-type-zip-not-xlsx' };
  }
  if (startsWith(bytes, PDF)) return { kind: 'refused', code: 'file-type-pdf' };
  if (startsWith(bytes, OLE2)) return { kind: 'refused', code: 'file-type-legacy-office' };
  if (isExecutable(bytes)) return { kind: 'refused', code: 'file-type-executable' };
  if (UTF16_BOMS.some((bom) => startsWith(bytes, bom)))
    return { kind: 'refused', code: 'file-type-not-utf8' };
  if (bytes.includes(0)) return { kind: 'refused', code: 'file-type-binary' };

  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return { kind: 'refused', code: 'file-type-not-utf8' };
  }
  if (text.trim() === '') return { kind: 'refused', code: 'file-empty' };
  // Many government systems export "Excel" files that are really HTML tables.
  if (MARKUP_START.test(text)) return { kind: 'refused', code: 'file-type-markup' };
  return { kind: 'csv', text };
}
