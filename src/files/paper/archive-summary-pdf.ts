/**
 * The one-page summary of an archived instance: the letter's particulars, klasifikasi and retention,
 * and the riwayat: every step, who did it, when, and whether it was within its standard time.
 */
import { formatDuration } from '../../core/time/format-duration.js';
import type { ArchiveInput, ArchiveStepRow } from './archive-types.js';
import { DEFAULT_DOCUMENT_ZONE, formatTanggalJam, formatWaktu, zoneLabel } from './indonesian-format.js';
import { RETENTION_DISPOSITION_LABELS, type RetentionSchedule } from './klasifikasi.js';
import { startPdf, type PdfBuild } from './pdf-document.js';
import { drawBox, drawField, labelColumnWidth, measureField } from './pdf-form-parts.js';
import { drawKop, kopAuthor } from './pdf-kop.js';
import { stepTiming } from './step-timing.js';
import type { VerificationMark } from './verification.js';

const TABLE_SIZE = 8;
const COLUMNS = [
  { header: 'No', width: 18 },
  { header: 'Langkah', width: 128 },
  { header: 'Pelaksana', width: 78 },
  { header: 'Mulai', width: 72 },
  { header: 'Selesai', width: 72 },
  { header: 'Standar', width: 40 },
  { header: 'Status', width: 73 },
] as const;

function retentionText(retention: RetentionSchedule | null): string {
  if (!retention) return '-';
  return (
    `aktif ${retention.activeYears} tahun (s.d. ${retention.activeUntilYear}), ` +
    `inaktif ${retention.inactiveYears} tahun (s.d. ${retention.inactiveUntilYear}), ` +
    `lalu ${RETENTION_DISPOSITION_LABELS[retention.disposition].id.toLowerCase()}`
  );
}

function particulars(
  input: ArchiveInput,
  retention: RetentionSchedule | null,
  zone: string,
): Array<[string, string]> {
  const k = input.klasifikasi;
  return [
    ['Nomor agenda masuk', input.agendaNumbers.incoming ?? '-'],
    ['Nomor agenda keluar', input.agendaNumbers.outgoing ?? '-'],
    ['Perihal', input.subject],
    ['Pemohon', input.requester],
    ['SOP', input.flow.sopNumber ? `${input.flow.sopNumber} — ${input.flow.name}` : input.flow.name],
    ['Klasifikasi', k ? `${k.code} — ${k.name.id}` : '-'],
    ['Retensi (JRA)', retentionText(retention)],
    ['Dibuat', formatWaktu(input.createdAt, zone)],
    ['Selesai', input.completedAt ? formatWaktu(input.completedAt, zone) : 'belum selesai'],
    ['Isi arsip', `${input.files.length} berkas; daftar lengkap dan SHA-256 di manifest.json`],
  ];
}

function rowCells(row: ArchiveStepRow, zone: string): { cells: string[]; late: boolean } {
  const timing = stepTiming(row);
  const status =
    timing.status === 'within'
      ? 'Tepat waktu'
      : timing.status === 'late'
        ? `Terlambat\n${formatDuration(timing.lateMinutes, 'id', { smallestUnit: 'minute' })}`
        : timing.status === 'open'
          ? 'Berjalan'
          : 'Tanpa standar';
  const time = (at: string | undefined) => (at ? formatTanggalJam(at, zone) : '-');
  return {
    cells: [
      String(row.step.number),
      row.title,
      row.performer,
      time(row.startedAt),
      time(row.endedAt),
      row.standardMinutes === null ? '-' : formatDuration(row.standardMinutes, 'id'),
      status,
    ],
    late: timing.status === 'late',
  };
}

function measureRow(doc: PDFKit.PDFDocument, cells: readonly string[], font: string): number {
  doc.font(font).fontSize(TABLE_SIZE);
  return (
    Math.max(
      ...cells.map((cell, index) => doc.heightOfString(cell, { width: (COLUMNS[index]?.width ?? 40) - 6 })),
    ) + 6
  );
}

function drawRow(
  build: PdfBuild,
  y: number,
  cells: readonly string[],
  options: { font: string; fill?: string; lateColumn?: boolean },
): number {
  const { doc, left } = build;
  const height = measureRow(doc, cells, options.font);
  let x = left;
  cells.forEach((cell, index) => {
    const width = COLUMNS[index]?.width ?? 40;
    drawBox(doc, x, y, width, height, options.fill);
    const red = options.lateColumn === true && index === cells.length - 1;
    doc
      .font(red ? 'condensedBold' : options.font)
      .fontSize(TABLE_SIZE)
      .fillColor(red ? '#b00020' : 'black')
      .text(cell, x + 3, y + 3, { width: width - 6 });
    x += width;
  });
  doc.fillColor('black');
  return y + height;
}

function drawRiwayat(build: PdfBuild, input: ArchiveInput, zone: string, top: number): void {
  const { doc, left, width } = build;
  doc
    .font('bold')
    .fontSize(10.5)
    .text(`Riwayat (waktu ${zoneLabel(input.generatedAt, zone)})`, left, top, { width });
  let y = drawRow(
    build,
    doc.y + 4,
    COLUMNS.map((column) => column.header),
    { font: 'condensedBold', fill: '#e6e6e6' },
  );
  const rows = input.steps.map((row) => rowCells(row, zone));
  const noteHeight = TABLE_SIZE + 8;
  for (const [index, row] of rows.entries()) {
    const height = measureRow(doc, row.cells, 'condensed');
    const rest = rows.length - index - 1;
    if (y + height + (rest > 0 ? noteHeight : 0) > build.bottom) {
      doc
        .font('condensedItalic')
        .fontSize(TABLE_SIZE)
        .text(`… dan ${rows.length - index} baris lagi: riwayat lengkap di audit-trail.csv.`, left, y + 3, {
          width,
        });
      return;
    }
    y = drawRow(build, y, row.cells, { font: 'condensed', lateColumn: row.late });
  }
}

/** Renders the summary; it stays on one page (rows that do not fit are counted, and are in the audit trail). */
export async function writeArchiveSummaryPdf(
  input: ArchiveInput,
  retention: RetentionSchedule | null,
  verification: VerificationMark,
): Promise<Uint8Array> {
  const zone = input.timeZone ?? DEFAULT_DOCUMENT_ZONE;
  const build = await startPdf({
    kind: 'archive-summary',
    title: `Ringkasan arsip ${input.agendaNumbers.incoming ?? input.instanceId}`,
    author: kopAuthor(input.kop),
    generatedAt: new Date(input.generatedAt),
    verification,
  });
  const { doc, left, width } = build;
  let y = drawKop(doc, input.kop, { left, width, top: doc.page.margins.top });
  doc
    .font('bold')
    .fontSize(13)
    .fillColor('black')
    .text('RINGKASAN ARSIP', left, y + 2, { width, align: 'center', characterSpacing: 1 });
  y = doc.y + 8;
  const rows = particulars(input, retention, zone);
  const labelWidth = labelColumnWidth(
    doc,
    rows.map(([label]) => label),
  );
  for (const [label, value] of rows) {
    const height = measureField(doc, value, width, labelWidth);
    drawBox(doc, left, y, width, height);
    drawField(doc, { x: left, y, width }, label, value, labelWidth);
    y += height;
  }
  drawRiwayat(build, input, zone, y + 12);
  return build.finish();
}
