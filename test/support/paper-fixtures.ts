/** Sample data for the document writers: the SPSE SOP's incoming letter, its dispositions and its reply. */
import { DEFAULT_INSTRUCTIONS } from '../../src/core/flow/model.js';
import type { ArchiveFile, ArchiveInput, ArchiveStepRow } from '../../src/files/paper/archive-types.js';
import type { KlasifikasiEntry } from '../../src/files/paper/klasifikasi.js';
import type { LembarDisposisiData } from '../../src/files/paper/lembar-disposisi.js';
import type { NotaDinasData } from '../../src/files/paper/nota-dinas-data.js';
import type { Kop } from '../../src/files/paper/pdf-kop.js';
import { verificationMark, type VerificationMark } from '../../src/files/paper/verification.js';

export const PUBLIC_URL = 'https://pandu.kemendagri.example';

export const KOP: Kop = {
  units: [
    'Kementerian Dalam Negeri',
    'Sekretariat Jenderal',
    'Pusat Data dan Informasi Komunikasi dan Telekomunikasi',
  ],
  address: 'Jalan Medan Merdeka Utara Nomor 7, Jakarta 10110 · Telepon (021) 3450038',
};

export const MARK: VerificationMark = verificationMark(PUBLIC_URL, 'K7QM3XPA9D2H5RNB8W4C');
export const OTHER_MARK: VerificationMark = verificationMark(PUBLIC_URL, 'Z9Y8X7W6V5T4S3R2Q1P0');

export const KAPUS = { name: 'Hendra Wijaya', position: 'Kepala Pusat', nip: '196805121990031002' };
export const KABID = { name: 'Sari Handayani', position: 'Kepala Bidang Pengembangan Aplikasi' };
export const KASUBBID = {
  name: 'Bambang Susilo',
  position: 'Kepala Subbidang Layanan Pengadaan Secara Elektronik',
};
export const STAF = { name: 'Dewi Lestari', position: 'Staf Subbidang Layanan Pengadaan Secara Elektronik' };

export const INCOMING_AGENDA = '001/ND-M/PUSDATINKOMTEL/XI/2026';
export const OUTGOING_AGENDA = '001/ND-K/PUSDATINKOMTEL/XI/2026';

export function lembarDisposisiData(overrides: Partial<LembarDisposisiData> = {}): LembarDisposisiData {
  return {
    kop: KOP,
    agendaNumber: INCOMING_AGENDA,
    receivedAt: '2026-11-23T02:05:00Z',
    senderUnit: 'ULP Biro Umum Sekretariat Jenderal',
    letterNumber: '027/1184/BU',
    letterDate: '2026-11-20',
    subject: 'Permohonan fasilitasi pemanfaatan SPSE/e-Proc bagi Biro Umum Tahun Anggaran 2027',
    sifat: 'biasa',
    derajat: 'segera',
    klasifikasi: '027.1',
    instructions: DEFAULT_INSTRUCTIONS,
    dispositions: [
      {
        from: KAPUS,
        to: [KABID],
        instructionIds: ['tindak-lanjut'],
        note: 'Koordinasikan dengan ULP Biro Umum; laporkan kesiapan paling lambat Jumat.',
        at: '2026-11-23T02:12:00Z',
      },
      {
        from: KABID,
        to: [KASUBBID, STAF],
        instructionIds: ['proses', 'pelajari-laporkan'],
        note: 'Mohon data PPK diverifikasi sebelum otentifikasi.',
        at: '2026-11-23T02:40:00Z',
      },
    ],
    generatedAt: '2026-11-23T02:40:05Z',
    timeZone: 'Asia/Jakarta',
    ...overrides,
  };
}

export function notaDinasData(overrides: Partial<NotaDinasData> = {}): NotaDinasData {
  return {
    kop: KOP,
    kepada: ['Kepala Biro Umum Sekretariat Jenderal'],
    dari: 'Kepala Pusat Data dan Informasi Komunikasi dan Telekomunikasi',
    tembusan: ['Sekretaris Jenderal', 'Kepala Bidang Pengembangan Aplikasi'],
    tanggal: '2026-11-27',
    sifat: 'biasa',
    lampiran: 1,
    hal: 'Kesiapan pemanfaatan SPSE/e-Proc bagi Biro Umum',
    body:
      'Menindaklanjuti nota dinas Kepala ULP Biro Umum Nomor 027/1184/BU tanggal 20 November 2026 perihal ' +
      'permohonan fasilitasi pemanfaatan SPSE/e-Proc, dengan hormat kami sampaikan bahwa data 12 PPK, panitia ' +
      'pengadaan, 18 paket lelang dengan pagu anggaran seluruhnya Rp 4.250.000.000 telah diverifikasi dan ' +
      'diotentifikasi.\n\nAkun pengguna SPSE telah aktif dan siap digunakan. Daftar pengguna yang telah ' +
      'diotentifikasi terlampir.\n\nDemikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.',
    signer: KAPUS,
    generatedAt: '2026-11-27T03:00:00Z',
    timeZone: 'Asia/Jakarta',
    ...overrides,
  };
}

export const KLASIFIKASI_SPSE: KlasifikasiEntry = {
  code: '027.1',
  name: { id: 'Pengadaan secara elektronik (SPSE/e-Proc)', en: 'Electronic procurement (SPSE/e-Proc)' },
  retention: { activeYears: 2, inactiveYears: 8, disposition: 'musnah' },
};

