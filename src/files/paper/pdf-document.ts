/**
 * Starts a PDF the way every Pandu document is made: A4, DejaVu fonts embedded, the metadata that lets
 * `readVerificationId` find the document again, and on finishing, the verification footer (QR code and
 * short code) on every page.
 */
import { pdfKit } from '../../lazy-libraries.js';
import { registerFonts } from './fonts.js';
import { drawVerificationFooter, FOOTER_HEIGHT, qrCodePng } from './pdf-verification-footer.js';
import type { VerificationMark } from './verification.js';

/** The document kinds Pandu generates; the kind is written into the PDF's metadata. */
export type GeneratedDocumentKind = 'lembar-disposisi' | 'nota-dinas' | 'archive-summary';

export interface PdfMeta {
  kind: GeneratedDocumentKind;
  title: string;
  /** The issuing unit, written as the PDF's author. */
  author: string;
  /** When the document was generated: its creation date (the same input gives the same bytes). */
  generatedAt: Date;
  verification: VerificationMark;
}

export interface PdfBuild {
  doc: PDFKit.PDFDocument;
  /** Left edge and width of the text area. */
  left: number;
  width: number;
  /** Lowest y the content may reach on a page (the footer sits below it). */
  bottom: number;
  finish(): Promise<Uint8Array>;
}

/** The keyword that carries the verification id, e.g. `pandu-verify:K7QM3XPA…`. */
export const VERIFY_KEYWORD_PREFIX = 'pandu-verify:';
export const VERIFY_INFO_KEY = 'PanduVerificationId';
export const KIND_INFO_KEY = 'PanduDocumentKind';

const MARGIN = { top: 40, left: 57, right: 57 };

export async function startPdf(meta: PdfMeta): Promise<PdfBuild> {
  const [qr, PDFDocument] = await Promise.all([qrCodePng(meta.verification.verifyUrl), pdfKit()]);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN.top, left: MARGIN.left, right: MARGIN.right, bottom: FOOTER_HEIGHT + 12 },
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    lang: 'id-ID',
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.kind,
      Keywords: `${VERIFY_KEYWORD_PREFIX}${meta.verification.id}`,
      Creator: 'Pandu',
      Producer: 'Pandu (pdfkit)',
      CreationDate: meta.generatedAt,
      ModDate: meta.generatedAt,
    },
  });
  Object.assign(doc.info, { [VERIFY_INFO_KEY]: meta.verification.id, [KIND_INFO_KEY]: meta.kind });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  return {
    doc,
    left,
    width,
    bottom: doc.page.height - doc.page.margins.bottom,
    finish: async () => {
      const range = doc.bufferedPageRange();
      for (let index = range.start; index < range.start + range.count; index += 1) {
        doc.switchToPage(index);
        drawVerificationFooter(doc, meta.verification, qr, {
          left,
          width,
          page: index - range.start + 1,
          pages: range.count,
        });
      }
      doc.end();
      return ended;
    },
  };
}
