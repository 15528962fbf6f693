/**
 * Finds the verification id in a PDF Pandu generated (for `pandu verify <file>`), by reading the PDF's
 * metadata with a real parser (pdf.js): the `PanduVerificationId` entry, or else the `pandu-verify:`
 * keyword. The PDF's pages are not rendered.
 */
import { VERIFY_INFO_KEY, VERIFY_KEYWORD_PREFIX } from './pdf-document.js';
import { VERIFICATION_ID_PATTERN } from './verification.js';

export type VerificationIdLookup =
  { found: true; id: string; kind?: string } | { found: false; reason: 'not-a-pdf' | 'no-mark' };

interface PdfInfo {
  Keywords?: unknown;
  Custom?: Record<string, unknown>;
}

export async function readVerificationId(bytes: Uint8Array): Promise<VerificationIdLookup> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: true,
  });
  let info: PdfInfo;
  try {
    const pdf = await task.promise;
    info = (await pdf.getMetadata()).info;
  } catch {
    return { found: false, reason: 'not-a-pdf' };
  } finally {
    await task.destroy();
  }
  const custom = info.Custom ?? {};
  const fromInfo = custom[VERIFY_INFO_KEY];
  const keywords = typeof info.Keywords === 'string' ? info.Keywords : '';
  const fromKeywords = keywords
    .split(/[\s,;]+/)
    .find((word) => word.startsWith(VERIFY_KEYWORD_PREFIX))
    ?.slice(VERIFY_KEYWORD_PREFIX.length);
  const id = typeof fromInfo === 'string' && VERIFICATION_ID_PATTERN.test(fromInfo) ? fromInfo : fromKeywords;
  if (id === undefined || !VERIFICATION_ID_PATTERN.test(id)) return { found: false, reason: 'no-mark' };
  const kind = custom.PanduDocumentKind;
  return typeof kind === 'string' ? { found: true, id, kind } : { found: true, id };
}
