/**
 * The outgoing nota dinas as a PDF, in the same layout as the DOCX template: kop, "NOTA DINAS", the
 * heading table, a rule, the text, the signature block. The draft carries a "KONSEP" mark and reads
 * "Nomor: (diisi saat registrasi)".
 */
import { isDraft, notaDinasFields, type NotaDinasData } from './nota-dinas-data.js';
import { startPdf, type PdfBuild } from './pdf-document.js';
import { drawKop, kopAuthor } from './pdf-kop.js';
import type { VerificationMark } from './verification.js';

const BODY_SIZE = 11;
const LABEL_WIDTH = 70;

const HEADING_ROWS = [
  ['Kepada', 'kepada'],
  ['Dari', 'dari'],
  ['Tembusan', 'tembusan'],
  ['Tanggal', 'tanggal'],
  ['Nomor', 'nomor'],
  ['Sifat', 'sifat'],
  ['Lampiran', 'lampiran'],
  ['Hal', 'hal'],
] as const;

function ensureRoom(build: PdfBuild, y: number, height: number): number {
  if (y + height <= build.bottom) return y;
  build.doc.addPage();
  return build.doc.page.margins.top;
}

function drawDraftMark(build: PdfBuild): void {
  const { doc, left, width } = build;
  const markWidth = 74;
  const x = left + width - markWidth;
  const y = doc.page.margins.top - 22;
  doc.save();
  doc.rect(x, y, markWidth, 17).lineWidth(1).strokeColor('#b00020').stroke();
  doc
    .font('bold')
    .fontSize(10)
    .fillColor('#b00020')
    .text('KONSEP', x, y + 3.5, { width: markWidth, align: 'center', characterSpacing: 1 });
  doc.restore();
}

function drawHeading(build: PdfBuild, fields: ReturnType<typeof notaDinasFields>, top: number): number {
  const { doc, left, width } = build;
  const valueX = left + LABEL_WIDTH + 10;
  const valueWidth = width - LABEL_WIDTH - 10;
  let y = top;
  for (const [label, key] of HEADING_ROWS) {
    doc.font('regular').fontSize(BODY_SIZE).fillColor('black');
    const value = fields[key];
    const height = doc.heightOfString(value, { width: valueWidth });
    y = ensureRoom(build, y, height);
    doc.text(label, left, y, { width: LABEL_WIDTH, lineBreak: false });
    doc.text(':', left + LABEL_WIDTH, y, { lineBreak: false });
    doc
      .font(key === 'nomor' && value.startsWith('(') ? 'italic' : 'regular')
      .text(value, valueX, y, { width: valueWidth });
    y += height + 2;
  }
  y += 2;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(1.2)
    .strokeColor('black')
    .stroke();
  return y + 12;
}

function drawBody(build: PdfBuild, body: string, top: number): number {
  const { doc, left, width } = build;
  let y = top;
  for (const paragraph of body.split(/\n\s*\n/)) {
    const text = paragraph.replace(/\s*\n\s*/g, ' ').trim();
    if (text === '') continue;
    doc.font('regular').fontSize(BODY_SIZE);
    const options = { width, align: 'justify' as const, indent: 28, lineGap: 2.5 };
    const height = doc.heightOfString(text, options);
    y = ensureRoom(build, y, Math.min(height, 60));
    doc.text(text, left, y, options);
    y = doc.y + 8;
  }
  return y;
}

function drawSignature(build: PdfBuild, fields: ReturnType<typeof notaDinasFields>, top: number): number {
  const { doc, left, width } = build;
  const x = left + width * 0.52;
  const blockWidth = width * 0.48;
  doc.font('regular').fontSize(BODY_SIZE);
  const jabatanHeight = doc.heightOfString(`${fields.jabatan},`, { width: blockWidth });
  let y = ensureRoom(build, top + 6, jabatanHeight + 80);
  doc.text(`${fields.jabatan},`, x, y, { width: blockWidth });
  y = doc.y + 52;
  doc.font('bold').text(fields.penandatangan, x, y, { width: blockWidth, underline: true });
  y = doc.y + 1;
  if (fields.nip) {
    doc.font('regular').text(fields.nip, x, y, { width: blockWidth });
    y = doc.y;
  }
  return y;
}

/** Renders the nota dinas; without `data.nomor` it is the draft (KONSEP). */
export async function writeNotaDinasPdf(
  data: NotaDinasData,
  verification: VerificationMark,
): Promise<Uint8Array> {
  const fields = notaDinasFields(data);
  const draft = isDraft(data);
  const build = await startPdf({
    kind: 'nota-dinas',
    title: draft ? `Konsep nota dinas: ${data.hal}` : `Nota dinas ${fields.nomor}`,
    author: kopAuthor(data.kop),
    generatedAt: new Date(data.generatedAt),
    verification,
  });
  const { doc, left, width } = build;
  if (draft) drawDraftMark(build);
  let y = drawKop(doc, data.kop, { left, width, top: doc.page.margins.top });
  doc
    .font('bold')
    .fontSize(13)
    .fillColor('black')
    .text('NOTA DINAS', left, y + 4, { width, align: 'center', characterSpacing: 1 });
  y = doc.y + 14;
  y = drawHeading(build, fields, y);
  y = drawBody(build, fields.body, y);
  drawSignature(build, fields, y);
  return build.finish();
}