const STEP_TITLES: Array<[string, string, string, number | null]> = [
  ['nota-dinas-masuk', 'Nota dinas dari ULP komponen/unit kerja', 'Andi Pratama', null],
  ['agenda-surat-masuk', 'Mencatat, mengagendakan dan mendistribusikan surat masuk', 'Rina Wulandari', 5],
  ['disposisi-kapus', 'Menelaah dan memberi disposisi kepada Kabid', 'Hendra Wijaya', 5],
  ['disposisi-kabid', 'Menelaah disposisi Kapus, disposisi kepada Kasubbid', 'Sari Handayani', 5],
  ['input-data', 'Menginput data PPK, panitia, paket lelang dan pagu', 'Dewi Lestari', 30],
  ['verifikasi-data', 'Memverifikasi data PPK, panitia, paket dan pagu', 'Bambang Susilo', 15],
  ['otentifikasi', 'Otentifikasi data user, PPK, panitia, paket dan pagu', 'Dewi Lestari', 15],
  ['draft-laporan', 'Menyusun draft laporan kesiapan pemanfaatan SPSE', 'Dewi Lestari', 60],
  ['periksa-laporan', 'Memeriksa draft laporan kesiapan', 'Bambang Susilo', 5],
  ['persetujuan-kapus', 'Arahan/persetujuan Kapus perihal kesiapan', 'Hendra Wijaya', 5],
  ['agenda-surat-keluar', 'Mencatat, mengagendakan dan mengarsipkan surat keluar', 'Rina Wulandari', 30],
];

/** Eleven steps from 09:00 WIB on 23 Nov 2026; step 6 ran 7 minutes over its 15. */
export function archiveSteps(): ArchiveStepRow[] {
  let at = Date.parse('2026-11-23T02:00:00Z');
  return STEP_TITLES.map(([id, title, performer, minutes], index) => {
    const startedAt = new Date(at).toISOString();
    const took = index === 5 ? 22 : Math.max(1, Math.round((minutes ?? 2) * 0.6));
    at += took * 60_000;
    return {
      step: { number: index + 1, id },
      title,
      performer,
      startedAt,
      endedAt: new Date(at).toISOString(),
      dueAt: minutes === null ? null : new Date(Date.parse(startedAt) + minutes * 60_000).toISOString(),
      standardMinutes: minutes,
      outcome: 'completed',
    };
  });
}

export function archiveFiles(): ArchiveFile[] {
  const text = (value: string) => new TextEncoder().encode(value);
  return [
    {
      name: 'nota-dinas-ulp.pdf',
      kind: 'attachment',
      step: { number: 1, id: 'nota-dinas-masuk' },
      version: 1,
      uploadedBy: 'Andi Pratama',
      at: '2026-11-23T02:00:00Z',
      mimeType: 'application/pdf',
      bytes: text('%PDF-1.4 the ULP memo'),
    },
    {
      name: 'daftar-ppk.csv',
      kind: 'output',
      step: { number: 5, id: 'input-data' },
      version: 1,
      uploadedBy: 'Dewi Lestari',
      at: '2026-11-23T02:30:00Z',
      mimeType: 'text/csv',
      bytes: text('nip,nama\n196805121990031002,Budi\n'),
    },
    {
      name: 'daftar-ppk.csv',
      kind: 'output',
      step: { number: 5, id: 'input-data' },
      version: 2,
      uploadedBy: 'Dewi Lestari',
      at: '2026-11-23T03:10:00Z',
      mimeType: 'text/csv',
      bytes: text('nip,nama\n196805121990031002,Budi Santoso\n'),
    },
    {
      name: '../../etc/laporan kesiapan.docx',
      kind: 'output',
      step: { number: 8, id: 'draft-laporan' },
      version: 1,
      uploadedBy: 'Dewi Lestari',
      at: '2026-11-23T04:00:00Z',
      bytes: text('PK draft report'),
    },
  ];
}

export function archiveInput(overrides: Partial<ArchiveInput> = {}): ArchiveInput {
  return {
    instanceId: '6745a1f0c2b3d4e5f6a7b8c9',
    flow: {
      id: 'spse-eproc',
      name: 'Fasilitasi Layanan Pemanfaatan SPSE/e-Proc di lingkungan Kemendagri',
      sopNumber: 'SOP.TPD.01/KDN/2011',
    },
    subject: 'Permohonan fasilitasi pemanfaatan SPSE/e-Proc bagi Biro Umum Tahun Anggaran 2027',
    requester: 'Andi Pratama (ULP Biro Umum)',
    agendaNumbers: { incoming: INCOMING_AGENDA, outgoing: OUTGOING_AGENDA },
    status: 'completed',
    createdAt: '2026-11-23T02:00:00Z',
    completedAt: '2026-11-23T05:02:00Z',
    klasifikasi: KLASIFIKASI_SPSE,
    files: archiveFiles(),
    auditEvents: [
      {
        seq: 1,
        at: '2026-11-23T02:00:00Z',
        type: 'instance-started',
        actor: 'Andi Pratama',
        channel: 'telegram',
      },
      {
        seq: 2,
        at: '2026-11-23T02:05:00Z',
        type: 'step-registered',
        actor: '=HYPERLINK("http://evil.example","klik")',
        channel: 'telegram',
        step: 'agenda-surat-masuk',
        data: { agendaNumber: INCOMING_AGENDA },
      },
      {
        seq: 3,
        at: '2026-11-23T02:12:00Z',
        type: 'step-dispositioned',
        actor: 'Hendra Wijaya',
        channel: 'slack',
        step: 'disposisi-kapus',
        data: { note: '+62 koordinasikan' },
      },
    ],
    steps: archiveSteps(),
    kop: KOP,
    generatedAt: '2026-11-23T05:05:00Z',
    timeZone: 'Asia/Jakarta',
    ...overrides,
  };
}
