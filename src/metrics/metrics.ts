/**
 * What the service counts and times, as the parts that see it tell it. The parts depend on this
 * small interface only; the Prometheus registry behind it (prometheus.ts) is chosen in the
 * composition root, and a part without metrics gets `noMetrics`.
 */
export interface ServiceMetrics {
  /** A person's or the system's action was saved (approve, return, dispose, escalate...). */
  action(kind: string, channel: string): void;
  /** One call to a chat platform by the outbox (send, edit, file): how long, and whether it worked. */
  platformCall(platform: string, operation: string, ok: boolean, seconds: number): void;
  /** An escalation was sent this long after it became due. */
  escalationLate(level: number, seconds: number): void;
  /** An HTTP request was answered (`route`: the path of a known route, else `other`). */
  httpRequest(route: string, method: string, status: number): void;
}

export const noMetrics: ServiceMetrics = {
  action: () => undefined,
  platformCall: () => undefined,
  escalationLate: () => undefined,
  httpRequest: () => undefined,
};

/** Open steps of one flow's step, and how many of them are past their due time. */
export interface OpenStepCount {
  flowId: string;
  stepId: string;
  open: number;
  overdue: number;
}

/** What is read when the metrics are scraped (counts kept in the database). */
export interface MetricSources {
  outbox(): Promise<Record<'pending' | 'sent' | 'failed', number>>;
  openSteps(): Promise<OpenStepCount[]>;
}
