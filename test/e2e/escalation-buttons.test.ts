import type { App } from '../../src/app.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { inviteCode } from '../support/app-rig.js';
import { hasText, isTask, standInEnv, telegramPeople, type MessagePredicate } from '../support/e2e/index.js';
import { inlineButtons, TelegramBotApiStandIn, type SimUser } from '../support/telegram/index.js';
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
const TOKEN = '123456:TEST-escalation';
const flows = testFlowsDir('2s');
/** How long a test waits for the escalation (the flow's standard is 2 s). */
const ESCALATION_WAIT_MS = 15_000;

describe('escalation buttons on Telegram', () => {
  const standIn = new TelegramBotApiStandIn({ token: TOKEN });
  const tg = telegramPeople(standIn, people);
  let app: App;

  beforeAll(async () => {
    await standIn.start();
    app = await startTimeStandardsApp({
      flowsDir: flows.dir,
      env: standInEnv({ telegram: { standIn, token: TOKEN } }),
      channels: [createTelegramChannel],
    });
    for (const id of Object.keys(people)) await tg.link(id, await inviteCode(app, id));
  });

  afterAll(async () => {
    await app?.stop();
    await standIn.stop();
    flows.remove();
  });

  const escalationFor =
    (instanceSubject: string): MessagePredicate =>
    (m) =>
      hasText('Eskalasi tingkat 1')(m) &&
      hasText(instanceSubject)(m) &&
      inlineButtons(m.replyMarkup).length === 3;

  test('Ingatkan, then Alihkan to Fajar', async () => {
    const instance = await startRequest(app, 'Permohonan A');
    const notice = await tg.next('bambang', escalationFor('Permohonan A'), 0, ESCALATION_WAIT_MS);
    expect(notice.text).toContain('Rina Wulandari terlambat');
    expect(inlineButtons(notice.replyMarkup).map((b) => b.text)).toEqual([
      '🔔 Ingatkan',
      '🔀 Alihkan',
      '🙋 Ambil alih',
    ]);
    // Rina was told it was escalated.
    await tg.next('rina', hasText('telah dieskalasi kepada Bambang Sutrisno'));

    const nudge = tg.tap('bambang', notice, '🔔 Ingatkan');
    expect((await standIn.waitForCallbackAnswer(nudge)).text).toContain('Rina Wulandari sudah diingatkan');
    await tg.next('rina', hasText('Bambang Sutrisno mengingatkan Anda'));

    const before = tg.lastId('bambang');
    tg.tap('bambang', notice, '🔀 Alihkan');
    const choice = await tg.next('bambang', hasText('Alihkan'), before);
    expect(inlineButtons(choice.replyMarkup).map((b) => b.text)).toEqual([
      'Fajar Nugroho (Subbidang Sistem Informasi)',
    ]);
    const reassign = tg.tap('bambang', choice, 'Fajar Nugroho (Subbidang Sistem Informasi)');
    expect((await standIn.waitForCallbackAnswer(reassign)).text).toContain('Fajar Nugroho');

    await tg.taskFor('fajar', 'Permohonan A');
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
    const notice = await tg.next('bambang', escalationFor('Permohonan B'), 0, ESCALATION_WAIT_MS);
    const takeOver = tg.tap('bambang', notice, '🙋 Ambil alih');
    await standIn.waitForCallbackAnswer(takeOver);
    await tg.next('bambang', (m) => hasText('Permohonan B')(m) && isTask('Langkah 2/3')(m));
    const after = await current(app, instance.id);
    expect(eventsOfType(after, 'taken-over')).toMatchObject([
      { actorId: 'bambang', data: { from: 'rina', to: 'bambang' } },
    ]);
    expect(after.runs.find((r) => r.stepId === 'telaah' && !r.endedAt)?.assigneeId).toBe('bambang');
    // The same button tapped again changes nothing and says the task was already handed over.
    const again = tg.tap('bambang', notice, '🙋 Ambil alih');
    expect((await standIn.waitForCallbackAnswer(again)).text).toMatch(
      /^Tugas ini sudah dialihkan oleh Bambang Sutrisno pukul \d\d:\d\d W/,
    );
    expect(eventsOfType(await current(app, instance.id), 'taken-over')).toHaveLength(1);
    // Alihkan on a run that has ended says so instead of listing people.
    const stale = tg.tap('bambang', notice, '🔀 Alihkan');
    expect((await standIn.waitForCallbackAnswer(stale)).text).toContain('sudah');
  });
});
