import type { App } from '../../src/app.js';
import { officeCalendarFeature } from '../../src/features/office-calendar/index.js';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../src/storage/embedded-mongo.js';
import { startTestApp } from '../support/app-rig.js';
import { ManualClock } from '../support/fakes/memory-ports.js';

/**
 * The office-calendar feature in the real service: in December 2026 the 2027 file is provisional
 * (not yet checked against the SKB), so `/healthz` says so and the admins get one chat message a
 * week, even with two service processes on one database, and another the next week.
 */
describe('the office calendar in the service', () => {
  let mongo: EmbeddedMongo;
  const apps: App[] = [];
  const clock = new ManualClock(new Date('2026-12-01T03:00:00Z')); // Tuesday 10:00 WIB

  beforeAll(async () => {
    mongo = await startEmbeddedMongo({ port: 0 });
    for (let i = 0; i < 2; i++) {
      apps.push(
        await startTestApp({
          mongoUri: mongo.uri,
          features: [officeCalendarFeature({ checkEveryMs: 3_600_000 })],
          extra: { clock },
          start: false,
        }),
      );
    }
  });

  afterAll(async () => {
    for (const app of apps) await app.stop();
    await mongo?.stop();
  });

  const api = (app: App) => {
    const found = app.feature(officeCalendarFeature());
    if (!found) throw new Error('office calendar not installed');
    return found;
  };
  const reminders = async (app: App) =>
    (await app.storage.models.Outbox.find({ 'prompt.instanceId': 'office-calendar' }).lean()).map(
      (d) => d.prompt as unknown as { to: string; lines: Array<{ key: string }> },
    );

  test('the admins get one reminder a week from two processes, and /healthz reports the calendar provisional', async () => {
    const [first, second] = apps as [App, App];
    await Promise.all([api(first).checkNow(), api(second).checkNow(), api(first).checkNow()]);
    const sent = await reminders(first);
    // The example org's admin is the Kapus (Hendra): one message, whatever ran it.
    expect(sent.map((p) => p.to)).toEqual(['hendra']);
    expect(sent[0]?.lines.map((l) => l.key)).toEqual(
      expect.arrayContaining(['calendar-reminder-title', 'calendar-reminder-howto']),
    );

    clock.set('2026-12-08T03:00:00Z'); // the next week
    await Promise.all([api(second).checkNow(), api(first).checkNow()]);
    expect(await reminders(first)).toHaveLength(2);

    await first.start();
    const health = (await (await fetch(`http://127.0.0.1:${first.port()}/healthz`)).json()) as {
      ok: boolean;
      'office-calendar': { provisional: boolean; warnings: Array<{ text: string }> };
    };
    expect(health.ok).toBe(true);
    expect(health['office-calendar'].provisional).toBe(true);
    expect(health['office-calendar'].warnings.map((w) => w.text).join('\n')).toMatch(/2027/);
  });
});
