/**
 * The lembar disposisi (disposition sheet) of an incoming letter, as a PDF that looks like the paper
 * form: the kop, "LEMBAR DISPOSISI", the letter's particulars in a ruled table with sifat and derajat as
 * tick boxes, then one block per disposition so far: from whom, to whom, the flow's instructions as a
 * tick list with the chosen ones ticked, the note, and the disposer's name and time as the paraf.
 */
import type { LocalizedText } from '../../core/i18n.js';
import { personLine, type DocumentPerson } from './document-person.js';
import { DEFAULT_DOCUMENT_ZONE, formatTanggal, formatWaktu } from './indonesian-format.js';
import {
  DERAJAT_LABELS,
  DERAJAT_VALUES,
  SIFAT_LABELS,
  SIFAT_VALUES,
  type Derajat,
  type Sifat,
} from './letter-metadata.js';
import { startPdf, type PdfBuild } from './pdf-document.js';
import {
  cellPadding,
  drawBox,
  drawCheckbox,
  drawCheckboxRow,
  drawField,
  FORM_FONT_SIZE,
  labelColumnWidth,
  measureCheckbox,
  measureField,
} from './pdf-form-parts.js';
import { drawKop, kopAuthor, type Kop } from './pdf-kop.js';
import type { VerificationMark } from './verification.js';

export interface DispositionEntry {
  from: DocumentPerson;
  to: readonly DocumentPerson[];
  /** The instructions ticked, ids from the flow's list. */
  instructionIds: readonly string[];
  note?: string;
  /** When it was given (the paraf's time), ISO 8601. */
  at: string;
}

export interface LembarDisposisiData {
  kop: Kop;
  agendaNumber: string;
  /** Tanggal terima: when TU registered the letter, ISO 8601. */
  receivedAt: string;
  /** Asal surat: the sending unit. */
  senderUnit: string;
  letterNumber: string;
  /** The date on the letter, `YYYY-MM-DD`. */
  letterDate: string;
  subject: string;
  sifat: Sifat;
  derajat: Derajat;
  klasifikasi?: string;
  /** The flow's list of disposition instructions, in its order. */
  instructions: ReadonlyArray<{ id: string; label: LocalizedText }>;
  dispositions: readonly DispositionEntry[];
  generatedAt: string;
  /** Zone of the printed times; default Asia/Jakarta. */
  timeZone?: string;
}

const HEADER_FILL = '#e6e6e6';

function drawParticulars(build: PdfBuild, data: LembarDisposisiData, zone: string, top: number): number {
  const { doc, left, width } = build;
  const half = width * 0.46;
  const right = width - half;
  const rows: Array<[string, string, string, string]> = [
    ['Surat dari', data.senderUnit, 'Diterima tgl.', formatWaktu(data.receivedAt, zone)],
    ['Nomor surat', data.letterNumber, 'Nomor agenda', data.agendaNumber],
    ['Tanggal surat', formatTanggal(data.letterDate), 'Klasifikasi', data.klasifikasi ?? '-'],
  ];
  const leftLabels = labelColumnWidth(doc, [...rows.map((row) => row[0]), 'Perihal']);
  const rightLabels = labelColumnWidth(
    doc,
    rows.map((row) => row[2]),
  );
  let y = top;
  for (const [leftLabel, leftValue, rightLabel, rightValue] of rows) {
    const height = Math.max(
      measureField(doc, leftValue, half, leftLabels),
      measureField(doc, rightValue, right, rightLabels),
    );
    drawBox(doc, left, y, half, height);
    drawBox(doc, left + half, y, right, height);
    drawField(doc, { x: left, y, width: half }, leftLabel, leftValue, leftLabels);
    drawField(doc, { x: left + half, y, width: right }, rightLabel, rightValue, rightLabels);
    y += height;
  }
  const subjectHeight = measureField(doc, data.subject, width, leftLabels);
  drawBox(doc, left, y, width, subjectHeight);
  drawField(doc, { x: left, y, width }, 'Perihal', data.subject, leftLabels);
  y += subjectHeight;

  const pad = cellPadding();
  const sifatLabel = labelColumnWidth(doc, ['Sifat']);
  const derajatLabel = labelColumnWidth(doc, ['Derajat']);
  const choiceHeight = 2 * (FORM_FONT_SIZE + 5) + 2 * pad;
  drawBox(doc, left, y, half, choiceHeight);
  drawBox(doc, left + half, y, right, choiceHeight);
  doc
    .font('condensedBold')
    .fontSize(FORM_FONT_SIZE)
    .text('Sifat', left + pad, y + pad, { lineBreak: false });
  drawCheckboxRow(
    doc,
    { x: left + pad + sifatLabel + 6, y: y + pad, width: half - 2 * pad - sifatLabel - 6 },
    SIFAT_VALUES.map((value) => ({ label: SIFAT_LABELS[value].id, checked: value === data.sifat })),
    2,
  );
  doc
    .font('condensedBold')
    .fontSize(FORM_FONT_SIZE)
    .text('Derajat', left + half + pad, y + pad, { lineBreak: false });
  drawCheckboxRow(
    doc,
    { x: left + half + pad + derajatLabel + 6, y: y + pad, width: right - 2 * pad - derajatLabel - 6 },
    DERAJAT_VALUES.map((value) => ({ label: DERAJAT_LABELS[value].id, checked: value === data.derajat })),
    3,
  );
  return y + choiceHeight;
}

