import ExcelJS from 'exceljs';
import type { FileRef } from '../../../../src/core/engine/types.js';
import { readPpkContent } from '../../../../src/features/ppk/content.js';
import { createPpkRig, XLSX_TYPE } from '../../../support/ppk-rig.js';
import { AGUS, BUDI, HENDRA, SITI, csvOf } from './ppk-fixture-rows.js';

type Rig = ReturnType<typeof createPpkRig>;

async function readXlsx(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

function filesOf(
  instance: { runs: Array<{ stepId: string; files: FileRef[] }> },
  stepId = 'input-data-ppk',
): FileRef[] {
  return instance.runs.filter((r) => r.stepId === stepId).flatMap((r) => r.files);
}

/** Walks one instance from step 5 through verification (approved) to the open authentication step. */
async function verifyList(rig: Rig, bytes: Buffer, requesterId = 'ulp-biro-umum') {
  const instance = await rig.toListStep(requesterId);
  await rig.upload('fajar', 'daftar-ppk.csv', bytes, { instance });
  await rig.tap(instance, 'Selesai');
  await rig.tap(instance, 'Setujui');
  return rig.harness.current(instance);
}

/** Ticks every open account of the authentication checklist. */
async function authenticateAll(rig: Rig, instance: { id: string }) {
  for (let guard = 0; guard < 20; guard++) {
    const current = await rig.harness.current(instance as never);
    const run = current.runs.find((r) => !r.endedAt);
    if (!run || run.stepId !== 'otentikasi-data') return;
    await rig.tap(current, '☐');
  }
}

describe('PPK list uploads at step 5', () => {
  test('an invalid list gets every error in the reader’s language and changes nothing', async () => {
    const rig = createPpkRig();
    const instance = await rig.toListStep();
    const bad = csvOf(
      { ...BUDI, nip: '19850315201012100' },
      { ...SITI, email: 'siti@', pagu: '1,5 M' },
      { ...AGUS, role: 'Bendahara', phone: '021-555-1234' },
    );
    const reply = await rig.upload('fajar', 'daftar-ppk.csv', bad);
    const text = rig.replyText(reply);
    expect(text).toContain('Ditemukan 5 kesalahan');
    expect(text).toContain('Baris 2, kolom “NIP”: NIP harus terdiri atas 18 angka; yang tertulis 17 angka.');
    expect(text).toContain('Baris 3, kolom “Email”: Alamat email tidak valid.');
    expect(text).toContain('Baris 3, kolom “Pagu Anggaran (Rp)”: Pagu tidak boleh disingkat');
    expect(text).toContain('Baris 4, kolom “Peran”: Peran “Bendahara” tidak dikenal');
    expect(text).toContain('Baris 4, kolom “Nomor HP”: Nomor ini bukan nomor ponsel');
    expect(reply.files ?? []).toEqual([]);
    const after = await rig.harness.current(instance);
    expect(after.version).toBe(instance.version);
    expect(filesOf(after)).toEqual([]);
    expect(rig.stored).toEqual([]);
  });

  test('an English reader gets the errors in English', async () => {
    const rig = createPpkRig();
    await rig.user('fajar', 'en');
    await rig.toListStep();
    const reply = await rig.upload('fajar', 'list.csv', csvOf({ ...BUDI, email: 'x@' }));
    expect(rig.replyText(reply)).toContain('Row 2, column “Email”:');
  });

  test('a long list of errors shows the first 15 and sends every error as an XLSX report', async () => {
    const rig = createPpkRig();
    await rig.toListStep();
    const rows = Array.from({ length: 20 }, (_, i) => ({
      ...BUDI,
      email: `salah${i}@`,
      packageName: `Paket ${i}`,
    }));
    const reply = await rig.upload('fajar', 'daftar-ppk.csv', csvOf(...rows));
    const lines = reply.messages.flatMap((m) => m.lines);
    expect(lines[0]).toContain('Ditemukan 20 kesalahan');
    expect(lines.filter((l) => l.startsWith('Baris '))).toHaveLength(15);
    expect(lines.at(-1)).toContain('5 kesalahan lainnya');
    const [report] = reply.files ?? [];
    expect(report?.name).toBe('laporan-kesalahan-daftar-ppk.xlsx');
    expect(report?.mimeType).toBe(XLSX_TYPE);
    const sheet = await readXlsx(report?.bytes ?? Buffer.alloc(0));
    expect(sheet[0]).toEqual(['Baris', 'Kolom', 'Kesalahan']);
    expect(sheet.slice(1)).toHaveLength(20);
    expect(sheet[20]).toEqual([21, 'Email', 'Alamat email tidak valid.']);
  });

  test('a valid list is stored whole with its summary, entries, diff and checklist; a later upload is a new version', async () => {
    const rig = createPpkRig();
    const instance = await rig.toListStep();
    const reply = await rig.upload('fajar', 'daftar-ppk.csv', csvOf(BUDI, SITI, AGUS, HENDRA));
    const text = rig.replyText(reply);
    expect(text).toContain('daftar-ppk.csv dilampirkan');
    expect(text).toContain('Jumlah baris: 4');
    expect(text).toContain('• PPK: 1 orang');
    expect(text).toContain('Jumlah paket: 2');
    expect(text).toContain('Total pagu anggaran: Rp 2.250.000.000');
    expect(text).toContain('belum memiliki daftar terverifikasi');

    const [file] = filesOf(await rig.harness.current(instance));
    const content = readPpkContent(file?.content);
    expect(content?.version).toBe(1);
    expect(content?.entries.map((e) => e.nip)).toEqual([BUDI.nip, SITI.nip, AGUS.nip, HENDRA.nip]);
    expect(content?.summary.totalPagu).toBe('2250000000');
    // JSON-safe: what MongoDB stores is what the run holds.
    expect(JSON.parse(JSON.stringify(file?.content))).toEqual(file?.content);
    expect(content?.checklist.map((i) => i.label)).toEqual([
      '198503152010121002 · PPK · Pengadaan Laptop Kantor',
      '199001202015032001 · Pokja Pemilihan · Pengadaan Laptop Kantor',
      '198807072012121003 · Pejabat Pengadaan · Pemeliharaan Gedung Kantor',
      '197002021995031001 · KPA',
    ]);
    expect(content?.diff.basis).toBeNull();

    await rig.upload('fajar', 'daftar-ppk-v2.csv', csvOf(BUDI, SITI));
    const files = filesOf(await rig.harness.current(instance));
    expect(files.map((f) => [f.name, readPpkContent(f.content)?.version])).toEqual([
      ['daftar-ppk.csv', 1],
      ['daftar-ppk-v2.csv', 2],
    ]);
  });
});

describe('verification (step 6) and authentication (step 7)', () => {
  test('the verifier sees the latest version’s summary; a return with remarks goes back to step 5 and keeps the history', async () => {
    const rig = createPpkRig();
    const instance = await rig.toListStep();
    await rig.upload('fajar', 'daftar-ppk.csv', csvOf(BUDI, SITI));
    await rig.tap(instance, 'Selesai');
    const review = await rig.task(instance);
    expect(review.person).toBe('dewi');
    const lines = review.message.lines.join('\n');
    expect(lines).toContain('📎 Daftar PPK versi 1: daftar-ppk.csv, diunggah oleh Fajar Nugroho');
    expect(lines).toContain('Total pagu anggaran: Rp 1.500.000.000');
    expect(lines).toContain('seluruh 2 baris merupakan data baru');
    expect(lines).toContain('Tidak ada NIP yang tercatat dengan peran yang sama di unit lain.');

    await rig.tap(instance, 'Kembalikan');
    await rig.text('dewi', 'baris 3: NIP salah');
    const back = await rig.task(instance);
    expect(back.run.runId).toBe('input-data-ppk#2');
    expect(back.message.lines.join('\n')).toContain('baris 3: NIP salah');
    await rig.upload(
      'fajar',
      'daftar-ppk-perbaikan.csv',
      csvOf(BUDI, { ...SITI, name: 'Siti Aminah, S.E.' }),
    );
    await rig.tap(instance, 'Selesai');
    const again = await rig.task(instance);
    expect(again.message.lines.join('\n')).toContain('versi 2: daftar-ppk-perbaikan.csv');
    expect(filesOf(await rig.harness.current(instance)).map((f) => f.name)).toEqual([
      'daftar-ppk.csv',
      'daftar-ppk-perbaikan.csv',
    ]);
    // Nothing is verified until the verifier approves.
    expect(await rig.register.lastVerified('biro-umum')).toBeUndefined();
    await rig.tap(instance, 'Setujui');
    const verified = await rig.register.lastVerified('biro-umum');
    expect(verified?.fileName).toBe('daftar-ppk-perbaikan.csv');
    expect(verified?.verifiedBy).toBe('dewi');
    expect(verified?.entries.map((e) => e.name)).toEqual(['Budi Santoso', 'Siti Aminah, S.E.']);
  });

  test('the checklist has one item per account; a failed item needs a reason; the register and the XLSX follow', async () => {
    const rig = createPpkRig();
    const evil = { ...AGUS, name: '=HYPERLINK("http://contoh.invalid","klik")' };
    const instance = await verifyList(rig, csvOf(BUDI, SITI, evil, HENDRA));
    const checklist = await rig.task(instance);
    expect(checklist.person).toBe('fajar');
    const rows = checklist.message.buttons.filter((row) => row.some((b) => b.label.startsWith('☐')));
    expect(rows.map((row) => row.map((b) => b.label))).toEqual([
      ['☐ 198503152010121002 · PPK · Pengadaan Laptop Kantor', '✖ Gagal'],
      ['☐ 199001202015032001 · Pokja Pemilihan · Pengadaan Laptop Kantor', '✖ Gagal'],
      ['☐ 198807072012121003 · Pejabat Pengadaan · Pemeliharaan Gedung Kantor', '✖ Gagal'],
      ['☐ 197002021995031001 · KPA', '✖ Gagal'],
    ]);

    // Siti's account fails: the button asks for the reason; a blank reason is refused.
    const asked = await rig.tap(instance, '✖ Gagal', 1);
    expect(rig.replyText(asked)).toContain('Tulis alasan kegagalan');
    expect(rig.replyText(await rig.text('fajar', '   '))).toContain('Alasan kegagalan wajib diisi');
    await rig.text('fajar', 'NIP belum terdaftar di SPSE');
    const afterFail = await rig.task(instance);
    expect(afterFail.message.lines.join('\n')).toContain(
      '✖ 199001202015032001 · Pokja Pemilihan · Pengadaan Laptop Kantor — gagal: NIP belum terdaftar di SPSE',
    );
    expect(afterFail.message.lines.join('\n')).toContain('Kemajuan: 0 dari 4 butir selesai, 1 gagal.');
    expect(afterFail.message.buttons.flat().map((b) => b.label)).toContain(
      '✖ 199001202015032001 · Pokja Pemilihan · Pengadaan Laptop Kantor',
    );

    await rig.tap(instance, '☐ 1985');
    await rig.tap(instance, '☐ 1988');
    expect(await rig.sentFiles()).toEqual([]);
    expect(await rig.register.unit('biro-umum')).toBeUndefined();
    await rig.tap(instance, '☐ 1970');

    const done = await rig.harness.current(instance);
    const auth = done.runs.find((r) => r.stepId === 'otentikasi-data');
    expect(auth?.outcome).toBe('completed');
    expect(auth?.failed).toEqual([
      { itemId: expect.any(String) as string, reason: 'NIP belum terdaftar di SPSE' },
    ]);
    expect(harnessOpenStep(done)).toBe('draft-laporan');

    const unit = await rig.register.unit('biro-umum');
    expect(unit?.unitName).toBe('Biro Umum Sekretariat Jenderal');
    expect(unit?.accounts.map((a) => a.nip)).toEqual([BUDI.nip, AGUS.nip, HENDRA.nip]);
    expect(unit?.source.agendaNumber).toBe(done.agendaNumbers.incoming);

    const sent = await rig.sentFiles();
    expect(sent).toHaveLength(1);
    const [{ to, file }] = sent as [(typeof sent)[number]];
    expect(to).toBe('fajar');
    expect(file.name).toMatch(/^daftar-ppk-terotentikasi-biro-umum-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(file.caption).toContain('3 akun; 1 akun gagal diotentikasi');
    const sheet = await readXlsx(file.bytes);
    expect(sheet[0]?.slice(0, 4)).toEqual(['NIP', 'Nama', 'Jabatan', 'Peran']);
    expect(sheet.slice(1).map((r) => r[0])).toEqual([BUDI.nip, AGUS.nip, HENDRA.nip]);
    // The planted formula is text with an apostrophe, never a formula cell.
    expect(sheet[2]?.[1]).toBe(`'${evil.name ?? ''}`);
  });

  test('a tick on a failed item clears the failure', async () => {
    const rig = createPpkRig();
    const instance = await verifyList(rig, csvOf(BUDI, SITI));
    await rig.tap(instance, '✖ Gagal', 0);
    await rig.text('fajar', 'akun terkunci');
    await rig.tap(instance, '✖ 1985');
    const run = (await rig.task(instance)).run;
    expect(run.failed).toEqual([]);
    expect(run.checked).toHaveLength(1);
  });

  test('step 6 shows what changed against the unit’s last verified list and duplicates in other units', async () => {
    const rig = createPpkRig();
    // Biro Umum's first list is verified and authenticated (into the register).
    const first = await verifyList(rig, csvOf(BUDI, SITI, AGUS));
    await authenticateAll(rig, first);
    // Dukcapil's list names Budi as PPK too.
    const other = await verifyList(
      rig,
      csvOf({ ...BUDI, packageName: 'Pengadaan Server', pagu: '900000000' }),
      'ulp-dukcapil',
    );
    expect(harnessOpenStep(other)).toBe('otentikasi-data');

    // Biro Umum's next request: Siti's email changed, Agus removed, Hendra added.
    const second = await rig.toListStep();
    const reply = await rig.upload(
      'fajar',
      'daftar-ppk-2027.csv',
      csvOf(BUDI, { ...SITI, email: 'siti.aminah2@kemendagri.go.id' }, HENDRA),
      {
        instance: second,
      },
    );
    expect(rig.replyText(reply)).toContain('1 baris baru, 1 baris dihapus, 1 baris berubah');
    await rig.tap(second, 'Selesai');
    const lines = (await rig.task(second)).message.lines.join('\n');
    expect(lines).toMatch(
      /Perbandingan dengan daftar terverifikasi .+ \(No\. agenda 001\/ND-M\/PUSDATINKOMTEL\/XI\/2026\): 1 baru, 1 dihapus, 1 berubah, 1 tetap\./,
    );
    expect(lines).toContain('➕ Baris 4: Drs. Hendra Gunawan (197002021995031001) — KPA, paket –');
    expect(lines).toContain(
      '➖ Agus Wibowo (198807072012121003) — Pejabat Pengadaan, paket Pemeliharaan Gedung Kantor',
    );
    expect(lines).toContain(
      '✏️ Baris 3: Siti Aminah (199001202015032001) — Pokja Pemilihan: Email: siti.aminah@kemendagri.go.id → siti.aminah2@kemendagri.go.id',
    );
    // Dukcapil is not in the register yet (its authentication is open); Biro Umum's own entries are not duplicates.
    expect(lines).toContain('Tidak ada NIP yang tercatat dengan peran yang sama di unit lain.');

    // Once Dukcapil's list is authenticated, a new Biro Umum list naming Budi as PPK shows the duplicate.
    await authenticateAll(rig, other);
    const third = await rig.toListStep();
    await rig.upload('fajar', 'daftar.csv', csvOf(BUDI), { instance: third });
    await rig.tap(third, 'Selesai');
    const third6 = (await rig.task(third)).message.lines.join('\n');
    expect(third6).toContain('⚠️ Tercatat juga di unit lain (1):');
    expect(third6).toContain(
      '• Baris 2: Budi Santoso (198503152010121002) sudah tercatat sebagai PPK di Direktorat Jenderal Kependudukan dan Pencatatan Sipil.',
    );
  });
});

function harnessOpenStep(instance: {
  runs: Array<{ stepId: string; endedAt?: string }>;
}): string | undefined {
  return instance.runs.find((r) => !r.endedAt)?.stepId;
}
