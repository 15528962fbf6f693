/**
 * The whole SPSE SOP in ONE service with both channels on: the ULP, Tata Usaha and the Kasubbid on
 * Telegram, the Kapus, the Kabid and the Staf on Slack, and the Kasubbid (Dewi) linked on both. Real app
 * (embedded database, outbox), Telegram through the Bot API stand-in, Slack through signed requests to
 * POST /slack/events and the Web API stand-in.
 */
import type { App } from '../../src/app.js';
import type { AuditEvent, Instance } from '../../src/core/engine/types.js';
import type { ChatPlatform } from '../../src/chat/types.js';
import { inviteCode } from '../support/app-rig.js';
import { ppkCsv } from '../support/ppk-fixtures.js';
import {
  button,
  buttonsOf,
  dispositionValues,
  hasText,
  slackEventsUrl,
  slackPeople,
  startAppOnStandIns,
  TELEGRAM_TEST_TOKEN,
  telegramPeople,
  until,
  waitUntil,
} from '../support/e2e/index.js';
import { SlackWebApiStandIn, type SigningOptions } from '../support/slack/index.js';
import { TelegramBotApiStandIn, type SimUser } from '../support/telegram/index.js';

const SIGNING_SECRET = 'e2e-signing-secret';
const signing: SigningOptions = { signingSecret: SIGNING_SECRET };

/** Who is on Telegram (Dewi is on both). */
const telegramUsers: Record<string, SimUser> = {
  'ulp-biro-umum': { id: 6101, first_name: 'Andi', language_code: 'id' },
  tuti: { id: 6102, first_name: 'Tuti', language_code: 'id' },
  dewi: { id: 6105, first_name: 'Dewi', language_code: 'id' },
};
/** Who is on Slack (Dewi is on both). */
const slackIds: Record<string, string> = {
  hendra: 'U0000HEND1',
  sari: 'U0000SARI1',
  fajar: 'U0000FAJR1',
  dewi: 'U0000DEWI1',
};

