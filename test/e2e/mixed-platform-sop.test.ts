/**
 * The whole SPSE SOP in ONE service with both channels on: the ULP, Tata Usaha and the Kasubbid on
 * Telegram, the Kapus, the Kabid and the Staf on Slack, and the Kasubbid (Dewi) linked on both. Real app
 * (embedded database, outbox), Telegram through the Bot API stand-in, Slack through signed requests to
 * POST /slack/events and the Web API stand-in.
 */
import type { App } from '../../src/app.js';
import type { AuditEvent, Instance } from '../../src/core/engine/types.js';
import type { ChatPlatform } from '../../src/chat/types.js';
import { createSlackChannel } from '../../src/channels/slack/slack-channel.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { inviteCode, startTestApp } from '../support/app-rig.js';
import { ppkCsv } from '../support/ppk-fixtures.js';
import {
  blockActionsPayload,
  dmMessageEvent,
  postToApp,
  signedEventRequest,
  signedInteraction,
  signedSlashCommand,
  SlackWebApiStandIn,
  viewSubmissionPayload,
  type AppResponse,
  type Params,
  type SignedRequest,
  type SigningOptions,
  type StoredMessage,
} from '../support/slack/index.js';
import {
  inlineButtons,
  TelegramBotApiStandIn,
  type RecordedMessage,
  type SimUser,
} from '../support/telegram/index.js';

const TELEGRAM_TOKEN = '123456:TEST-token';
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

function tgUser(personId: string): SimUser {
  const user = telegramUsers[personId];
  if (!user) throw new Error(`${personId} is not on Telegram in this suite`);
  return user;
}

function slackId(personId: string): string {
  const id = slackIds[personId];
  if (!id) throw new Error(`${personId} is not on Slack in this suite`);
  return id;
}

