/** PPK list contents the tests upload (made here, never committed as binaries). */
export const PPK_HEADER = [
  'NIP',
  'Nama',
  'Jabatan',
  'Peran',
  'Email',
  'Nomor HP',
  'Unit Kerja',
  'Nama Paket',
  'Pagu Anggaran (Rp)',
  'Tahun Anggaran',
  'Nomor SK Penetapan',
];

export const PPK_ROWS = [
  [
    '198503152010121002',
    'Budi Santoso',
    'Kepala Bagian Umum',
    'PPK',
    'budi.santoso@kemendagri.go.id',
    '0812-3456-7890',
    'Biro Umum',
    'Pengadaan Laptop Kantor',
    'Rp 1.500.000.000',
    '2027',
    'SK-001/BU/2027',
  ],
  [
    '199001202015032001',
    'Siti Aminah',
    'Analis Pengadaan',
    'Pokja Pemilihan',
    'siti.aminah@kemendagri.go.id',
    '+6281298765432',
    'Biro Umum',
    'Pengadaan Laptop Kantor',
    '1500000000',
    '2027',
    'SK-002/BU/2027',
  ],
];

export function ppkCsv(rows: string[][] = PPK_ROWS): string {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return [PPK_HEADER, ...rows].map((row) => row.map(quote).join(',')).join('\n') + '\n';
}
