/**
 * The whole SPSE SOP on Slack only: the real service (embedded database, outbox, Bolt's HTTP receiver on
 * the service's own port) driven by signed requests to POST /slack/events, the Web API on the stand-in.
 */
import type { App } from '../../src/app.js';
import { createSlackChannel } from '../../src/channels/slack/slack-channel.js';
import { inviteCode, startTestApp } from '../support/app-rig.js';
import { ppkCsv } from '../support/ppk-fixtures.js';
import {
  appHomeOpenedEvent,
  blockActionsPayload,
  dmMessageEvent,
  postToApp,
  signedEventRequest,
  signedInteraction,
  signedSlashCommand,
  SlackWebApiStandIn,
  STAND_IN_ROUTES,
  viewSubmissionPayload,
  type AppResponse,
  type Params,
  type RecordedCall,
  type SignedRequest,
  type SigningOptions,
  type StoredMessage,
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
const slackId = (personId: string): string => slackIds[personId] ?? personId;

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

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function buttonsOf(message: StoredMessage): Button[] {
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

describe('the SPSE SOP on Slack, end to end', () => {
  const standIn = new SlackWebApiStandIn();
  let app: App;
  let eventsUrl: string;
  /** Task messages already acted on, so a later task of the same step is told apart. */
  const used = new Set<string>();

  beforeAll(async () => {
    await standIn.start();
    // Toasts are ephemeral messages; the stand-in records them through this handler.
    standIn.onMethod('chat.postEphemeral', () => ({ ok: true, message_ts: `${Date.now() / 1000}` }));
    app = await startTestApp({
      env: {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: standIn.apiUrl,
      },
      channels: [createSlackChannel],
    });
    eventsUrl = `http://127.0.0.1:${app.port()}/slack/events`;
  });

  afterAll(async () => {
    await app?.stop();
    await standIn.stop();
  });

  async function post(request: SignedRequest): Promise<AppResponse> {
    const response = await postToApp(eventsUrl, request);
    expect(response.status).toBe(200);
    return response;
  }

  const command = (who: string, text: string) =>
    post(signedSlashCommand({ command: '/pandu', text, userId: slackId(who) }, signing));

  const messages = (who: string) => standIn.messagesTo(slackId(who));

  /** A message to the person (as it is now) whose text contains `text`, waiting for it. */
  function message(who: string, text: string, also: (m: StoredMessage) => boolean = () => true) {
    return waitFor(`a message to ${who} with "${text}"`, () =>
      messages(who).find((m) => (m.text ?? '').includes(text) && also(m)),
    );
  }

  /** The person's newest task message for a step that still has buttons and was not acted on yet. */
  async function task(who: string, step: string): Promise<StoredMessage> {
    const found = await waitFor(`a task "${step}" for ${who}`, () =>
      messages(who)
        .reverse()
        .find((m) => (m.text ?? '').includes(step) && buttonsOf(m).length > 0 && !used.has(m.ts)),
    );
    used.add(found.ts);
    return found;
  }

  /** The current state of a message in the stand-in. */
  const now = (who: string, sent: StoredMessage) => messages(who).find((m) => m.ts === sent.ts) ?? sent;

  function button(sent: StoredMessage, label: string): Button {
    const found = buttonsOf(sent).find((b) => b.label.includes(label));
    if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(buttonsOf(sent))}`);
    return found;
  }

  function clickRequest(who: string, sent: StoredMessage, pressed: Button): SignedRequest {
    const payload = blockActionsPayload({
      userId: slackId(who),
      actionId: pressed.actionId,
      value: pressed.token,
      channelId: sent.channel,
      messageTs: sent.ts,
      messageText: sent.text ?? '',
    });
    return signedInteraction(payload, signing);
  }

  const click = (who: string, sent: StoredMessage, label: string) =>
    post(clickRequest(who, now(who, sent), button(now(who, sent), label)));

  /** Waits until the task message has been edited to show the result, without buttons. */
  const closed = (who: string, sent: StoredMessage, result: string) =>
    message(who, result, (m) => m.ts === sent.ts && m.edits > 0 && buttonsOf(m).length === 0);

  const ephemerals = (who: string) =>
    standIn.calls('chat.postEphemeral').filter((c) => c.params.user === slackId(who));

  function ephemeral(who: string, text: string): Promise<RecordedCall> {
    return waitFor(`an ephemeral note to ${who} with "${text}"`, () =>
      ephemerals(who).find((c) => str(c.params.text).includes(text)),
    );
  }

  /** The modal opened for the person's last click, waiting for it. */
  async function modal(callbackId: string, count: number): Promise<Params> {
    const call = await waitFor(`views.open #${count}`, () => standIn.calls('views.open')[count - 1]);
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

  function dispositionValues(
    recipients: string[],
    instruction: string,
    note = '',
  ): Record<string, Record<string, Params>> {
    const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
    return {
      recipients: { input: { type: 'multi_static_select', selected_options: recipients.map(option) } },
      instruction: { input: { type: 'static_select', selected_option: option(instruction) } },
      note: { input: { type: 'plain_text_input', value: note || null } },
    };
  }

  const optionValues = (view: Params, blockId: string): string[] => {
    const block = (view.blocks as Params[]).find((b) => b.block_id === blockId) as Params;
    return ((block.element as Params).options as Params[]).map((o) => str(o.value));
  };

  let fileCounter = 0;
  function shareFile(who: string, name: string, bytes: Buffer): SignedRequest {
    fileCounter += 1;
    const id = `F0000E2E${String(fileCounter).padStart(2, '0')}`;
    standIn.registerFile({ id, name, bytes, user: slackId(who) });
    return signedEventRequest(
      dmMessageEvent({ user: slackId(who), text: '', files: [{ id, name }] }),
      signing,
    );
  }

  /** Waits until nothing more reaches the stand-in for a moment (listeners and outbox are idle). */
  async function quiet(): Promise<void> {
    let count = -1;
    while (count !== standIn.calls().length) {
      count = standIn.calls().length;
      await sleep(250);
    }
  }

  test('six people walk the SOP through signed requests only, with forged, stale, retried and wrong-person requests', async () => {
    // Requests that are forged or too old get 401 before any listener runs.
    const tutiCode = await inviteCode(app, 'tuti');
    const forged = signedSlashCommand(
      { command: '/pandu', text: `link ${tutiCode}`, userId: slackId('tuti') },
      { ...signing, wrongSecret: true },
    );
    expect((await postToApp(eventsUrl, forged)).status).toBe(401);
    const stale = signedSlashCommand(
      { command: '/pandu', text: `link ${tutiCode}`, userId: slackId('tuti') },
      { ...signing, timestampOffsetSeconds: -6 * 60 },
    );
    expect((await postToApp(eventsUrl, stale)).status).toBe(401);
    await quiet();
    expect(standIn.calls().map((c) => c.method)).toEqual(['auth.test']);

    // Everyone links with an invite code (Tuti's code is still unused: the refused requests did nothing).
    for (const personId of Object.keys(slackIds)) {
      const code = personId === 'tuti' ? tutiCode : await inviteCode(app, personId);
      await command(personId, `link ${code}`);
      await message(personId, 'Selamat datang');
    }

    // Step 1: the ULP submits the request with /pandu ajukan and shares the nota dinas in the DM.
    await command('ulp-biro-umum', 'ajukan Permohonan pemanfaatan SPSE untuk pengadaan TA 2027');
    await message('ulp-biro-umum', 'kirim nota dinasnya');
    const nota = shareFile('ulp-biro-umum', 'nota-dinas.pdf', Buffer.from('%PDF-1.4 nota dinas Biro Umum'));
    await post(nota);
    await message('ulp-biro-umum', 'diterima dan diteruskan');
    // Slack retries the event (X-Slack-Retry-Num): it is applied once.
    await post({
      ...nota,
      headers: { ...nota.headers, 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });

    // Step 2: Tata Usaha registers the letter; the task message loses its buttons and shows the result.
    const register = await task('tuti', 'Langkah 2/11');
    expect(register.text).toContain('Permohonan pemanfaatan SPSE untuk pengadaan TA 2027');
    expect(register.text).toContain('Batas waktu');
    const registerClick = clickRequest('tuti', register, button(register, 'Catat'));
    await post(registerClick);
    await closed('tuti', register, 'Dicatat oleh Tuti Rahayu');
    await ephemeral('tuti', 'Dicatat dengan nomor agenda');
    // The same click delivered twice is applied once (no refusal is even shown).
    await post(registerClick);
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
    const kapus = await task('hendra', 'Langkah 3/11');
    // His App Home lists the open task with its due time.
    await post(signedEventRequest(appHomeOpenedEvent(slackId('hendra')), signing));
    await standIn.waitForCall('views.publish', (c) => c.params.user_id === slackId('hendra'));
    const kapusHome = JSON.stringify(standIn.homeView(slackId('hendra'))?.blocks);
    expect(kapusHome).toContain('Tugas terbuka (1)');
    expect(kapusHome).toContain('Menelaah dan memberi arahan atau disposisi');
    expect(kapusHome).toContain('Batas waktu');
    await post(clickRequest('sari', kapus, button(kapus, 'Disposisi')));
    await ephemeral('sari', 'Tombol ini bukan untuk Anda');
    expect(standIn.calls('views.open')).toEqual([]);
    await click('hendra', kapus, 'Disposisi');
    const kapusForm = await modal('pandu-disposition', 1);
    expect(optionValues(kapusForm, 'recipients')).toEqual(['sari', 'yusuf']);
    expect(optionValues(kapusForm, 'instruction')).toContain('tindak-lanjut');
    expect(String(kapusForm.private_metadata)).toBe(button(kapus, 'Disposisi').token);
    // A recipient the engine does not allow is refused inside the form.
    const refused = await submit('hendra', kapusForm, dispositionValues(['bambang'], 'tindak-lanjut'));
    expect(refused.json).toEqual({
      response_action: 'errors',
      errors: { recipients: expect.stringContaining('tidak dapat menerima disposisi ini') as unknown },
    });
    const accepted = await submit(
      'hendra',
      kapusForm,
      dispositionValues(['sari'], 'tindak-lanjut', 'Mohon dikoordinasikan dengan Subbid Sisfo'),
    );
    expect(accepted.body).toBe('');
    await closed('hendra', kapus, 'Didisposisi oleh Hendra Wijaya');
    await ephemeral('hendra', 'Disposisi dikirim kepada Sari Handayani');

    // Step 4: the Kabid dispositions on to Kasubbid Dewi.
    const kabid = await task('sari', 'Langkah 4/11');
    expect(kabid.text).toContain('Mohon dikoordinasikan dengan Subbid Sisfo');
    await click('sari', kabid, 'Disposisi');
    const kabidForm = await modal('pandu-disposition', 2);
    expect(optionValues(kabidForm, 'recipients')).toEqual(['bambang', 'dewi']);
    await submit('sari', kabidForm, dispositionValues(['dewi'], 'pelajari-laporkan'));
    await closed('sari', kabid, 'Didisposisi oleh Sari Handayani');

    // Step 5: Fajar cannot finish without the file; he shares the PPK list (CSV), then finishes.
    const entry = await task('fajar', 'Langkah 5/11');
    await click('fajar', entry, 'Selesai');
    await message('fajar', '⛔');
    await post(shareFile('fajar', 'daftar-ppk.csv', Buffer.from(ppkCsv())));
    await message('fajar', 'daftar-ppk.csv dilampirkan');
    await message('fajar', 'Berkas terlampir (1)', (m) => m.ts === entry.ts);
    await click('fajar', entry, 'Selesai');
    await closed('fajar', entry, 'Diselesaikan oleh Fajar Nugroho');

    // Step 6: Dewi verifies. Fajar pressing Dewi's button is refused and changes nothing.
    const verify = await task('dewi', 'Langkah 6/11');
    await post(clickRequest('fajar', verify, button(verify, 'Setujui')));
    await ephemeral('fajar', 'Tombol ini bukan untuk Anda');
    const stillOpen = await app.service.get(instanceId);
    expect(stillOpen?.runs.find((r) => !r.endedAt)).toMatchObject({
      stepId: 'verifikasi-data',
      assigneeId: 'dewi',
    });
    await click('dewi', verify, 'Setujui');
    await closed('dewi', verify, 'Disetujui oleh Dewi Lestari');

    // Step 7: the checklist (one item per account of the verified list, each with a "failed" button
    // beside it), ticked item by item; the step closes itself on the last one.
    const checklist = await task('fajar', 'Langkah 7/11');
    const items = buttonsOf(checklist)
      .filter((b) => b.label.startsWith('☐'))
      .map((b) => b.label.replace('☐ ', ''));
    expect(items).toHaveLength(2);
    for (const [index, item] of items.entries()) {
      await click('fajar', checklist, item);
      if (index < items.length - 1) {
        await waitFor(`tick ${index + 1}`, () =>
          buttonsOf(now('fajar', checklist)).filter((b) => b.label.startsWith('☑')).length === index + 1
            ? true
            : undefined,
        );
      }
    }
    await ephemeral('fajar', 'Semua butir selesai');
    await waitFor('the checklist closed', () =>
      buttonsOf(now('fajar', checklist)).length === 0 ? true : undefined,
    );

    // Step 8: the draft report.
    const draft = await task('fajar', 'Langkah 8/11');
    await post(shareFile('fajar', 'draft-laporan.pdf', Buffer.from('%PDF-1.4 draft v1')));
    await message('fajar', 'Berkas terlampir (1)', (m) => m.ts === draft.ts);
    await click('fajar', draft, 'Selesai');
    await closed('fajar', draft, 'Diselesaikan oleh Fajar Nugroho');

    // Step 9: Dewi returns the draft through the modal; an empty reason is refused in the form.
    const review = await task('dewi', 'Langkah 9/11');
    await click('dewi', review, 'Kembalikan');
    const returnForm = await modal('pandu-return', 3);
    const blank = await submit('dewi', returnForm, {
      reason: { input: { type: 'plain_text_input', value: '   ' } },
    });
    expect(blank.json).toEqual({
      response_action: 'errors',
      errors: { reason: 'Alasan pengembalian wajib diisi.' },
    });
    await submit('dewi', returnForm, {
      reason: { input: { type: 'plain_text_input', value: 'Lampiran pagu belum sesuai nota dinas' } },
    });
    await closed('dewi', review, 'Dikembalikan oleh Dewi Lestari');

    // Fajar gets the draft back with the reason, sends a new version, and Dewi approves it.
    const redo = await task('fajar', 'Langkah 8/11');
    expect(redo.text).toContain('Lampiran pagu belum sesuai nota dinas');
    await post(shareFile('fajar', 'draft-laporan-v2.pdf', Buffer.from('%PDF-1.4 draft v2')));
    await message('fajar', 'draft-laporan-v2.pdf', (m) => m.ts === redo.ts);
    await click('fajar', redo, 'Selesai');
    await closed('fajar', redo, 'Diselesaikan oleh Fajar Nugroho');
    const review2 = await task('dewi', 'Langkah 9/11');
    await click('dewi', review2, 'Setujui');
    await closed('dewi', review2, 'Disetujui oleh Dewi Lestari');

    // Step 10: the Kapus approves; step 11: Tata Usaha registers the outgoing letter.
    const approval = await task('hendra', 'Langkah 10/11');
    await click('hendra', approval, 'Setujui');
    await closed('hendra', approval, 'Disetujui oleh Hendra Wijaya');
    const outgoing = await task('tuti', 'Langkah 11/11');
    await click('tuti', outgoing, 'Catat');
    await closed('tuti', outgoing, 'Dicatat oleh Tuti Rahayu');
    const done = await message('ulp-biro-umum', 'selesai diproses');
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
    await quiet();
    // No task message anyone acted on still offers buttons, and no refusal came from a duplicate.
    for (const personId of Object.keys(slackIds)) {
      for (const sent of messages(personId).filter((m) => used.has(m.ts)))
        expect(buttonsOf(sent)).toEqual([]);
    }
    // The click on step 2 delivered twice was applied once: one note, no refusal.
    expect(ephemerals('tuti').filter((c) => str(c.params.text).includes('001/ND-M/'))).toHaveLength(1);
    expect(messages('tuti').filter((m) => (m.text ?? '').includes('⛔'))).toEqual([]);
    // Four files, each fetched once with the bot token; the retried nota dinas event started nothing.
    expect(standIn.calls(STAND_IN_ROUTES.download).map((c) => [c.token, c.status])).toEqual(
      Array.from({ length: 4 }, () => ['xoxb-test', 200]),
    );
    expect(
      messages('ulp-biro-umum').filter((m) => (m.text ?? '').includes('diterima dan diteruskan')),
    ).toHaveLength(1);

    // The App Home shows Dewi her recent actions and her unit's request.
    await post(signedEventRequest(appHomeOpenedEvent(slackId('dewi')), signing));
    await standIn.waitForCall(
      'views.publish',
      (c) => (c.params as { user_id?: string }).user_id === slackId('dewi'),
    );
    const home = JSON.stringify(standIn.homeView(slackId('dewi'))?.blocks);
    expect(home).toContain('Tugas terbuka (0)');
    expect(home).toContain('mengembalikan');
    expect(home).toContain('menyetujui');

    // /pandu tugas and /pandu status answer in the DM.
    await command('dewi', 'tugas');
    await message('dewi', 'Tidak ada tugas terbuka');
    await command('hendra', `status ${final?.agendaNumbers.incoming ?? ''}`);
    await message('hendra', 'Status: selesai');
  }, 90_000);
});
