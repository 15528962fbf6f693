import type { App } from '../../src/app.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { inviteCode } from '../support/app-rig.js';
import {
  inlineButtons,
  TelegramBotApiStandIn,
  type RecordedMessage,
  type SimUser,
} from '../support/telegram/index.js';
import {
  current,
  eventsOfType,
  startRequest,
  startTimeStandardsApp,
  testFlowsDir,
  timerJobs,
} from '../support/time-standards-rig.js';

/**
 * The escalation reaches the superior on Telegram with its three buttons, and each works:
 * Ingatkan nudges the performer, Alihkan lists the other holders of the position and hands
 * the step to the one chosen, Ambil alih makes the superior the performer.
 */
const people: Record<string, SimUser> = {
  rina: { id: 6101, first_name: 'Rina', language_code: 'id' },
  bambang: { id: 6102, first_name: 'Bambang', language_code: 'id' },
  fajar: { id: 6103, first_name: 'Fajar', language_code: 'id' },
};
const person = (id: string): SimUser => people[id] as SimUser;
const flows = testFlowsDir('2s');

describe('escalation buttons on Telegram', () => {
  let standIn: TelegramBotApiStandIn;
  let app: App;

  beforeAll(async () => {
    standIn = new TelegramBotApiStandIn({ token: '123456:TEST-escalation' });
    await standIn.start();
    app = await startTimeStandardsApp({
      flowsDir: flows.dir,
      env: { TELEGRAM_BOT_TOKEN: '123456:TEST-escalation', TELEGRAM_API_ROOT: standIn.apiRoot },
      channels: [createTelegramChannel],
    });
    for (const id of Object.keys(people)) {
      standIn.userSends(person(id), `/start ${await inviteCode(app, id)}`);
      await standIn.waitForMessage(person(id).id, (m) => (m.text ?? '').includes('Selamat datang'), 8000);
    }
  });

  afterAll(async () => {
    await app?.stop();
    await standIn?.stop();
    flows.remove();
  });

  const escalationFor = (instanceSubject: string) => (m: RecordedMessage) =>
    (m.text ?? '').includes('Eskalasi tingkat 1') &&
    (m.text ?? '').includes(instanceSubject) &&
    inlineButtons(m.replyMarkup).length === 3;

  test('Ingatkan, then Alihkan to Fajar', async () => {
    const instance = await startRequest(app, 'Permohonan A');
    const notice = await standIn.waitForMessage(person('bambang').id, escalationFor('Permohonan A'), 15_000);
    expect(notice.text).toContain('Rina Wulandari terlambat');
    expect(inlineButtons(notice.replyMarkup).map((b) => b.text)).toEqual([
      '🔔 Ingatkan',
      '🔀 Alihkan',
      '🙋 Ambil alih',
    ]);
    // Rina was told it was escalated.
    await standIn.waitForMessage(
      person('rina').id,
      (m) => (m.text ?? '').includes('telah dieskalasi kepada Bambang Sutrisno'),
      8000,
    );

    const nudge = standIn.userTapsButton(person('bambang'), notice, '🔔 Ingatkan');
    expect((await standIn.waitForCallbackAnswer(nudge)).text).toContain('Rina Wulandari sudah diingatkan');
    await standIn.waitForMessage(
      person('rina').id,
      (m) => (m.text ?? '').includes('Bambang Sutrisno mengingatkan Anda'),
      8000,
    );

    const before = standIn.sentTo(person('bambang').id).at(-1)?.messageId ?? 0;
    standIn.userTapsButton(person('bambang'), notice, '🔀 Alihkan');
    const choice = await standIn.waitForMessage(
      person('bambang').id,
      (m) => m.messageId > before && (m.text ?? '').includes('Alihkan'),
      8000,
    );
    expect(inlineButtons(choice.replyMarkup).map((b) => b.text)).toEqual([
      'Fajar Nugroho (Subbidang Sistem Informasi)',
    ]);
    const reassign = standIn.userTapsButton(
      person('bambang'),
      choice,
      'Fajar Nugroho (Subbidang Sistem Informasi)',
    );
    expect((await standIn.waitForCallbackAnswer(reassign)).text).toContain('Fajar Nugroho');

    await standIn.waitForMessage(
      person('fajar').id,
      (m) => (m.text ?? '').includes('Permohonan A') && inlineButtons(m.replyMarkup).length > 0,
      8000,
    );
    const after = await current(app, instance.id);
    expect(eventsOfType(after, 'nudged')).toMatchObject([{ actorId: 'bambang', data: { to: 'rina' } }]);
    expect(eventsOfType(after, 'reassigned')).toMatchObject([
      { actorId: 'bambang', data: { from: 'rina', to: 'fajar' } },
    ]);
    const firstRun = after.runs.find((r) => r.stepId === 'telaah' && r.assigneeId === 'rina');
    expect(firstRun?.outcome).toBe('reassigned');
    // Rina's run lost its timers; the run Fajar got has its own.
    expect(await timerJobs(app, { 'data.instanceId': instance.id, 'data.runId': firstRun?.runId })).toEqual(
      [],
    );
  });

  test('Ambil alih makes Bambang the performer', async () => {
    const instance = await startRequest(app, 'Permohonan B');
    const notice = await standIn.waitForMessage(person('bambang').id, escalationFor('Permohonan B'), 15_000);
    const takeOver = standIn.userTapsButton(person('bambang'), notice, '🙋 Ambil alih');
    await standIn.waitForCallbackAnswer(takeOver);
    await standIn.waitForMessage(
      person('bambang').id,
      (m) =>
        (m.text ?? '').includes('Permohonan B') &&
        (m.text ?? '').includes('Langkah 2/3') &&
        inlineButtons(m.replyMarkup).length > 0,
      8000,
    );
    const after = await current(app, instance.id);
    expect(eventsOfType(after, 'taken-over')).toMatchObject([
      { actorId: 'bambang', data: { from: 'rina', to: 'bambang' } },
    ]);
    expect(after.runs.find((r) => r.stepId === 'telaah' && !r.endedAt)?.assigneeId).toBe('bambang');
    // The same button tapped again changes nothing and says the task was already handed over.
    const again = standIn.userTapsButton(person('bambang'), notice, '🙋 Ambil alih');
    expect((await standIn.waitForCallbackAnswer(again)).text).toMatch(
      /^Tugas ini sudah dialihkan oleh Bambang Sutrisno pukul \d\d:\d\d W/,
    );
    expect(eventsOfType(await current(app, instance.id), 'taken-over')).toHaveLength(1);
    // Alihkan on a run that has ended says so instead of listing people.
    const stale = standIn.userTapsButton(person('bambang'), notice, '🔀 Alihkan');
    expect((await standIn.waitForCallbackAnswer(stale)).text).toContain('sudah');
  });
});
