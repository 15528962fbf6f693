import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MetricSources, OpenStepCount, ServiceMetrics } from './metrics.js';

/**
 * The `pandu_` series in a registry of the service's own (not prom-client's global one, so two
 * services in one process, as in the tests, do not share counts). Counters and histograms are
 * kept in memory per process; the outbox and open-step gauges are read from the database when
 * /metrics is scraped, so every process reports the same figures for them.
 */
export class PrometheusMetrics implements ServiceMetrics {
  readonly registry = new Registry();
  private readonly actions: Counter<'kind' | 'channel'>;
  private readonly calls: Histogram<'platform' | 'operation' | 'outcome'>;
  private readonly lateness: Histogram<'level'>;
  private readonly requests: Counter<'route' | 'method' | 'status'>;

  constructor(sources: MetricSources, labels: Record<string, string> = {}) {
    const registers = [this.registry];
    this.registry.setDefaultLabels(labels);
    collectDefaultMetrics({ register: this.registry, prefix: 'pandu_' });
    this.actions = new Counter({
      name: 'pandu_actions_total',
      help: 'Actions saved, by kind (approve, return, dispose, escalated...) and channel.',
      labelNames: ['kind', 'channel'],
      registers,
    });
    this.calls = new Histogram({
      name: 'pandu_outbox_send_seconds',
      help: 'Time of one call to a chat platform by the outbox (send, edit, file), by outcome.',
      labelNames: ['platform', 'operation', 'outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.lateness = new Histogram({
      name: 'pandu_escalation_lateness_seconds',
      help: 'How long after it became due an escalation was sent (level 1: after the step was due).',
      labelNames: ['level'],
      buckets: [1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 24 * 3600],
      registers,
    });
    this.requests = new Counter({
      name: 'pandu_http_requests_total',
      help: 'HTTP requests answered, by route, method and status.',
      labelNames: ['route', 'method', 'status'],
      registers,
    });
    new Gauge({
      name: 'pandu_outbox_messages',
      help: 'Outbox entries by status (pending: waiting to be sent; failed: given up).',
      labelNames: ['status'],
      registers,
      async collect() {
        const counts = await sources.outbox();
        for (const [status, count] of Object.entries(counts)) this.set({ status }, count);
      },
    });
    // Both step gauges are collected at once on a scrape: they share one read of the database.
    let reading: Promise<OpenStepCount[]> | undefined;
    const openSteps = (): Promise<OpenStepCount[]> =>
      (reading ??= sources.openSteps().finally(() => {
        reading = undefined;
      }));
    const stepGauge = (name: string, help: string, value: (count: OpenStepCount) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['flow', 'step'],
        registers,
        async collect() {
          const counts = await openSteps();
          this.reset();
          for (const count of counts) this.set({ flow: count.flowId, step: count.stepId }, value(count));
        },
      });
    stepGauge('pandu_steps_open', 'Open steps (someone must act), by flow and step.', (c) => c.open);
    stepGauge('pandu_steps_overdue', 'Open steps past their due time, by flow and step.', (c) => c.overdue);
  }

  action(kind: string, channel: string): void {
    this.actions.inc({ kind, channel });
  }

  platformCall(platform: string, operation: string, ok: boolean, seconds: number): void {
    this.calls.observe({ platform, operation, outcome: ok ? 'ok' : 'error' }, seconds);
  }

  escalationLate(level: number, seconds: number): void {
    this.lateness.observe({ level: String(level) }, Math.max(0, seconds));
  }

  httpRequest(route: string, method: string, status: number): void {
    this.requests.inc({ route, method, status: String(status) });
  }

  /** The exposition text, and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
