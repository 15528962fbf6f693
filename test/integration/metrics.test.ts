import { Writable } from 'node:stream';
import type { App } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { startTestApp } from '../support/app-rig.js';
import { ManualClock } from '../support/fakes/memory-ports.js';

const TOKEN = 'metrics-token-0123456789';
const SUBJECT = 'Pemanfaatan SPSE rahasia 2027';
const clock = new ManualClock(new Date('2026-11-23T02:00:00Z')); // Monday 09:00 in Jakarta
const logged: Array<Record<string, unknown>> = [];
let app: App;

beforeAll(async () => {
  const logs = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        logged.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  app = await startTestApp({
    env: { METRICS_TOKEN: TOKEN },
    features: [],
    extra: { clock, logger: createLogger('info', logs) },
  });
});

afterAll(async () => {
  await app.stop();
});

async function scrape(token?: string): Promise<{ status: number; text: string; type: string | null }> {
  const response = await fetch(`http://127.0.0.1:${app.port()}/metrics`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

/** The value of one series, by its name and labels as Prometheus prints them. */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : undefined;
}

async function startAndRegister(): Promise<{ instanceId: string; openStep: string }> {
  const started = await app.service.start({
    flowId: 'spse-eproc',
    requesterId: 'ulp-biro-umum',
    subject: SUBJECT,
    channel: 'cli',
    idempotencyKey: `metrics-start-${logged.length}`,
  });
  if (!started.ok) throw new Error(started.refusal.code);
  const register = started.instance.runs.find((r) => !r.endedAt);
  const done = await app.service.act({
    instanceId: started.instance.id,
    runId: register?.runId ?? '',
    actorId: register?.assigneeId ?? '',
    channel: 'cli',
    idempotencyKey: `metrics-register-${started.instance.id}`,
    type: 'complete',
  });
  if (!done.ok) throw new Error(done.refusal.code);
  const open = done.instance.runs.find((r) => !r.endedAt);
  return { instanceId: done.instance.id, openStep: open?.stepId ?? '' };
}

describe('/metrics', () => {
  test('needs the bearer token when one is configured', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('wrong-token-0123456789')).status).toBe(401);
    const allowed = await scrape(TOKEN);
    expect(allowed.status).toBe(200);
    expect(allowed.type).toContain('text/plain');
    expect(allowed.text).toContain('pandu_process_resident_memory_bytes');
  });

  test('counts actions by kind and channel, open and overdue steps by flow and step, requests by route', async () => {
    const { openStep } = await startAndRegister();
    const before = await scrape(TOKEN);
    expect(value(before.text, 'pandu_actions_total{kind="instance-started",channel="cli"}')).toBe(1);
    expect(value(before.text, 'pandu_actions_total{kind="agenda-registered",channel="cli"}')).toBe(1);
    expect(value(before.text, 'pandu_actions_total{kind="step-completed",channel="cli"}')).toBeUndefined();
    expect(value(before.text, 'pandu_actions_total{kind="step-started",channel="system"}')).toBeUndefined();
    expect(value(before.text, `pandu_steps_open{flow="spse-eproc",step="${openStep}"}`)).toBe(1);
    expect(value(before.text, `pandu_steps_overdue{flow="spse-eproc",step="${openStep}"}`)).toBe(0);
    expect(value(before.text, 'pandu_outbox_messages{status="pending"}')).toBeGreaterThan(0);
    expect(value(before.text, 'pandu_http_requests_total{route="/metrics",method="GET",status="401"}')).toBe(
      2,
    );

    clock.advance(30 * 24 * 3600_000);
    const after = await scrape(TOKEN);
    expect(value(after.text, `pandu_steps_overdue{flow="spse-eproc",step="${openStep}"}`)).toBe(1);
    await fetch(`http://127.0.0.1:${app.port()}/no/such/path`);
    expect(
      value((await scrape(TOKEN)).text, 'pandu_http_requests_total{route="other",method="GET",status="404"}'),
    ).toBe(1);
  });

  test('logs each action once at info with instance, step, actor and channel, and not the subject', async () => {
    const { instanceId } = await startAndRegister();
    const lines = logged.filter((l) => l['instanceId'] === instanceId && typeof l['action'] === 'string');
    expect(lines.map((l) => l['action'])).toEqual(['instance-started', 'agenda-registered']);
    expect(lines[1]).toMatchObject({
      level: 30,
      flowId: 'spse-eproc',
      channel: 'cli',
    });
    expect(typeof lines[1]?.['stepId']).toBe('string');
    expect(typeof lines[1]?.['actorId']).toBe('string');
    expect(JSON.stringify(logged)).not.toContain(SUBJECT);
  });
});
