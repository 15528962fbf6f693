/**
 * Builds `flows/templates/nota-dinas.docx`, the SPSE flow's nota dinas template, in the layout of Tata
 * Naskah Dinas: kop, "NOTA DINAS", the heading table (Kepada, Dari, Tembusan, Tanggal, Nomor, Sifat,
 * Lampiran, Hal), a rule, the text, and the signature block. Placeholders are `{name}`; see
 * `src/files/paper/nota-dinas-data.ts` for the list. Run: `npx tsx scripts/build-nota-dinas-template.ts [out]`.
 * The committed file was made with it; an office may instead edit that file in Word, keeping the tags.
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const FONT = 'Arial';
const SIZE = 24; // half-points: 12 pt
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

function text(value: string, options: { bold?: boolean; size?: number; underline?: boolean } = {}): TextRun {
  return new TextRun({
    text: value,
    font: FONT,
    size: options.size ?? SIZE,
    bold: options.bold ?? false,
    ...(options.underline ? { underline: {} } : {}),
  });
}

function headingRow(label: string, placeholder: string): TableRow {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS });
  return new TableRow({
    children: [
      cell([new Paragraph({ children: [text(label)] })], 1700),
      cell([new Paragraph({ children: [text(':')] })], 300),
      cell([new Paragraph({ children: [text(`{${placeholder}}`)] })], 7000),
    ],
  });
}

export function notaDinasTemplateDocument(): Document {
  return new Document({
    creator: 'Pandu',
    title: 'Templat nota dinas',
    description: 'Templat nota dinas alur SPSE/e-Proc; tanda kurung kurawal diisi oleh Pandu.',
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [text('{kop}', { bold: true, size: 26 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            border: {
              bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 18, color: '000000', space: 4 },
            },
            children: [text('{alamat}', { size: 16 })],
          }),
          new Paragraph({ children: [] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [text('NOTA DINAS', { bold: true, size: 28 })],
          }),
          new Paragraph({ children: [] }),
          new Table({
            width: { size: 9000, type: WidthType.DXA },
            columnWidths: [1700, 300, 7000],
            borders: NO_BORDERS,
            rows: [
              headingRow('Kepada', 'kepada'),
              headingRow('Dari', 'dari'),
              headingRow('Tembusan', 'tembusan'),
              headingRow('Tanggal', 'tanggal'),
              headingRow('Nomor', 'nomor'),
              headingRow('Sifat', 'sifat'),
              headingRow('Lampiran', 'lampiran'),
              headingRow('Hal', 'hal'),
            ],
          }),
          new Paragraph({
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 1 } },
            children: [],
          }),
          new Paragraph({ children: [] }),
          // A paragraph loop: each paragraph of the text becomes one justified paragraph.
          new Paragraph({ children: [text('{#body}')] }),
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: 720 },
            spacing: { after: 160, line: 300 },
            children: [text('{.}')],
          }),
          new Paragraph({ children: [text('{/body}')] }),
          new Paragraph({ children: [] }),
          new Paragraph({ indent: { left: 4800 }, children: [text('{jabatan},')] }),
          new Paragraph({ indent: { left: 4800 }, children: [] }),
          new Paragraph({ indent: { left: 4800 }, children: [] }),
          new Paragraph({ indent: { left: 4800 }, children: [] }),
          new Paragraph({
            indent: { left: 4800 },
            children: [text('{penandatangan}', { bold: true, underline: true })],
          }),
          new Paragraph({ indent: { left: 4800 }, children: [text('{nip}')] }),
        ],
      },
    ],
  });
}

export async function buildNotaDinasTemplate(): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(notaDinasTemplateDocument()));
}

const invokedAs = process.argv[1];
if (invokedAs !== undefined && import.meta.url === pathToFileURL(invokedAs).href) {
  const out = process.argv[2] ?? 'flows/templates/nota-dinas.docx';
  await writeFile(out, await buildNotaDinasTemplate());
  console.log(`wrote ${out}`);
}
