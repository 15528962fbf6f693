import type { App } from '../../src/app.js';
import { reportsFeature } from '../../src/features/reports/reports-app.js';
import { WEEKLY_CLAIMS_COLLECTION } from '../../src/scheduling/mongo-weekly-claims.js';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../src/storage/embedded-mongo.js';
import { inviteCode, startTestApp } from '../support/app-rig.js';
import {
  hasDocument,
  hasText,
  standInChannels,
  standInEnv,
  TELEGRAM_TEST_TOKEN,
  telegramPeople,
} from '../support/e2e/index.js';
import { ManualClock } from '../support/fakes/memory-ports.js';
import { TelegramBotApiStandIn, type SimUser } from '../support/telegram/index.js';
import { instance, run, wib } from '../unit/features/reports/support/hand-instances.js';

/**
 * The leaders' view in chat, on the embedded database and the Telegram stand-in: `/laporan` with
 * its chart, `/cari` within what a person may see, the weekly digest once per leader even when two
 * processes send it at the same moment.
 */
const people: Record<string, SimUser> = {
  sari: { id: 5301, first_name: 'Sari', language_code: 'id' },
  tuti: { id: 5302, first_name: 'Tuti', language_code: 'id' },
  dewi: { id: 5303, first_name: 'Dewi', language_code: 'id' },
};
const reports = (app: App) => app.feature(reportsFeature());

describe('the leaders’ view in chat', () => {
  const standIn = new TelegramBotApiStandIn({ token: TELEGRAM_TEST_TOKEN });
  const tg = telegramPeople(standIn, people);
  const clock = new ManualClock(new Date(wib('2026-11-30 10:00')));
  let mongo: EmbeddedMongo;
  let app: App;
  let worker: App;

  beforeAll(async () => {
    mongo = await startEmbeddedMongo({ database: 'pandu-leaders' });
    await standIn.start();
    const telegram = { standIn };
    app = await startTestApp({
      env: standInEnv({ telegram }),
      channels: standInChannels({ telegram }),
      features: [reportsFeature()],
      mongoUri: mongo.uri,
      extra: { clock },
    });
    // A second service process on the same database, without channels (as a worker would run).
    worker = await startTestApp({ features: [reportsFeature()], mongoUri: mongo.uri, extra: { clock } });
    const letters = [
      instance([
        run('verifikasi-data', 1, '2026-11-24 09:00', '2026-11-24 09:10', { assigneeId: 'bambang' }),
      ]),
      instance([
        run('verifikasi-data', 1, '2026-11-25 09:00', '2026-11-25 09:45', { assigneeId: 'bambang' }),
      ]),
      instance([
        run('agenda-surat-masuk', 1, '2026-11-26 09:00', '2026-11-26 09:03', { assigneeId: 'tuti' }),
      ]),
    ];
    const subjects = [
      'Pengadaan server (tahap 2) TA 2027',
      'Pengadaan jaringan kantor',
      'Undangan rapat koordinasi server',
    ];
    for (const [i, letter] of letters.entries()) {
      await app.storage.instances.create(
        {
          ...letter,
          subject: subjects[i] ?? '',
          agendaNumbers: { incoming: `00${i + 1}/ND-M/PUSDATINKOMTEL/XI/2026` },
        },
        [],
      );
    }
    await reports(app)?.reconcile();
    for (const id of Object.keys(people)) await tg.link(id, await inviteCode(app, id));
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.stop();
    await standIn.stop();
    await mongo?.stop();
  });

  test('/laporan: the Kabid gets her division’s summary and the chart as a PNG', async () => {
    const before = tg.lastId('sari');
    tg.send('sari', '/laporan');
    const summary = await tg.next('sari', hasText('📊 Laporan'), before);
    expect(summary.text).toContain(
      'Bidang Pengembangan Aplikasi dan Layanan e-Government beserta unit di bawahnya',
    );
    expect(summary.text).toContain('2 langkah selesai pada 2 permohonan, 50% dalam standar waktu');
    // Tata Usaha's registration is outside her division.
    expect(summary.text).not.toContain('Mencatat');
    const chart = await tg.next('sari', hasDocument(/^kepatuhan-\d{8}\.png$/), before);
    expect(chart.document?.bytes.subarray(1, 4).toString()).toBe('PNG');
  });

  test('/cari: words taken literally, within what each person may see', async () => {
    let before = tg.lastId('sari');
    tg.send('sari', '/cari server');
    const found = await tg.next('sari', hasText('🔎'), before);
    // Her division verified the first; the third was only registered by Tata Usaha.
    expect(found.text).toContain('1 surat cocok dengan "server"');
    expect(found.text).toContain(
      '📄 001/ND-M/PUSDATINKOMTEL/XI/2026 · Pengadaan server (tahap 2) TA 2027 · Biro Umum Sekretariat Jenderal',
    );
    expect(found.text).not.toContain('Undangan rapat');

    before = tg.lastId('tuti');
    tg.send('tuti', '/cari server');
    const hers = await tg.next('tuti', hasText('🔎'), before);
    expect(hers.text).toContain('Undangan rapat koordinasi server');
    expect(hers.text).not.toContain('Pengadaan server');

    before = tg.lastId('sari');
    tg.send('sari', '/cari (tahap');
    expect((await tg.next('sari', hasText('🔎'), before)).text).toContain('Pengadaan server (tahap 2)');
    before = tg.lastId('sari');
    tg.send('sari', '/cari .*');
    expect((await tg.next('sari', hasText('Tidak ada surat'), before)).text).toContain('".*"');
    before = tg.lastId('sari');
    tg.send('sari', '/cari Biro Umum 002');
    expect((await tg.next('sari', hasText('🔎'), before)).text).toContain('Pengadaan jaringan kantor');
  });

  test('the weekly digest: once per leader when two processes send it at once; none to one who turned it off', async () => {
    let before = tg.lastId('dewi');
    tg.send('dewi', '/laporan mingguan mati');
    await tg.next('dewi', hasText('Ringkasan mingguan dimatikan'), before);

    before = tg.lastId('sari');
    const slot = { week: '2026-W49', at: new Date(wib('2026-11-30 07:30')) };
    const [first, second] = await Promise.all([
      reports(app)?.sendDigests(slot),
      reports(worker)?.sendDigests(slot),
    ]);
    // Sari is the only linked leader who still wants it.
    expect((first ?? 0) + (second ?? 0)).toBe(1);
    const digest = await tg.next('sari', hasText('📊 Ringkasan mingguan'), before);
    expect(digest.text).toContain('Minggu lalu (2026-11-23 s.d. 2026-11-29): 2 langkah selesai');
    const claims = await app.storage.connection.collection(WEEKLY_CLAIMS_COLLECTION).find({}).toArray();
    expect(claims.map((c) => String(c['key']))).toEqual(['weekly-digest:2026-W49:sari']);
    expect(await reports(app)?.sendDigests(slot)).toBe(0);
    // Nothing more reaches her, nor Dewi.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      standIn.sentTo(people['sari']?.id ?? 0).filter((m) => m.text?.includes('Ringkasan mingguan')),
    ).toHaveLength(1);
    expect(
      standIn.sentTo(people['dewi']?.id ?? 0).some((m) => m.text?.includes('📊 Ringkasan mingguan')),
    ).toBe(false);
  });
});
