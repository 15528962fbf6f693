import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  agendaBookFileName,
  exportAgendaBook,
  type AgendaBookEntry,
} from '../../../../src/files/paper/agenda-book.js';
import { INCOMING_AGENDA } from '../../../support/paper-fixtures.js';

const ENTRIES: AgendaBookEntry[] = [
  {
    agendaNumber: '002/ND-M/PUSDATINKOMTEL/XI/2026',
    at: '2026-11-24T03:00:00Z',
    counterpart: '=cmd|" /C calc"!A0',
    letterNumber: '+62-811',
    letterDate: '2026-11-22',
    subject: '@SUM(1+1)',
    sifat: 'biasa',
    derajat: 'sangat-segera',
    forwardedTo: ['-Kabid'],
    remarks: '\tTab',
  },
  {
    agendaNumber: INCOMING_AGENDA,
    at: '2026-11-23T02:05:00Z',
    counterpart: 'ULP Biro Umum Sekretariat Jenderal',
    letterNumber: '027/1184/BU',
    letterDate: '2026-11-20',
    subject: 'Permohonan fasilitasi pemanfaatan SPSE/e-Proc',
    sifat: 'biasa',
    derajat: 'segera',
    klasifikasi: '027.1',
    forwardedTo: ['Kepala Bidang Pengembangan Aplikasi', 'Kepala Subbidang LPSE'],
    remarks: 'Selesai',
  },
  {
    agendaNumber: '003/ND-M/PUSDATINKOMTEL/XI/2026',
    at: '2026-11-25T03:00:00Z',
    counterpart: 'Direktorat Jenderal Dukcapil',
    letterNumber: 'R-01/2026',
    letterDate: '2026-11-25',
    subject: 'Isi surat rahasia yang tidak boleh tampak',
    sifat: 'rahasia',
    derajat: 'biasa',
    forwardedTo: [],
  },
];

const HEADERS_ID = [
  'No. urut',
  'Nomor agenda',
  'Tanggal terima',
  'Asal surat',
  'Nomor surat',
  'Tanggal surat',
  'Perihal',
  'Kode klasifikasi',
  'Sifat',
  'Derajat',
  'Diteruskan kepada',
  'Keterangan',
];

async function xlsxRows(bytes: Uint8Array): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

function csvRows(bytes: Uint8Array): string[][] {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  expect(text.startsWith('\ufeff')).toBe(true);
  const rows: string[][] = parse(text.slice(1));
  return rows;
}

describe('the buku agenda export', () => {
  test('XLSX: the paper book’s columns, rows in order of receipt numbered from 1', async () => {
    const rows = await xlsxRows(await exportAgendaBook('incoming', ENTRIES, { format: 'xlsx' }));
    expect(rows[0]).toEqual(HEADERS_ID);
    expect(rows.slice(1).map((row) => [row[0], row[1]])).toEqual([
      [1, INCOMING_AGENDA],
      [2, '002/ND-M/PUSDATINKOMTEL/XI/2026'],
      [3, '003/ND-M/PUSDATINKOMTEL/XI/2026'],
    ]);
    expect(rows[1]).toEqual([
      1,
      INCOMING_AGENDA,
      '23 Nov 2026 09:05 WIB',
      'ULP Biro Umum Sekretariat Jenderal',
      '027/1184/BU',
      '20 November 2026',
      'Permohonan fasilitasi pemanfaatan SPSE/e-Proc',
      '027.1',
      'Biasa',
      'Segera',
      'Kepala Bidang Pengembangan Aplikasi; Kepala Subbidang LPSE',
      'Selesai',
    ]);
  });

  test('XLSX and CSV: text that would run as a formula gets a leading apostrophe', async () => {
    const expected = ['\'=cmd|" /C calc"!A0', "'+62-811", "'@SUM(1+1)", "'-Kabid", "'\tTab"];
    const xlsx = (await xlsxRows(await exportAgendaBook('incoming', ENTRIES, { format: 'xlsx' })))[2] ?? [];
    const csv = csvRows(await exportAgendaBook('incoming', ENTRIES, { format: 'csv' }))[2] ?? [];
    for (const row of [xlsx, csv]) {
      expect([row[3], row[4], row[6], row[10], row[11]]).toEqual(expected);
      expect(row[9]).toBe('Sangat Segera');
    }
  });

  test('the subject of a rahasia letter is left out unless asked for', async () => {
    const hidden = csvRows(await exportAgendaBook('incoming', ENTRIES, { format: 'csv' }))[3] ?? [];
    expect(hidden[6]).toBe('(Surat rahasia)');
    expect(hidden.join(' ')).not.toContain('tidak boleh tampak');
    const shown = csvRows(
      await exportAgendaBook('incoming', ENTRIES, { format: 'csv', showConfidentialSubjects: true }),
    )[3];
    expect(shown?.[6]).toBe('Isi surat rahasia yang tidak boleh tampak');
  });

  test('the outgoing book names its columns for letters sent; English headers on request', async () => {
    const outgoing = csvRows(await exportAgendaBook('outgoing', ENTRIES, { format: 'csv' }))[0];
    expect(outgoing?.slice(2, 4)).toEqual(['Tanggal kirim', 'Tujuan surat']);
    const english = csvRows(await exportAgendaBook('outgoing', ENTRIES, { format: 'csv', locale: 'en' }));
    expect(english[0]?.slice(0, 4)).toEqual(['No.', 'Agenda number', 'Date sent', 'To']);
    expect(english[1]?.[8]).toBe('Ordinary');
    expect(agendaBookFileName('outgoing', 2026, 'xlsx')).toBe('buku-agenda-surat-keluar-2026.xlsx');
  });
});