interface Button {
  label: string;
  token: string;
  actionId: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `find` returns something, or fails with `what`. */
async function waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Polls an async condition until it holds, or fails with `what`. */
async function until(what: string, holds: () => Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await holds())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function slackButtons(message: StoredMessage): Button[] {
  const blocks = Array.isArray(message.blocks) ? (message.blocks as Params[]) : [];
  return blocks
    .filter((block) => block.type === 'actions')
    .flatMap((block) => (block.elements as Params[]) ?? [])
    .map((element) => ({
      label: str((element.text as Params | undefined)?.text),
      token: str(element.value),
      actionId: str(element.action_id),
    }));
}

describe('the SPSE SOP with the roles split between Telegram and Slack, end to end', () => {
  let telegram: TelegramBotApiStandIn;
  const slack = new SlackWebApiStandIn();
  let app: App;
  let eventsUrl: string;
  /** Slack task messages already acted on, so a later task of the same step is told apart. */
  const usedSlack = new Set<string>();

  beforeAll(async () => {
    telegram = new TelegramBotApiStandIn({ token: TELEGRAM_TOKEN });
    await telegram.start();
    await slack.start();
    // Short notes are ephemeral messages; the stand-in records them through this handler.
    slack.onMethod('chat.postEphemeral', () => ({ ok: true, message_ts: `${Date.now() / 1000}` }));
    app = await startTestApp({
      env: {
        TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      },
      channels: [createTelegramChannel, createSlackChannel],
    });
    eventsUrl = `http://127.0.0.1:${app.port()}/slack/events`;
  });

  afterAll(async () => {
    await app?.stop();
    await telegram?.stop();
    await slack.stop();
  });

  // ── Telegram helpers ──────────────────────────────────────────────────────

  const tgMessages = (who: string) => telegram.sentTo(tgUser(who).id);
  const tgLastId = (who: string) => tgMessages(who).at(-1)?.messageId ?? 0;
  const hasText = (text: string) => (m: RecordedMessage) => (m.text ?? '').includes(text);

  /** A bot message to the person on Telegram that matches (newer than `after`), waiting for it. */
  function tgNext(
    who: string,
    predicate: (m: RecordedMessage) => boolean,
    after = 0,
  ): Promise<RecordedMessage> {
    return telegram.waitForMessage(tgUser(who).id, (m) => m.messageId > after && predicate(m), 8000);
  }

  /** The current state of a Telegram message, waiting until it matches. */
  function tgNow(who: string, sent: RecordedMessage, predicate: (m: RecordedMessage) => boolean) {
    return telegram.waitForMessage(
      tgUser(who).id,
      (m) => m.messageId === sent.messageId && predicate(m),
      8000,
    );
  }

  function tgTask(who: string, step: string, after = 0): Promise<RecordedMessage> {
    return tgNext(
      who,
      (m) => (m.text ?? '').includes(step) && inlineButtons(m.replyMarkup).length > 0,
      after,
    );
  }

  function tgTap(who: string, message: RecordedMessage, label: string): string {
    const current = telegram.message(message) ?? message;
    const button = inlineButtons(current.replyMarkup).find((b) => b.text.includes(label));
    if (!button) throw new Error(`no Telegram button "${label}" on message ${current.messageId}`);
    return telegram.userTapsButton(tgUser(who), current, button.text);
  }

  /** Waits until the Telegram task message shows the result and has no buttons left. */
  const tgClosed = (who: string, sent: RecordedMessage, result: string) =>
    tgNow(who, sent, (m) => (m.text ?? '').includes(result) && inlineButtons(m.replyMarkup).length === 0);

  // ── Slack helpers ─────────────────────────────────────────────────────────

  async function post(request: SignedRequest): Promise<AppResponse> {
    const response = await postToApp(eventsUrl, request);
    expect(response.status).toBe(200);
    return response;
  }

  const command = (who: string, text: string) =>
    post(signedSlashCommand({ command: '/pandu', text, userId: slackId(who) }, signing));

  const slackMessages = (who: string) => slack.messagesTo(slackId(who));

  /** A Slack message to the person (as it is now) whose text contains `text`, waiting for it. */
  function slackMessage(who: string, text: string, also: (m: StoredMessage) => boolean = () => true) {
    return waitFor(`a Slack message to ${who} with "${text}"`, () =>
      slackMessages(who).find((m) => (m.text ?? '').includes(text) && also(m)),
    );
  }

  /** The person's newest Slack task message for a step that still has buttons and was not acted on yet. */
  async function slackTask(who: string, step: string): Promise<StoredMessage> {
    const found = await waitFor(`a Slack task "${step}" for ${who}`, () =>
      slackMessages(who)
        .reverse()
        .find((m) => (m.text ?? '').includes(step) && slackButtons(m).length > 0 && !usedSlack.has(m.ts)),
    );
    usedSlack.add(found.ts);
    return found;
  }

  /** The current state of a Slack message in the stand-in. */
  const slackNow = (who: string, sent: StoredMessage) =>
    slackMessages(who).find((m) => m.ts === sent.ts) ?? sent;

  function slackButton(sent: StoredMessage, label: string): Button {
    const found = slackButtons(sent).find((b) => b.label.includes(label));
    if (!found) throw new Error(`no Slack button "${label}" in ${JSON.stringify(slackButtons(sent))}`);
    return found;
  }

  /** The person clicks a button of a message; `pressed` may be a button the message no longer shows. */
  function clickButton(who: string, sent: StoredMessage, pressed: Button): Promise<AppResponse> {
    const current = slackNow(who, sent);
    const payload = blockActionsPayload({
      userId: slackId(who),
      actionId: pressed.actionId,
      value: pressed.token,
      channelId: current.channel,
      messageTs: current.ts,
      messageText: current.text ?? '',
    });
    return post(signedInteraction(payload, signing));
  }

  const click = (who: string, sent: StoredMessage, label: string) =>
    clickButton(who, sent, slackButton(slackNow(who, sent), label));

  /** Waits until the Slack task message has been edited to show the result, without buttons. */
  const slackClosed = (who: string, sent: StoredMessage, result: string) =>
    slackMessage(who, result, (m) => m.ts === sent.ts && m.edits > 0 && slackButtons(m).length === 0);

  /** The modal opened by the `count`-th views.open, waiting for it. */
  async function modal(callbackId: string, count: number): Promise<Params> {
    const call = await waitFor(`views.open #${count}`, () => slack.calls('views.open')[count - 1]);
    const view = call.params.view as Params;
    expect(view.callback_id).toBe(callbackId);
    return view;
  }

  function submit(who: string, view: Params, values: Record<string, Record<string, Params>>) {
    const payload = viewSubmissionPayload({
      userId: slackId(who),
      callbackId: str(view.callback_id),
      privateMetadata: str(view.private_metadata),
      values,
    });
    return post(signedInteraction(payload, signing));
  }

  function dispositionValues(recipients: string[], instruction: string, note = '') {
    const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
    return {
      recipients: { input: { type: 'multi_static_select', selected_options: recipients.map(option) } },
      instruction: { input: { type: 'static_select', selected_option: option(instruction) } },
      note: { input: { type: 'plain_text_input', value: note || null } },
    };
  }

  let fileCounter = 0;
  function shareFile(who: string, name: string, bytes: Buffer): Promise<AppResponse> {
    fileCounter += 1;
    const id = `F0000MIX${String(fileCounter).padStart(2, '0')}`;
    slack.registerFile({ id, name, bytes, user: slackId(who) });
    return post(
      signedEventRequest(dmMessageEvent({ user: slackId(who), text: '', files: [{ id, name }] }), signing),
    );
  }

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
    for (const personId of Object.keys(telegramUsers)) {
      const code = await inviteCode(app, personId);
      const before = tgLastId(personId);
      telegram.userSends(tgUser(personId), `/start ${code}`);
      await tgNext(personId, hasText('Selamat datang'), before);
    }
    for (const personId of Object.keys(slackIds)) {
      await command(personId, `link ${await inviteCode(app, personId)}`);
      await slackMessage(personId, 'Selamat datang');
    }
    expect((await app.storage.identities.identitiesOf('dewi')).map((i) => i.channel).sort()).toEqual([
      'slack',
      'telegram',
    ]);
    expect(await app.storage.identities.preferences('dewi')).toMatchObject({ lastChannel: 'slack' });
    expect((await app.storage.identities.preferences('dewi')).preferredChannel).toBeUndefined();

    // Step 1 (Telegram): the ULP submits the request with /ajukan, a subject and the nota dinas.
    telegram.userSends(tgUser('ulp-biro-umum'), '/ajukan');
    await tgNext('ulp-biro-umum', hasText('Tulis perihal'));
    telegram.userSends(tgUser('ulp-biro-umum'), 'Permohonan pemanfaatan SPSE untuk pengadaan TA 2027');
    await tgNext('ulp-biro-umum', hasText('kirim nota dinasnya'));
    telegram.userSendsDocument(tgUser('ulp-biro-umum'), {
      fileName: 'nota-dinas.pdf',
      mimeType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 nota dinas'),
    });
    await tgNext('ulp-biro-umum', hasText('diterima dan diteruskan'));

    // Step 2 (Telegram): Tata Usaha registers it.
    const register = await tgTask('tuti', 'Langkah 2/11');
    expect(register.text).toContain('Permohonan pemanfaatan SPSE untuk pengadaan TA 2027');
    tgTap('tuti', register, 'Catat');
    await tgClosed('tuti', register, 'Dicatat oleh Tuti Rahayu');
    const [opened] = await app.service.openTasksFor('hendra');
    const instanceId = opened?.instance.id ?? '';
    expect((await instanceNow(instanceId)).agendaNumbers.incoming).toMatch(/^001\/ND-M\/PUSDATINKOMTEL\//);

    // Step 3 (Slack): the Kapus dispositions to Kabid Sari through the modal, with a note.
    const kapus = await slackTask('hendra', 'Langkah 3/11');
    expect(kapus.text).toContain('Permohonan pemanfaatan SPSE untuk pengadaan TA 2027');
    await click('hendra', kapus, 'Disposisi');
    const kapusForm = await modal('pandu-disposition', 1);
    await submit(
      'hendra',
      kapusForm,
      dispositionValues(['sari'], 'tindak-lanjut', 'Mohon dikoordinasikan dengan Subbid Sisfo'),
    );
    await slackClosed('hendra', kapus, 'Didisposisi oleh Hendra Wijaya');

    // Step 4 (Slack): the Kabid dispositions on to Kasubbid Dewi.
    const kabid = await slackTask('sari', 'Langkah 4/11');
    expect(kabid.text).toContain('Mohon dikoordinasikan dengan Subbid Sisfo');
    await click('sari', kabid, 'Disposisi');
    await submit(
      'sari',
      await modal('pandu-disposition', 2),
      dispositionValues(['dewi'], 'pelajari-laporkan'),
    );
    await slackClosed('sari', kabid, 'Didisposisi oleh Sari Handayani');

    // Step 5 (Slack): Fajar shares the PPK list in the DM, then finishes.
    const entry = await slackTask('fajar', 'Langkah 5/11');
    await shareFile('fajar', 'daftar-ppk.csv', Buffer.from(ppkCsv()));
    await slackMessage('fajar', 'Berkas terlampir (1)', (m) => m.ts === entry.ts);
    await click('fajar', entry, 'Selesai');
    await slackClosed('fajar', entry, 'Diselesaikan oleh Fajar Nugroho');

    // Step 6: Dewi last used Slack, so her task arrives there and not on Telegram.
    const verifyOnSlack = await slackTask('dewi', 'Langkah 6/11');
    expect(tgMessages('dewi').filter(hasText('Langkah 6/11'))).toEqual([]);
    // She asks /tugas on Telegram: the open task comes again there, with buttons of its own.
    const beforeList = tgLastId('dewi');
    telegram.userSends(tgUser('dewi'), '/tugas');
    const verifyOnTelegram = await tgTask('dewi', 'Langkah 6/11', beforeList);
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
    tgTap('dewi', verifyOnTelegram, 'Setujui');
    await tgClosed('dewi', verifyOnTelegram, 'Disetujui oleh Dewi Lestari');
    await slackClosed('dewi', verifyOnSlack, 'Disetujui oleh Dewi Lestari');
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
    await clickButton('dewi', verifyOnSlack, slackButton(verifyOnSlack, 'Setujui'));
    const refusal = await slackMessage('dewi', 'sudah diselesaikan oleh Dewi Lestari pukul');
    expect(refusal.text).toMatch(/⛔ .*sudah diselesaikan oleh Dewi Lestari pukul \d\d[:.]\d\d/);
    expect(slackButtons(slackNow('dewi', verifyOnSlack))).toEqual([]);
    const afterStale = await instanceNow(instanceId);
    expect(afterStale.version).toBe(afterVerify.version);
    expect(afterStale.events).toHaveLength(afterVerify.events.length);

    // The stale click was on Slack; now she uses Telegram again (before step 9 starts), so it is her last.
    const beforeEmpty = tgLastId('dewi');
    telegram.userSends(tgUser('dewi'), '/tugas');
    await tgNext('dewi', hasText('Tidak ada tugas terbuka'), beforeEmpty);
    expect(await app.storage.identities.preferences('dewi')).toMatchObject({ lastChannel: 'telegram' });

    // Step 7 (Slack): the checklist, ticked item by item; the step closes itself on the last one.
    const checklist = await slackTask('fajar', 'Langkah 7/11');
    for (;;) {
      const unticked = slackButtons(slackNow('fajar', checklist)).filter((b) => b.label.startsWith('☐'));
      const [first] = unticked;
      if (!first) break;
      await clickButton('fajar', checklist, first);
      await waitFor('a tick', () => {
        const left = slackButtons(slackNow('fajar', checklist));
        return left.length === 0 || left.filter((b) => b.label.startsWith('☐')).length < unticked.length
          ? true
          : undefined;
      });
    }
    await waitFor('the checklist closed', () =>
      slackButtons(slackNow('fajar', checklist)).length === 0 ? true : undefined,
    );

    // Step 8 (Slack): the draft report.
    const draft = await slackTask('fajar', 'Langkah 8/11');
    await shareFile('fajar', 'draft-laporan.pdf', Buffer.from('%PDF-1.4 draft v1'));
    await slackMessage('fajar', 'Berkas terlampir (1)', (m) => m.ts === draft.ts);
    await click('fajar', draft, 'Selesai');
    await slackClosed('fajar', draft, 'Diselesaikan oleh Fajar Nugroho');

    // Step 9: Dewi used Telegram last, so the review arrives there. She returns it with a typed reason.
    const review = await tgTask('dewi', 'Langkah 9/11');
    expect(slackMessages('dewi').filter((m) => (m.text ?? '').includes('Langkah 9/11'))).toEqual([]);
    tgTap('dewi', review, 'Kembalikan');
    await tgNext('dewi', hasText('alasan pengembalian'), review.messageId);
    telegram.userSends(tgUser('dewi'), 'Lampiran pagu anggaran belum sesuai nota dinas');
    await tgNext('dewi', hasText('Dikembalikan ke'), review.messageId);
    await tgClosed('dewi', review, 'Dikembalikan oleh Dewi Lestari');

    // On Slack she chooses Telegram for her tasks: from now on that wins over the platform used last.
    await command('dewi', 'kanal telegram');
    await slackMessage('dewi', 'Tugas akan dikirim ke Telegram');
    expect(await app.storage.identities.preferences('dewi')).toMatchObject({
      preferredChannel: 'telegram',
      lastChannel: 'slack',
    });

    // Fajar (Slack) gets the draft back with the reason and sends a new version.
    const redo = await slackTask('fajar', 'Langkah 8/11');
    expect(redo.text).toContain('Lampiran pagu anggaran belum sesuai nota dinas');
    await shareFile('fajar', 'draft-laporan-v2.pdf', Buffer.from('%PDF-1.4 draft v2'));
    await slackMessage('fajar', 'draft-laporan-v2.pdf', (m) => m.ts === redo.ts);
    await click('fajar', redo, 'Selesai');
    await slackClosed('fajar', redo, 'Diselesaikan oleh Fajar Nugroho');

    // The second review goes to Telegram (her choice), although she used Slack last.
    const review2 = await tgTask('dewi', 'Langkah 9/11', review.messageId);
    expect(slackMessages('dewi').filter((m) => (m.text ?? '').includes('Langkah 9/11'))).toEqual([]);
    // She asks /pandu tugas on Slack, gets the task there too, and approves it on Slack.
    await command('dewi', 'tugas');
    const review2OnSlack = await slackTask('dewi', 'Langkah 9/11');
    const review2Run = (await instanceNow(instanceId)).runs.find(
      (r) => r.stepId === 'periksa-draft' && !r.endedAt,
    );
    await until(
      'the Slack copy recorded',
      async () => (await platformsOf(instanceId, review2Run?.runId ?? '')).length === 2,
    );
    const editsBefore = telegram.calls('editMessageText').length;
    await click('dewi', review2OnSlack, 'Setujui');
    await slackClosed('dewi', review2OnSlack, 'Disetujui oleh Dewi Lestari');
    // The Telegram copy is edited (editMessageText) to the result and loses its buttons.
    await tgClosed('dewi', review2, 'Disetujui oleh Dewi Lestari');
    expect(
      telegram
        .calls('editMessageText')
        .slice(editsBefore)
        .filter((c) => String(c.params.message_id) === String(review2.messageId)),
    ).toHaveLength(1);
    // Her stale Telegram button is refused with who and when, and changes nothing.
    const afterReview = await instanceNow(instanceId);
    const staleTap = telegram.userTaps(tgUser('dewi'), review2, callbackData(review2, 'Setujui'), {
      allowUnknownData: true,
    });
    expect((await telegram.waitForCallbackAnswer(staleTap)).text).toMatch(
      /sudah diselesaikan oleh Dewi Lestari pukul \d\d[:.]\d\d/,
    );
    const afterStaleTap = await instanceNow(instanceId);
    expect(afterStaleTap.version).toBe(afterReview.version);
    expect(afterStaleTap.events).toHaveLength(afterReview.events.length);

    // Step 10 (Slack): the Kapus approves; step 11 (Telegram): Tata Usaha registers the outgoing letter.
    const approval = await slackTask('hendra', 'Langkah 10/11');
    await click('hendra', approval, 'Setujui');
    await slackClosed('hendra', approval, 'Disetujui oleh Hendra Wijaya');
    const outgoing = await tgTask('tuti', 'Langkah 11/11', register.messageId);
    tgTap('tuti', outgoing, 'Catat');
    await tgClosed('tuti', outgoing, 'Dicatat oleh Tuti Rahayu');
    const done = await tgNext('ulp-biro-umum', hasText('selesai diproses'));
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

/** The callback data of a Telegram message's button whose label contains `label`. */
function callbackData(message: RecordedMessage, label: string): string {
  const button = inlineButtons(message.replyMarkup).find((b) => b.text.includes(label));
  return button && 'callback_data' in button ? button.callback_data : '';
}
