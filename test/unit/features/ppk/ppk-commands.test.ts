import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadConfig } from '../../../../src/config/env.js';
import { runRegisterExport } from '../../../../src/features/ppk/register-export.js';
import { checkPpkFile } from '../../../../src/files/ppk/check-ppk-file.js';
import { createPpkRig } from '../../../support/ppk-rig.js';
import { AGUS, BUDI, SITI, csvOf } from './ppk-fixture-rows.js';

type Rig = ReturnType<typeof createPpkRig>;

/** Biro Umum's list goes through steps 5–7 with every account authenticated. */
async function registered(rig: Rig, bytes: Buffer) {
  const instance = await rig.toListStep();
  await rig.upload('fajar', 'daftar-ppk.csv', bytes, { instance });
  await rig.tap(instance, 'Selesai');
  await rig.tap(instance, 'Setujui');
  for (let i = 0; i < 10; i++) {
    const current = await rig.harness.current(instance);
    if (current.runs.find((r) => !r.endedAt)?.stepId !== 'otentikasi-data') break;
    await rig.tap(current, '☐');
  }
  return rig.harness.current(instance);
}

describe('/register', () => {
  test('lists the units using SPSE, then one unit by group; personal data only for participants and admins', async () => {
    const rig = createPpkRig();
    expect(rig.replyText(await rig.command('rina', 'register'))).toContain('Register SPSE masih kosong');
    const instance = await registered(rig, csvOf(BUDI, SITI, AGUS));

    const list = rig.replyText(await rig.command('rina', 'register'));
    expect(list).toContain('Komponen/unit kerja yang memanfaatkan SPSE (1)');
    expect(list).toContain(
      '• biro-umum — Biro Umum Sekretariat Jenderal: 1 PPK, 2 ULP/Pokja, 0 pengguna lain',
    );
    expect(list).not.toContain(BUDI.nip);

    // A participant of the unit's request (the verifier) sees everything.
    const full = rig.replyText(await rig.command('dewi', 'register', 'biro-umum'));
    expect(full).toContain('📚 Register SPSE — Biro Umum Sekretariat Jenderal (biro-umum)');
    expect(full).toContain(`dari permohonan No. agenda ${instance.agendaNumbers.incoming ?? ''} (3 akun)`);
    expect(full).toContain('PPK (1):');
    expect(full).toContain('ULP / Pokja Pemilihan (2):');
    expect(full).toContain(
      '• Budi Santoso — PPK, paket Pengadaan Laptop Kantor (TA 2027) · NIP 198503152010121002 · budi.santoso@kemendagri.go.id · 081234567890',
    );
    expect(full).not.toContain('disamarkan');
    // So does the requesting unit's ULP, and an admin; a unit is found by a part of its name too.
    expect(rig.replyText(await rig.command('ulp-biro-umum', 'register', 'biro-umum'))).toContain(BUDI.nip);
    expect(rig.replyText(await rig.command('hendra', 'register', 'Biro Umum'))).toContain(BUDI.nip);

    // Someone outside sees the register masked.
    const masked = rig.replyText(await rig.command('ulp-dukcapil', 'register', 'biro-umum'));
    expect(masked).toContain(
      '• Budi Santoso — PPK, paket Pengadaan Laptop Kantor (TA 2027) · NIP 1985••••••••••••02 · b•••@kemendagri.go.id · 0812•••••890',
    );
    expect(masked).not.toContain(BUDI.nip);
    expect(masked).not.toContain('budi.santoso@');
    expect(masked).toContain('🔒 NIP, email, dan nomor HP disamarkan');

    expect(rig.replyText(await rig.command('rina', 'register', 'bpsdm'))).toContain(
      'Unit “bpsdm” belum tercatat dalam register SPSE.',
    );
  });
});

describe('/templat', () => {
  test('sends the template as XLSX and CSV, each read back as the template with its example row', async () => {
    const rig = createPpkRig();
    const reply = await rig.command('fajar', 'templat');
    expect(rig.replyText(reply)).toContain('Templat daftar PPK terlampir dalam format XLSX dan CSV');
    const files = reply.files ?? [];
    expect(files.map((f) => f.name)).toEqual(['templat-daftar-ppk.xlsx', 'templat-daftar-ppk.csv']);
    for (const file of files) {
      const checked = await checkPpkFile(file.bytes, file.name, undefined, {
        today: rig.harness.clock.now(),
      });
      expect(checked.valid).toBe(true);
    }
    expect(files[1]?.bytes.toString('utf8')).toContain('NIP,Nama,Jabatan,Peran,Email,Nomor HP');
  });
});

