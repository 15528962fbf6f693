/** The verification footer printed at the bottom of every page: QR code, address, short code, page number. */
import { qrCode } from '../../lazy-libraries.js';
import type { VerificationMark } from './verification.js';

export const FOOTER_HEIGHT = 74;
const QR_SIZE = 62;

/** A PNG of the QR code for `payload` (error correction M, crisp modules). */
export async function qrCodePng(payload: string): Promise<Buffer> {
  return (await qrCode()).toBuffer(payload, { errorCorrectionLevel: 'M', margin: 1, scale: 6, type: 'png' });
}

export function drawVerificationFooter(
  doc: PDFKit.PDFDocument,
  mark: VerificationMark,
  qrPng: Buffer,
  place: { left: number; width: number; page: number; pages: number },
): void {
  const bottomMargin = doc.page.margins.bottom;
  // Writing inside the bottom margin must not start a new page.
  doc.page.margins.bottom = 0;
  const top = doc.page.height - FOOTER_HEIGHT - 6;
  const textWidth = place.width - QR_SIZE - 14;
  doc.save();
  doc
    .moveTo(place.left, top)
    .lineTo(place.left + place.width, top)
    .lineWidth(0.5)
    .strokeColor('#777777')
    .stroke();
  doc.image(qrPng, place.left + place.width - QR_SIZE, top + 6, { width: QR_SIZE, height: QR_SIZE });
  doc.fillColor('#333333');
  doc
    .font('bold')
    .fontSize(8.5)
    .text(`Kode verifikasi: ${mark.shortCode}`, place.left, top + 8, {
      width: textWidth,
      lineBreak: false,
    });
  doc
    .font('regular')
    .fontSize(7.5)
    .text(`Periksa keaslian dokumen ini: ${mark.verifyUrl}`, place.left, top + 22, { width: textWidth });
  doc
    .font('italic')
    .fontSize(6.8)
    .text(
      'Pindai kode QR atau buka alamat di atas untuk mencocokkan SHA-256 berkas ini. Pemeriksaan keutuhan, ' +
        'bukan tanda tangan elektronik tersertifikasi.',
      place.left,
      top + 34,
      { width: textWidth },
    );
  doc
    .font('regular')
    .fontSize(7.5)
    .text(`Halaman ${place.page} dari ${place.pages}`, place.left, top + 58, {
      width: textWidth,
      lineBreak: false,
    });
  doc.restore();
  doc.page.margins.bottom = bottomMargin;
}