describe('the SPSE SOP with the roles split between Telegram and Slack, end to end', () => {
  const telegram = new TelegramBotApiStandIn({ token: TELEGRAM_TEST_TOKEN });
  const slack = new SlackWebApiStandIn();
  let app: App;
  let eventsUrl: string;
  const tg = telegramPeople(telegram, telegramUsers);
  const sl = slackPeople({ standIn: slack, signing, eventsUrl: () => eventsUrl, slackIds });

  beforeAll(async () => {
    app = await startAppOnStandIns({
      telegram: { standIn: telegram },
      slack: { standIn: slack, signingSecret: SIGNING_SECRET },
    });
    eventsUrl = slackEventsUrl(app);
  });

  afterAll(async () => {
    await app?.stop();
    await telegram.stop();
    await slack.stop();
  });

  // ── the service's own records ─────────────────────────────────────────────

  async function instanceNow(id: string): Promise<Instance> {
    const instance = await app.service.get(id);
    if (!instance) throw new Error(`instance ${id} not found`);
    return instance;
  }

  /** The platforms each run's task messages went to (first sends and /tugas re-sends alike). */
  async function platformsOf(instanceId: string, runId: string): Promise<ChatPlatform[]> {
    const logged = await app.storage.taskMessages.find(instanceId, runId);
    return [...new Set(logged.map((m) => m.sent.platform))].sort();
  }

  test('six people on two platforms walk the SOP; Dewi, on both, gets each task once and acts where she likes', async () => {
    // Both channels run in the one service.
    await telegram.waitForCall('getUpdates', () => true, { includePending: true });
    await slack.waitForCall('auth.test');

    // Everyone links: the Telegram people with /start, the Slack people with /pandu link. Dewi links on
    // Telegram first and on Slack after, so Slack is the platform she used last.
    for (const personId of Object.keys(telegramUsers))
      await tg.link(personId, await inviteCode(app, personId));
    for (const personId of Object.keys(slackIds)) await sl.link(personId, await inviteCode(app, personId));
    expect((await app.storage.identities.identitiesOf('dewi')).map((i) => i.channel).sort()).toEqual([
      'slack',
      'telegram',
    ]);
    expect(await app.storage.identities.preferences('dewi')).toMatchObject({ lastChannel: 'slack' });
    expect((await app.storage.identities.preferences('dewi')).preferredChannel).toBeUndefined();

    // Step 1 (Telegram): the ULP submits the request with /ajukan, a subject and the nota dinas.
    await tg.submitRequest('ulp-biro-umum', 'Permohonan pemanfaatan SPSE untuk pengadaan TA 2027', {
      fileName: 'nota-dinas.pdf',
      mimeType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 nota dinas'),
    });

    // Step 2 (Telegram): Tata Usaha registers it.
    const register = await tg.taskFor('tuti', 'Langkah 2/11');
    expect(register.text).toContain('Permohonan pemanfaatan SPSE untuk pengadaan TA 2027');
    tg.tap('tuti', register, 'Catat');
    await tg.closed('tuti', register, 'Dicatat oleh Tuti Rahayu');
    const [opened] = await app.service.openTasksFor('hendra');
    const instanceId = opened?.instance.id ?? '';
    expect((await instanceNow(instanceId)).agendaNumbers.incoming).toMatch(/^001\/ND-M\/PUSDATINKOMTEL\//);

    // Step 3 (Slack): the Kapus dispositions to Kabid Sari through the modal, with a note.
    const kapus = await sl.task('hendra', 'Langkah 3/11');
    expect(kapus.text).toContain('Permohonan pemanfaatan SPSE untuk pengadaan TA 2027');
    await sl.click('hendra', kapus, 'Disposisi');
    const kapusForm = await sl.modal('pandu-disposition', 1);
    await sl.submit(
      'hendra',
      kapusForm,
      dispositionValues(['sari'], 'tindak-lanjut', 'Mohon dikoordinasikan dengan Subbid Sisfo'),
    );
    await sl.closed('hendra', kapus, 'Didisposisi oleh Hendra Wijaya');

    // Step 4 (Slack): the Kabid dispositions on to Kasubbid Dewi.
    const kabid = await sl.task('sari', 'Langkah 4/11');
    expect(kabid.text).toContain('Mohon dikoordinasikan dengan Subbid Sisfo');
    await sl.click('sari', kabid, 'Disposisi');
    await sl.submit(
      'sari',
      await sl.modal('pandu-disposition', 2),
      dispositionValues(['dewi'], 'pelajari-laporkan'),
    );
    await sl.closed('sari', kabid, 'Didisposisi oleh Sari Handayani');

    // Step 5 (Slack): Fajar shares the PPK list in the DM, then finishes.
    const entry = await sl.task('fajar', 'Langkah 5/11');
    await sl.attach('fajar', entry, { name: 'daftar-ppk.csv', bytes: Buffer.from(ppkCsv()) });
    await sl.click('fajar', entry, 'Selesai');
    await sl.closed('fajar', entry, 'Diselesaikan oleh Fajar Nugroho');

    // Step 6: Dewi last used Slack, so her task arrives there and not on Telegram.
    const verifyOnSlack = await sl.task('dewi', 'Langkah 6/11');
    expect(tg.messages('dewi').filter(hasText('Langkah 6/11'))).toEqual([]);
    // She asks /tugas on Telegram: the open task comes again there, with buttons of its own.
    const beforeList = tg.lastId('dewi');
    tg.send('dewi', '/tugas');
    const verifyOnTelegram = await tg.taskFor('dewi', 'Langkah 6/11', beforeList);
    const verifyRun = (await instanceNow(instanceId)).runs.find(
      (r) => r.stepId === 'verifikasi-data' && !r.endedAt,
    );
    // The re-sent copy is recorded for the run, so the run's later edits reach it too.
    await until(
      'the Telegram copy recorded',
      async () => (await platformsOf(instanceId, verifyRun?.runId ?? '')).length === 2,
    );

    // She approves on Telegram: the Slack copy is edited (chat.update) to the result and loses its buttons.
    const updatesBefore = slack.calls('chat.update').length;
    tg.tap('dewi', verifyOnTelegram, 'Setujui');
    await tg.closed('dewi', verifyOnTelegram, 'Disetujui oleh Dewi Lestari');
    await sl.closed('dewi', verifyOnSlack, 'Disetujui oleh Dewi Lestari');
    expect(
      slack
        .calls('chat.update')
        .slice(updatesBefore)
        .filter((c) => c.params.ts === verifyOnSlack.ts),
    ).toHaveLength(1);
    expect(
      telegram
        .calls('editMessageText')
        .filter((c) => String(c.params.message_id) === String(verifyOnTelegram.messageId)),
    ).not.toEqual([]);

    // Her stale Slack button is refused, says who did it and when, and changes nothing.
    const afterVerify = await instanceNow(instanceId);
    await sl.clickButton('dewi', verifyOnSlack, button(verifyOnSlack, 'Setujui'));
    const refusal = await sl.message('dewi', 'sudah diselesaikan oleh Dewi Lestari pukul');
    expect(refusal.text).toMatch(/⛔ .*sudah diselesaikan oleh Dewi Lestari pukul \d\d[:.]\d\d/);
    expect(buttonsOf(sl.now(verifyOnSlack))).toEqual([]);
    const afterStale = await instanceNow(instanceId);
    expect(afterStale.version).toBe(afterVerify.version);
    expect(afterStale.events).toHaveLength(afterVerify.events.length);

    // The stale click was on Slack; now she uses Telegram again (before step 9 starts), so it is her last.
    const beforeEmpty = tg.lastId('dewi');
    tg.send('dewi', '/tugas');
    await tg.next('dewi', hasText('Tidak ada tugas terbuka'), beforeEmpty);
    expect(await app.storage.identities.preferences('dewi')).toMatchObject({ lastChannel: 'telegram' });

    // Step 7 (Slack): the checklist, ticked item by item; the step closes itself on the last one.
    const checklist = await sl.task('fajar', 'Langkah 7/11');
    for (;;) {
      const unticked = buttonsOf(sl.now(checklist)).filter((b) => b.label.startsWith('☐'));
      const [first] = unticked;
      if (!first) break;
      await sl.clickButton('fajar', checklist, first);
      await waitUntil('a tick', () => {
        const left = buttonsOf(sl.now(checklist));
        return left.length === 0 || left.filter((b) => b.label.startsWith('☐')).length < unticked.length;
      });
    }
    await waitUntil('the checklist closed', () => buttonsOf(sl.now(checklist)).length === 0);

    // Step 8 (Slack): the draft report.
    const draft = await sl.task('fajar', 'Langkah 8/11');
    await sl.attach('fajar', draft, { name: 'draft-laporan.pdf', bytes: Buffer.from('%PDF-1.4 draft v1') });
    await sl.click('fajar', draft, 'Selesai');
    await sl.closed('fajar', draft, 'Diselesaikan oleh Fajar Nugroho');

    // Step 9: Dewi used Telegram last, so the review arrives there. She returns it with a typed reason.
    const review = await tg.taskFor('dewi', 'Langkah 9/11');
    expect(sl.messages('dewi').filter((m) => (m.text ?? '').includes('Langkah 9/11'))).toEqual([]);
    tg.tap('dewi', review, 'Kembalikan');
    await tg.next('dewi', hasText('alasan pengembalian'), review.messageId);
    tg.send('dewi', 'Lampiran pagu anggaran belum sesuai nota dinas');
    await tg.next('dewi', hasText('Dikembalikan ke'), review.messageId);
    await tg.closed('dewi', review, 'Dikembalikan oleh Dewi Lestari');

    // On Slack she chooses Telegram for her tasks: from now on that wins over the platform used last.
    await sl.command('dewi', 'kanal telegram');
    await sl.message('dewi', 'Tugas akan dikirim ke Telegram');
    expect(await app.storage.identities.preferences('dewi')).toMatchObject({
      preferredChannel: 'telegram',
      lastChannel: 'slack',
    });

    // Fajar (Slack) gets the draft back with the reason and sends a new version.
    const redo = await sl.task('fajar', 'Langkah 8/11');
    expect(redo.text).toContain('Lampiran pagu anggaran belum sesuai nota dinas');
    const v2 = { name: 'draft-laporan-v2.pdf', bytes: Buffer.from('%PDF-1.4 draft v2') };
    await sl.attach('fajar', redo, v2, v2.name);
    await sl.click('fajar', redo, 'Selesai');
    await sl.closed('fajar', redo, 'Diselesaikan oleh Fajar Nugroho');

    // The second review goes to Telegram (her choice), although she used Slack last.
    const review2 = await tg.taskFor('dewi', 'Langkah 9/11', review.messageId);
    expect(sl.messages('dewi').filter((m) => (m.text ?? '').includes('Langkah 9/11'))).toEqual([]);
    // She asks /pandu tugas on Slack, gets the task there too, and approves it on Slack.
    await sl.command('dewi', 'tugas');
    const review2OnSlack = await sl.task('dewi', 'Langkah 9/11');
    const review2Run = (await instanceNow(instanceId)).runs.find(
      (r) => r.stepId === 'periksa-draft' && !r.endedAt,
    );
    await until(
      'the Slack copy recorded',
      async () => (await platformsOf(instanceId, review2Run?.runId ?? '')).length === 2,
    );
    const editsBefore = telegram.calls('editMessageText').length;
    await sl.click('dewi', review2OnSlack, 'Setujui');
    await sl.closed('dewi', review2OnSlack, 'Disetujui oleh Dewi Lestari');
    // The Telegram copy is edited (editMessageText) to the result and loses its buttons.
    await tg.closed('dewi', review2, 'Disetujui oleh Dewi Lestari');
    expect(
      telegram
        .calls('editMessageText')
        .slice(editsBefore)
        .filter((c) => String(c.params.message_id) === String(review2.messageId)),
    ).toHaveLength(1);
    // Her stale Telegram button is refused with who and when, and changes nothing.
    const afterReview = await instanceNow(instanceId);
    const staleTap = tg.tapAsSeen('dewi', review2, 'Setujui');
    expect((await telegram.waitForCallbackAnswer(staleTap)).text).toMatch(
      /sudah diselesaikan oleh Dewi Lestari pukul \d\d[:.]\d\d/,
    );
    const afterStaleTap = await instanceNow(instanceId);
    expect(afterStaleTap.version).toBe(afterReview.version);
    expect(afterStaleTap.events).toHaveLength(afterReview.events.length);

    // Step 10 (Slack): the Kapus approves; step 11 (Telegram): Tata Usaha registers the outgoing letter.
    const approval = await sl.task('hendra', 'Langkah 10/11');
    await sl.click('hendra', approval, 'Setujui');
    await sl.closed('hendra', approval, 'Disetujui oleh Hendra Wijaya');
    const outgoing = await tg.taskFor('tuti', 'Langkah 11/11', register.messageId);
    tg.tap('tuti', outgoing, 'Catat');
    await tg.closed('tuti', outgoing, 'Dicatat oleh Tuti Rahayu');
    const done = await tg.next('ulp-biro-umum', hasText('selesai diproses'));
    expect(done.text).toMatch(/001\/ND-K\/PUSDATINKOMTEL\//);

    // The instance is complete, with both agenda numbers.
    const final = await instanceNow(instanceId);
    expect(final.status).toBe('completed');
    expect(final.agendaNumbers.incoming).toMatch(/^001\/ND-M\/PUSDATINKOMTEL\//);
    expect(final.agendaNumbers.outgoing).toMatch(/^001\/ND-K\/PUSDATINKOMTEL\//);
    expect(done.text).toContain(final.agendaNumbers.outgoing ?? '-');

    // Every task went to its performer's platform only; Dewi's copies are the /tugas re-sends.
    const expectedPlatforms: Array<[string, string, ChatPlatform[]]> = [
      ['agenda-surat-masuk', 'tuti', ['telegram']],
      ['disposisi-kapus', 'hendra', ['slack']],
      ['disposisi-kabid', 'sari', ['slack']],
      ['input-data-ppk', 'fajar', ['slack']],
      ['verifikasi-data', 'dewi', ['slack', 'telegram']],
      ['otentikasi-data', 'fajar', ['slack']],
      ['draft-laporan', 'fajar', ['slack']],
      ['periksa-draft', 'dewi', ['telegram']],
      ['draft-laporan', 'fajar', ['slack']],
      ['periksa-draft', 'dewi', ['slack', 'telegram']],
      ['persetujuan-kapus', 'hendra', ['slack']],
      ['agenda-surat-keluar', 'tuti', ['telegram']],
    ];
    const taskRuns = final.runs.filter((r) => r.stepId !== 'nota-dinas-masuk');
    const actual: Array<[string, string, ChatPlatform[]]> = [];
    for (const run of taskRuns) {
      actual.push([run.stepId, run.assigneeId ?? '', await platformsOf(instanceId, run.runId)]);
    }
    expect(actual).toEqual(expectedPlatforms);

    // The audit trail says through which channel each step was done.
    const byPerson = (e: AuditEvent) => e.actorId !== 'system';
    const channelOf = (stepId: string, type: string) =>
      final.events.filter((e) => byPerson(e) && e.stepId === stepId && e.type === type).map((e) => e.channel);
    for (const event of final.events.filter(byPerson)) {
      if (event.actorId === 'dewi') continue;
      expect([event.type, event.actorId, event.channel]).toEqual([
        event.type,
        event.actorId,
        event.actorId in telegramUsers ? 'telegram' : 'slack',
      ]);
    }
    expect(channelOf('verifikasi-data', 'approved')).toEqual(['telegram']);
    expect(channelOf('periksa-draft', 'returned')).toEqual(['telegram']);
    expect(channelOf('periksa-draft', 'approved')).toEqual(['slack']);
    expect(channelOf('disposisi-kapus', 'dispositioned')).toEqual(['slack']);
    expect(channelOf('agenda-surat-masuk', 'agenda-registered')).toEqual(['telegram']);
    expect(new Set(final.events.filter(byPerson).map((e) => e.channel))).toEqual(
      new Set(['telegram', 'slack']),
    );
  }, 90_000);
});