interface BlockLayout {
  headerHeight: number;
  bodyHeight: number;
  noteHeight: number;
  parafHeight: number;
}

function instructionLines(data: LembarDisposisiData, entry: DispositionEntry | undefined) {
  const known = data.instructions.map((instruction) => ({
    label: instruction.label.id,
    checked: entry?.instructionIds.includes(instruction.id) ?? false,
  }));
  // An instruction the flow no longer lists still shows, ticked, under its id.
  const extra = (entry?.instructionIds ?? [])
    .filter((id) => !data.instructions.some((instruction) => instruction.id === id))
    .map((id) => ({ label: id, checked: true }));
  return [...known, ...extra];
}

const NUMBER_WIDTH = 12;

/** The recipients as numbered lines (hanging indent), or the placeholder before any disposition. */
function recipientLines(entry: DispositionEntry | undefined): string[] {
  if (!entry) return ['(belum ada disposisi)'];
  return entry.to.length > 0 ? entry.to.map(personLine) : ['-'];
}

function measureRecipients(
  doc: PDFKit.PDFDocument,
  entry: DispositionEntry | undefined,
  width: number,
): number {
  doc.font('condensed').fontSize(FORM_FONT_SIZE);
  return recipientLines(entry).reduce(
    (sum, line) => sum + doc.heightOfString(line, { width: width - NUMBER_WIDTH }) + 2,
    0,
  );
}

function drawRecipients(
  doc: PDFKit.PDFDocument,
  entry: DispositionEntry | undefined,
  x: number,
  top: number,
  width: number,
): void {
  let y = top;
  const numbered = entry !== undefined && entry.to.length > 0;
  recipientLines(entry).forEach((line, index) => {
    doc.font('condensed').fontSize(FORM_FONT_SIZE);
    if (numbered) doc.text(`${index + 1}.`, x, y, { width: NUMBER_WIDTH, lineBreak: false });
    const textX = numbered ? x + NUMBER_WIDTH : x;
    doc.text(line, textX, y, { width: width - (textX - x) });
    y = doc.y + 2;
  });
}

function blockTitle(entry: DispositionEntry | undefined, index: number): string {
  return entry ? `Disposisi ${index + 1} — dari ${personLine(entry.from)}` : 'Disposisi';
}

function layoutBlock(
  build: PdfBuild,
  data: LembarDisposisiData,
  entry: DispositionEntry | undefined,
): BlockLayout {
  const { doc, width } = build;
  const pad = cellPadding();
  const half = width / 2;
  const recipients = measureRecipients(doc, entry, half - 2 * pad) + FORM_FONT_SIZE + 8;
  const ticks = instructionLines(data, entry).reduce(
    (sum, line) => sum + measureCheckbox(doc, line.label, half - 2 * pad),
    FORM_FONT_SIZE + 8,
  );
  const note = entry?.note?.trim() || '-';
  // A long jabatan wraps the header: measured, so the block below never overlaps it.
  const title = doc
    .font('bold')
    .fontSize(FORM_FONT_SIZE)
    .heightOfString(blockTitle(entry, 0), { width: width - 2 * pad });
  return {
    headerHeight: Math.max(FORM_FONT_SIZE, title) + 2 * pad + 2,
    bodyHeight: Math.max(recipients, ticks) + 2 * pad,
    noteHeight: measureField(doc, note, width, 52),
    parafHeight: FORM_FONT_SIZE + 2 * pad + 4,
  };
}

