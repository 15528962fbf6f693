/**
 * The whole SPSE SOP on Slack only: the real service (embedded database, outbox, Bolt's HTTP receiver on
 * the service's own port) driven by signed requests to POST /slack/events, the Web API on the stand-in.
 */
import type { App } from '../../src/app.js';
import { inviteCode } from '../support/app-rig.js';
import { ppkCsv } from '../support/ppk-fixtures.js';
import {
  button,
  buttonsOf,
  dispositionValues,
  optionValues,
  SLACK_TEST_BOT_TOKEN,
  slackEventsUrl,
  slackPeople,
  startAppOnStandIns,
  str,
  waitFor,
  waitUntil,
} from '../support/e2e/index.js';
import {
  postToApp,
  signedSlashCommand,
  SlackWebApiStandIn,
  STAND_IN_ROUTES,
  type SigningOptions,
} from '../support/slack/index.js';

const SIGNING_SECRET = 'e2e-signing-secret';
const signing: SigningOptions = { signingSecret: SIGNING_SECRET };

/** Slack user ids of the people of flows/org/org.example.yaml who walk the SOP. */
const slackIds: Record<string, string> = {
  'ulp-biro-umum': 'U0000ANDI1',
  tuti: 'U0000TUTI1',
  hendra: 'U0000HEND1',
  sari: 'U0000SARI1',
  dewi: 'U0000DEWI1',
  fajar: 'U0000FAJR1',
};
describe('the SPSE SOP on Slack, end to end', () => {
  const standIn = new SlackWebApiStandIn();
  let app: App;
  let eventsUrl: string;
  const sl = slackPeople({ standIn, signing, eventsUrl: () => eventsUrl, slackIds });

  beforeAll(async () => {
    app = await startAppOnStandIns({ slack: { standIn, signingSecret: SIGNING_SECRET } });
    eventsUrl = slackEventsUrl(app);
  });

  afterAll(async () => {
    await app?.stop();
    await standIn.stop();
  });

  test('six people walk the SOP through signed requests only, with forged, stale, retried and wrong-person requests', async () => {
    // Requests that are forged or too old get 401 before any listener runs.
    const tutiCode = await inviteCode(app, 'tuti');
    const forged = signedSlashCommand(
      { command: '/pandu', text: `link ${tutiCode}`, userId: sl.slackId('tuti') },
      { ...signing, wrongSecret: true },
    );
    expect((await postToApp(eventsUrl, forged)).status).toBe(401);
    const stale = signedSlashCommand(
      { command: '/pandu', text: `link ${tutiCode}`, userId: sl.slackId('tuti') },
      { ...signing, timestampOffsetSeconds: -6 * 60 },
    );
    expect((await postToApp(eventsUrl, stale)).status).toBe(401);
    await sl.quiet();
    expect(standIn.calls().map((c) => c.method)).toEqual(['auth.test']);

    // Everyone links with an invite code (Tuti's code is still unused: the refused requests did nothing).
    for (const personId of Object.keys(slackIds))
      await sl.link(personId, personId === 'tuti' ? tutiCode : await inviteCode(app, personId));

    // Step 1: the ULP submits the request with /pandu ajukan and shares the nota dinas in the DM.
    await sl.command('ulp-biro-umum', 'ajukan Permohonan pemanfaatan SPSE untuk pengadaan TA 2027');
    await sl.message('ulp-biro-umum', 'kirim nota dinasnya');
    const nota = sl.fileShared(
      'ulp-biro-umum',
      'nota-dinas.pdf',
      Buffer.from('%PDF-1.4 nota dinas Biro Umum'),
    );
    await sl.post(nota);
    await sl.message('ulp-biro-umum', 'diterima dan diteruskan');
    // Slack retries the event (X-Slack-Retry-Num): it is applied once.
    await sl.post({
      ...nota,
      headers: { ...nota.headers, 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });

    // Step 2: Tata Usaha registers the letter; the task message loses its buttons and shows the result.
    const register = await sl.task('tuti', 'Langkah 2/11');
    expect(register.text).toContain('Permohonan pemanfaatan SPSE untuk pengadaan TA 2027');
    expect(register.text).toContain('Batas waktu');
    // The memo it registers comes as a file in her DM: the very bytes the ULP shared.
    const memo = await waitFor('the memo in Tuti’s DM', () =>
      standIn
        .uploadedFiles()
        .find(
          (f) => f.name === 'nota-dinas.pdf' && f.channels.includes(standIn.dmChannelFor(sl.slackId('tuti'))),
        ),
    );
    expect(memo.bytes.toString()).toBe('%PDF-1.4 nota dinas Biro Umum');
    expect(memo.initialComment).toContain('Lampiran tugas Langkah 2/11');
    const registerClick = sl.clickRequest('tuti', register, button(register, 'Catat'));
    await sl.post(registerClick);
    await sl.closed('tuti', register, 'Dicatat oleh Tuti Rahayu');
    await sl.ephemeral('tuti', 'Dicatat dengan nomor agenda');
    // The same click delivered twice is applied once (no refusal is even shown).
    await sl.post(registerClick);
    const [opened] = await app.service.openTasksFor('hendra');
    const instanceId = opened?.instance.id ?? '';
    expect((await app.service.get(instanceId))?.agendaNumbers.incoming).toMatch(
      /^001\/ND-M\/PUSDATINKOMTEL\//,
    );
    expect(
      (
        await app.service.findByAgendaNumber(
          (await app.service.get(instanceId))?.agendaNumbers.incoming ?? '',
        )
      )?.id,
    ).toBe(instanceId);

    // Step 3: the Kapus dispositions through the modal. A wrong person's click changes nothing.
    const kapus = await sl.task('hendra', 'Langkah 3/11');
    // His App Home lists the open task with its due time.
    const kapusHome = await sl.openHome('hendra');
    expect(kapusHome).toContain('Tugas terbuka (1)');
    expect(kapusHome).toContain('Menelaah dan memberi arahan atau disposisi');
    expect(kapusHome).toContain('Batas waktu');
    await sl.clickButton('sari', kapus, button(kapus, 'Disposisi'));
    await sl.ephemeral('sari', 'Tombol ini bukan untuk Anda');
    expect(standIn.calls('views.open')).toEqual([]);
    await sl.click('hendra', kapus, 'Disposisi');
    const kapusForm = await sl.modal('pandu-disposition', 1);
    expect(optionValues(kapusForm, 'recipients')).toEqual(['sari', 'yusuf']);
    expect(optionValues(kapusForm, 'instruction')).toContain('tindak-lanjut');
    expect(String(kapusForm.private_metadata)).toBe(button(kapus, 'Disposisi').token);
    // A recipient the engine does not allow is refused inside the form.
    const refused = await sl.submit('hendra', kapusForm, dispositionValues(['bambang'], 'tindak-lanjut'));
    expect(refused.json).toEqual({
      response_action: 'errors',
      errors: { recipients: expect.stringContaining('tidak dapat menerima disposisi ini') as unknown },
    });
    const accepted = await sl.submit(
      'hendra',
      kapusForm,
      dispositionValues(['sari'], 'tindak-lanjut', 'Mohon dikoordinasikan dengan Subbid Sisfo'),
    );
    expect(accepted.body).toBe('');
    await sl.closed('hendra', kapus, 'Didisposisi oleh Hendra Wijaya');
    await sl.ephemeral('hendra', 'Disposisi dikirim kepada Sari Handayani');

    // Step 4: the Kabid dispositions on to Kasubbid Dewi.
    const kabid = await sl.task('sari', 'Langkah 4/11');
    expect(kabid.text).toContain('Mohon dikoordinasikan dengan Subbid Sisfo');
    // The disposition chain is a Block Kit section of its own.
    const sections = (kabid.blocks as Array<{ type: string; text?: { text: string } }>).filter(
      (b) => b.type === 'section',
    );
    expect(sections.some((b) => b.text?.text.startsWith('✍️ Riwayat disposisi:'))).toBe(true);
    await sl.click('sari', kabid, 'Disposisi');
    const kabidForm = await sl.modal('pandu-disposition', 2);
    expect(optionValues(kabidForm, 'recipients')).toEqual(['bambang', 'dewi']);
    await sl.submit('sari', kabidForm, dispositionValues(['dewi'], 'pelajari-laporkan'));
    await sl.closed('sari', kabid, 'Didisposisi oleh Sari Handayani');

    // Step 5: Fajar cannot finish without the file; he shares the PPK list (CSV), then finishes.
    const entry = await sl.task('fajar', 'Langkah 5/11');
    await sl.click('fajar', entry, 'Selesai');
    await sl.message('fajar', '⛔');
    await sl.attach('fajar', entry, { name: 'daftar-ppk.csv', bytes: Buffer.from(ppkCsv()) });
    await sl.message('fajar', 'daftar-ppk.csv dilampirkan');
    await sl.click('fajar', entry, 'Selesai');
    await sl.closed('fajar', entry, 'Diselesaikan oleh Fajar Nugroho');

    // Step 6: Dewi verifies. Fajar pressing Dewi's button is refused and changes nothing.
    const verify = await sl.task('dewi', 'Langkah 6/11');
    // Rows, not counts: the preview is its own section, and the list comes as a file.
    const verifySections = (verify.blocks as Array<{ type: string; text?: { text: string } }>).filter(
      (b) => b.type === 'section',
    );
    expect(verifySections.some((b) => b.text?.text.startsWith('📋 Isi daftar (2 dari 2 baris):'))).toBe(true);
    const listFile = await waitFor('the PPK list in Dewi’s DM', () =>
      standIn
        .uploadedFiles()
        .find(
          (f) => f.name === 'daftar-ppk.csv' && f.channels.includes(standIn.dmChannelFor(sl.slackId('dewi'))),
        ),
    );
    expect(listFile.bytes.toString()).toBe(ppkCsv());
    await sl.clickButton('fajar', verify, button(verify, 'Setujui'));
    await sl.ephemeral('fajar', 'Tombol ini bukan untuk Anda');
    const stillOpen = await app.service.get(instanceId);
    expect(stillOpen?.runs.find((r) => !r.endedAt)).toMatchObject({
      stepId: 'verifikasi-data',
      assigneeId: 'dewi',
    });
    await sl.click('dewi', verify, 'Setujui');
    await sl.closed('dewi', verify, 'Disetujui oleh Dewi Lestari');

    // Step 7: the checklist (one item per account of the verified list, each with a "failed" button
    // beside it), ticked item by item; the step closes itself on the last one.
    const checklist = await sl.task('fajar', 'Langkah 7/11');
    const items = buttonsOf(checklist)
      .filter((b) => b.label.startsWith('☐'))
      .map((b) => b.label.replace('☐ ', ''));
    expect(items).toHaveLength(2);
    for (const [index, item] of items.entries()) {
      await sl.click('fajar', checklist, item);
      if (index < items.length - 1) {
        await waitUntil(
          `tick ${index + 1}`,
          () => buttonsOf(sl.now(checklist)).filter((b) => b.label.startsWith('☑')).length === index + 1,
        );
      }
    }
    await sl.ephemeral('fajar', 'Semua butir selesai');
    await waitUntil('the checklist closed', () => buttonsOf(sl.now(checklist)).length === 0);

    // Step 8: the draft report.
    const draft = await sl.task('fajar', 'Langkah 8/11');
    await sl.attach('fajar', draft, { name: 'draft-laporan.pdf', bytes: Buffer.from('%PDF-1.4 draft v1') });
    await sl.click('fajar', draft, 'Selesai');
    await sl.closed('fajar', draft, 'Diselesaikan oleh Fajar Nugroho');

    // Step 9: Dewi returns the draft through the modal; an empty reason is refused in the form.
    const review = await sl.task('dewi', 'Langkah 9/11');
    await sl.click('dewi', review, 'Kembalikan');
    const returnForm = await sl.modal('pandu-return', 3);
    const blank = await sl.submit('dewi', returnForm, {
      reason: { input: { type: 'plain_text_input', value: '   ' } },
    });
    expect(blank.json).toEqual({
      response_action: 'errors',
      errors: { reason: 'Alasan pengembalian wajib diisi.' },
    });
    await sl.submit('dewi', returnForm, {
      reason: { input: { type: 'plain_text_input', value: 'Lampiran pagu belum sesuai nota dinas' } },
    });
    await sl.closed('dewi', review, 'Dikembalikan oleh Dewi Lestari');

    // Fajar gets the draft back with the reason, sends a new version, and Dewi approves it.
    const redo = await sl.task('fajar', 'Langkah 8/11');
    expect(redo.text).toContain('Lampiran pagu belum sesuai nota dinas');
    const v2 = { name: 'draft-laporan-v2.pdf', bytes: Buffer.from('%PDF-1.4 draft v2') };
    await sl.attach('fajar', redo, v2, v2.name);
    await sl.click('fajar', redo, 'Selesai');
    await sl.closed('fajar', redo, 'Diselesaikan oleh Fajar Nugroho');
    const review2 = await sl.task('dewi', 'Langkah 9/11');
    expect(review2.text).toContain('draft-laporan-v2.pdf · v2');
    expect(review2.text).toContain(
      'menggantikan v1, dikembalikan oleh Dewi Lestari: Lampiran pagu belum sesuai nota dinas',
    );
    const v2File = await waitFor('v2 in Dewi’s DM', () =>
      standIn
        .uploadedFiles()
        .find(
          (f) =>
            f.name === 'draft-laporan-v2.pdf' &&
            f.channels.includes(standIn.dmChannelFor(sl.slackId('dewi'))),
        ),
    );
    expect(v2File.bytes.toString()).toBe('%PDF-1.4 draft v2');
    await sl.click('dewi', review2, 'Setujui');
    await sl.closed('dewi', review2, 'Disetujui oleh Dewi Lestari');

    // Step 10: the Kapus approves; step 11: Tata Usaha registers the outgoing letter.
    const approval = await sl.task('hendra', 'Langkah 10/11');
    await sl.click('hendra', approval, 'Setujui');
    await sl.closed('hendra', approval, 'Disetujui oleh Hendra Wijaya');
    const outgoing = await sl.task('tuti', 'Langkah 11/11');
    await sl.click('tuti', outgoing, 'Catat');
    await sl.closed('tuti', outgoing, 'Dicatat oleh Tuti Rahayu');
    const done = await sl.message('ulp-biro-umum', 'selesai diproses');
    expect(done.text).toMatch(/001\/ND-K\/PUSDATINKOMTEL\//);

    // The instance is complete, everything was done through Slack, each thing once.
    const final = await app.service.get(instanceId);
    expect(final?.status).toBe('completed');
    expect(final?.events.every((e) => e.channel === 'slack' || e.actorId === 'system')).toBe(true);
    expect(final?.events.filter((e) => e.type === 'agenda-registered')).toHaveLength(2);
    expect(final?.events.filter((e) => e.type === 'returned').map((e) => e.data?.['reason'])).toEqual([
      'Lampiran pagu belum sesuai nota dinas',
    ]);
    expect(final?.runs.map((r) => r.stepId)).toEqual([
      'nota-dinas-masuk',
      'agenda-surat-masuk',
      'disposisi-kapus',
      'disposisi-kabid',
      'input-data-ppk',
      'verifikasi-data',
      'otentikasi-data',
      'draft-laporan',
      'periksa-draft',
      'draft-laporan',
      'periksa-draft',
      'persetujuan-kapus',
      'agenda-surat-keluar',
    ]);
    await sl.quiet();
    // No task message anyone acted on still offers buttons, and no refusal came from a duplicate.
    for (const personId of Object.keys(slackIds)) {
      for (const sent of sl.tasksTaken(personId)) expect(buttonsOf(sent)).toEqual([]);
    }
    // The click on step 2 delivered twice was applied once: one note, no refusal.
    expect(sl.ephemerals('tuti').filter((c) => str(c.params.text).includes('001/ND-M/'))).toHaveLength(1);
    expect(sl.messages('tuti').filter((m) => (m.text ?? '').includes('⛔'))).toEqual([]);
    // Four files, each fetched once with the bot token; the retried nota dinas event started nothing.
    expect(standIn.calls(STAND_IN_ROUTES.download).map((c) => [c.token, c.status])).toEqual(
      Array.from({ length: 4 }, () => [SLACK_TEST_BOT_TOKEN, 200]),
    );
    expect(
      sl.messages('ulp-biro-umum').filter((m) => (m.text ?? '').includes('diterima dan diteruskan')),
    ).toHaveLength(1);

    // The App Home shows Dewi her recent actions and her unit's request.
    const home = await sl.openHome('dewi');
    expect(home).toContain('Tugas terbuka (0)');
    expect(home).toContain('mengembalikan');
    expect(home).toContain('menyetujui');

    // /pandu tugas and /pandu status answer in the DM.
    await sl.command('dewi', 'tugas');
    await sl.message('dewi', 'Tidak ada tugas terbuka');
    await sl.command('hendra', `status ${final?.agendaNumbers.incoming ?? ''}`);
    await sl.message('hendra', 'Status: selesai');
  }, 90_000);
});