describe('/daftar', () => {
  test('sends the authenticated list to those who may see the request, once it is authenticated', async () => {
    const rig = createPpkRig();
    expect(rig.replyText(await rig.command('fajar', 'daftar'))).toContain('Penggunaan: /daftar NOMOR-AGENDA');
    const pending = await rig.toListStep();
    const pendingAgenda = pending.agendaNumbers.incoming ?? '';
    expect(rig.replyText(await rig.command('fajar', 'daftar', pendingAgenda))).toContain(
      'belum selesai diotentikasi',
    );
    const agenda = (await registered(rig, csvOf(BUDI, SITI))).agendaNumbers.incoming ?? '';
    // `pending` is still at step 5; its agenda number is another one.
    expect(agenda).not.toBe(pendingAgenda);
    const reply = await rig.command('ulp-biro-umum', 'daftar', agenda);
    expect(rig.replyText(reply)).toContain(`Daftar akun terotentikasi untuk permohonan ${agenda} terlampir.`);
    const [file] = reply.files ?? [];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file?.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.rowCount).toBe(3);
    const refused = await rig.command('ulp-dukcapil', 'daftar', agenda);
    expect(rig.replyText(refused)).toContain('tidak ditemukan atau tidak dapat Anda lihat');
    expect(refused.files).toBeUndefined();
  });
});

describe('pandu register export', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function cli(rig: Rig) {
    const out: string[] = [];
    const err: string[] = [];
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: '' });
    const deps = {
      translator: rig.translator,
      reader: { locale: config.DEFAULT_LOCALE, timeZone: config.TIME_ZONE },
      clock: rig.harness.clock,
      register: rig.register,
    };
    const dir = mkdtempSync(join(tmpdir(), 'pandu-register-'));
    dirs.push(dir);
    const run = (...argv: string[]) =>
      runRegisterExport(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) }, deps, { cwd: dir });
    return { out, err, dir, run };
  }

  test('writes every authenticated account as XLSX or CSV, formulas neutralised', async () => {
    const rig = createPpkRig();
    await registered(rig, csvOf(BUDI, { ...SITI, name: '+SUM(1;2)' }));
    const { out, err, dir, run } = cli(rig);

    expect(await run()).toBe(0);
    expect(out.at(-1)).toBe(
      `Register SPSE (1 unit, 2 akun) ditulis ke ${join(dir, 'register-spse-2026-11-23.xlsx')}.`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'register-spse-2026-11-23.xlsx'));
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('Kode Unit');
    expect(sheet?.getRow(3).getCell(5).value).toBe("'+SUM(1;2)");
    expect(sheet?.getRow(2).getCell(12).value).toBe(1_500_000_000);

    expect(await run('--format', 'csv', '--out', 'register.csv')).toBe(0);
    const csv = readFileSync(join(dir, 'register.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\ufeffKode Unit,Komponen/Unit Kerja,Kelompok,NIP,Nama,Jabatan,Peran,Email,Nomor HP,Unit Kerja,Nama Paket,Pagu Anggaran (Rp),Tahun Anggaran,Nomor SK Penetapan,Tanggal Otentikasi,No. Agenda Permohonan',
    );
    expect(csv).toContain(",'+SUM(1;2),");
    expect(csv).toContain('biro-umum,Biro Umum Sekretariat Jenderal,PPK,198503152010121002,Budi Santoso');
    expect(err).toEqual([]);
  });

  test('refuses an unknown format or option with the usage', async () => {
    const rig = createPpkRig();
    const { err, run } = cli(rig);
    expect(await run('--format', 'pdf')).toBe(2);
    expect(err).toEqual([
      'Format pdf tidak dikenal. Pilih xlsx atau csv.',
      'Penggunaan: pandu register export [--format xlsx|csv] [--out BERKAS]',
    ]);
    expect(await run('--verbose')).toBe(2);
    expect(err).toContain('Opsi tidak dikenal: --verbose');
  });
});