function blockHeight(layout: BlockLayout): number {
  return layout.headerHeight + layout.bodyHeight + layout.noteHeight + layout.parafHeight;
}

function drawBlock(
  build: PdfBuild,
  data: LembarDisposisiData,
  entry: DispositionEntry | undefined,
  index: number,
  top: number,
  zone: string,
): number {
  const { doc, left, width } = build;
  const pad = cellPadding();
  const half = width / 2;
  const layout = layoutBlock(build, data, entry);
  let y = top;
  drawBox(doc, left, y, width, layout.headerHeight, HEADER_FILL);
  const title = blockTitle(entry, index);
  doc
    .font('bold')
    .fontSize(FORM_FONT_SIZE)
    .fillColor('black')
    .text(title, left + pad, y + pad + 1, { width: width - 2 * pad });
  y += layout.headerHeight;

  drawBox(doc, left, y, half, layout.bodyHeight);
  drawBox(doc, left + half, y, half, layout.bodyHeight);
  doc
    .font('condensedBold')
    .fontSize(FORM_FONT_SIZE)
    .text('Diteruskan kepada:', left + pad, y + pad, { width: half - 2 * pad });
  drawRecipients(doc, entry, left + pad, y + pad + FORM_FONT_SIZE + 6, half - 2 * pad);
  doc
    .font('condensedBold')
    .text('Dengan hormat harap:', left + half + pad, y + pad, { width: half - 2 * pad });
  let tickY = y + pad + FORM_FONT_SIZE + 6;
  for (const line of instructionLines(data, entry)) {
    tickY += drawCheckbox(
      doc,
      { x: left + half + pad, y: tickY, width: half - 2 * pad },
      line.label,
      line.checked,
    );
  }
  y += layout.bodyHeight;

  drawBox(doc, left, y, width, layout.noteHeight);
  drawField(doc, { x: left, y, width }, 'Catatan', entry?.note?.trim() || '-', 52);
  y += layout.noteHeight;

  drawBox(doc, left, y, width, layout.parafHeight);
  const paraf = entry ? `Paraf: ${entry.from.name}, ${formatWaktu(entry.at, zone)}` : 'Paraf:';
  doc
    .font('condensedItalic')
    .fontSize(FORM_FONT_SIZE)
    .text(paraf, left + pad, y + pad + 1, { width: width - 2 * pad, align: 'right' });
  return y + layout.parafHeight;
}

function drawContinuationHeader(build: PdfBuild, data: LembarDisposisiData): number {
  const { doc, left, width } = build;
  doc
    .font('bold')
    .fontSize(10)
    .text(`LEMBAR DISPOSISI (lanjutan) — Nomor agenda ${data.agendaNumber}`, left, doc.page.margins.top, {
      width,
    });
  return doc.y + 8;
}

/** Renders the lembar disposisi; every disposition so far gets its block (pages follow as needed). */
export async function writeLembarDisposisi(
  data: LembarDisposisiData,
  verification: VerificationMark,
): Promise<Uint8Array> {
  const zone = data.timeZone ?? DEFAULT_DOCUMENT_ZONE;
  const build = await startPdf({
    kind: 'lembar-disposisi',
    title: `Lembar disposisi ${data.agendaNumber}`,
    author: kopAuthor(data.kop),
    generatedAt: new Date(data.generatedAt),
    verification,
  });
  const { doc, left, width } = build;
  let y = drawKop(doc, data.kop, { left, width, top: doc.page.margins.top });
  doc
    .font('bold')
    .fontSize(14)
    .fillColor('black')
    .text('LEMBAR DISPOSISI', left, y + 2, { width, align: 'center', characterSpacing: 1 });
  y = doc.y + 8;
  y = drawParticulars(build, data, zone, y);
  const entries: Array<DispositionEntry | undefined> =
    data.dispositions.length > 0 ? [...data.dispositions] : [undefined];
  entries.forEach((entry, index) => {
    y += 10;
    if (y + blockHeight(layoutBlock(build, data, entry)) > build.bottom) {
      doc.addPage();
      y = drawContinuationHeader(build, data);
    }
    y = drawBlock(build, data, entry, index, y, zone);
  });
  return build.finish();
}
