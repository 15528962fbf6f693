/**
 * Undeliverable messages are visible (issue 15, failure 3): `/healthz` counts them, the dashboard
 * lists them (person, request, step, when, reason, the command to send one again) and only admins
 * see other people's. The real service with the reports feature on the embedded database.
 */
import { Types } from 'mongoose';
import { reportsFeature } from '../../src/features/reports/reports-app.js';
import { SESSION_COOKIE } from '../../src/features/reports/dashboard/http-kit.js';
import { startDashboardRig, type DashboardRig } from '../support/dashboard/dashboard-rig.js';

describe('undeliverable messages on the dashboard and /healthz', () => {
  let rig: DashboardRig;
  const ids = { rina: new Types.ObjectId(), tuti: new Types.ObjectId() };

  beforeAll(async () => {
    rig = await startDashboardRig('pandu-dashboard-undelivered');
    const failed = (id: Types.ObjectId, to: string, runId: string, error: string, at: string) => ({
      _id: id,
      promptId: `${rig.letters.server.id}:${to}:1`,
      prompt: {
        id: `${rig.letters.server.id}:${to}:1`,
        to,
        instanceId: rig.letters.server.id,
        runId,
        kind: 'task',
      },
      status: 'failed',
      attempts: 1,
      notBefore: new Date(0),
      leasedUntil: new Date(0),
      lastError: error,
      failedAt: new Date(at),
      createdAt: new Date(at),
      seq: 0,
    });
    await rig.app.storage.models.Outbox.collection.insertMany([
      failed(
        ids.rina,
        'rina',
        'input-data-ppk#1',
        'Bad Request: strings must be encoded in UTF-8',
        '2026-11-30T02:00:00Z',
      ),
      failed(
        ids.tuti,
        'tuti',
        'agenda-surat-masuk#1',
        'tuti has no linked chat account',
        '2026-11-30T02:30:00Z',
      ),
    ]);
  }, 60_000);

  afterAll(async () => {
    await rig?.stop();
  });

  async function get(path: string, personId: string): Promise<string> {
    const session = await rig.app.feature(reportsFeature())?.dashboardSessions.start(personId, 'link');
    const response = await fetch(`${rig.base}${path}`, {
      headers: { cookie: `${SESSION_COOKIE}=${session?.cookie ?? ''}` },
    });
    expect(response.status).toBe(200);
    return response.text();
  }

  test('/healthz counts the failed messages', async () => {
    const health = (await (await fetch(`${rig.base}/healthz`)).json()) as { outbox: { failed: number } };
    expect(health.outbox.failed).toBe(2);
  });

  test('an admin sees every undeliverable message: whose, which request and step, when, why, how to retry', async () => {
    const page = await get('/dasbor/tak-terkirim', 'hendra');
    const rows = page.split('<tr data-id=').slice(1);
    expect(rows).toHaveLength(2);
    const rina = rows.find((r) => r.includes(ids.rina.toHexString())) ?? '';
    expect(rina).toContain('Rina Wulandari');
    expect(rina).toContain('010/ND-M/PUSDATINKOMTEL/XI/2026');
    expect(rina).toMatch(/Input|PPK/);
    expect(rina).toContain('strings must be encoded in UTF-8');
    expect(rina).toContain(`outbox retry ${ids.rina.toHexString()}`);
    expect(await get('/dasbor', 'hendra')).toContain('2 pesan tidak dapat dikirim');
  });

  test('anyone else sees only the messages meant for them, and no count on the overview', async () => {
    const rina = await get('/dasbor/tak-terkirim', 'rina');
    expect(rina.split('<tr data-id=').slice(1)).toHaveLength(1);
    expect(rina).not.toContain(ids.tuti.toHexString());
    const sari = await get('/dasbor/tak-terkirim', 'sari');
    expect(sari).toContain('Tidak ada pesan yang gagal dikirim.');
    expect(await get('/dasbor', 'sari')).not.toContain('tidak dapat dikirim');
  });
});
