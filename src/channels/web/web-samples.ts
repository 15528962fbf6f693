import { PPK_COLUMNS } from '../../files/ppk/columns.js';
import { pdfKit } from '../../lazy-libraries.js';

/** The sample request the playground starts: its subject and its nota dinas (a real, small PDF). */
export const SAMPLE_SUBJECT = 'Contoh: Permohonan pemanfaatan SPSE untuk pengadaan laptop kantor';

export async function sampleMemo(): Promise<Buffer> {
  const PDFDocument = await pdfKit();
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: 'Nota Dinas (contoh)' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(16).text('NOTA DINAS (CONTOH)', { align: 'center' });
    doc.moveDown().fontSize(11);
    doc.text('Kepada: Kepala Pusat Data dan Informasi');
    doc.text('Dari: Unit Layanan Pengadaan, Biro Umum');
    doc.text(`Perihal: ${SAMPLE_SUBJECT}`);
    doc.moveDown().text('Dokumen ini dibuat oleh mode demo Pandu dan tidak berlaku sebagai surat dinas.');
    doc.end();
  });
}

/** The template's own columns, in its order. */
const HEADER = PPK_COLUMNS.map((column) => column.header);

function csv(rows: string[][]): string {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return [HEADER, ...rows].map((row) => row.map(quote).join(',')).join('\n') + '\n';
}

/** A PPK list the checks accept (next fiscal year). */
export function samplePpkValid(year: number): string {
  const y = String(year);
  return csv([
    [
      '198503152010121002',
      'Budi Santoso',
      'Kepala Bagian Umum',
      'PPK',
      'budi.santoso@contoh.go.id',
      '0812-3456-7890',
      'Biro Umum',
      'Pengadaan Laptop Kantor',
      'Rp 1.500.000.000',
      y,
      `SK-001/BU/${y}`,
    ],
    [
      '199001202015032001',
      'Siti Aminah',
      'Analis Pengadaan',
      'Pokja Pemilihan',
      'siti.aminah@contoh.go.id',
      '+6281298765432',
      'Biro Umum',
      'Pengadaan Laptop Kantor',
      '1500000000',
      y,
      `SK-002/BU/${y}`,
    ],
  ]);
}

/** A PPK list with mistakes the checks name (a short NIP, a broken e-mail, no role, no budget). */
export function samplePpkWithErrors(year: number): string {
  const y = String(year);
  return csv([
    [
      '19850315201012',
      'Budi Santoso',
      'Kepala Bagian Umum',
      'PPK',
      'budi.santoso@',
      '0812-3456-7890',
      'Biro Umum',
      'Pengadaan Laptop Kantor',
      'Rp 1.500.000.000',
      y,
      `SK-001/BU/${y}`,
    ],
    [
      '199001202015032001',
      'Siti Aminah',
      'Analis Pengadaan',
      '',
      'siti.aminah@contoh.go.id',
      '+6281298765432',
      'Biro Umum',
      'Pengadaan Laptop Kantor',
      '',
      y,
      `SK-002/BU/${y}`,
    ],
  ]);
}
