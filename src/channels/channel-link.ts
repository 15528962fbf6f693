import pRetry, { AbortError } from 'p-retry';
import type { Logger } from '../logger.js';

/**
 * A channel's connection to its platform, as /readyz reports it:
 * - `connecting`: not (or no longer) working, and being tried again with back-off (`reason` is the
 *   last failure, `nextAttemptAt` the next try);
 * - `up`: the platform answered and the channel receives and sends;
 * - `down`: the platform refused (a revoked token): no more tries until the configuration changes.
 * `since` is when the channel entered its state.
 */
export type ChannelState = 'up' | 'connecting' | 'down';

export interface ChannelStatus {
  state: ChannelState;
  since: string;
  reason?: string;
  /** Failed attempts since the channel last was up. */
  failures?: number;
  nextAttemptAt?: string;
}

/** What the platform answered: worth another try, or a refusal that no retry changes. */
export type FailureKind = 'retry' | 'refused';

export interface ChannelLinkOptions {
  name: string;
  logger: Logger;
  /** One attempt to reach the platform and start receiving; rejects when it could not. */
  connect(signal: AbortSignal): Promise<void>;
  classify(error: unknown): FailureKind;
  /** Called each time an attempt succeeded and the channel is up (work that must not hold it up). */
  onUp?: () => void;
  /** Back-off between attempts (defaults: 1 s doubling to 60 s). */
  minDelayMs?: number;
  maxDelayMs?: number;
  now?: () => Date;
}

/**
 * Keeps a channel connected without holding up the service: `start()` returns at once and the
 * attempts run in the background, each failure logged; `lost()` (polling stopped, a socket
 * closed) starts them again. `stop()` ends the waiting at any moment.
 */
export class ChannelLink {
  private current: ChannelStatus;
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;
  private failures = 0;

  constructor(private readonly options: ChannelLinkOptions) {
    this.current = { state: 'connecting', since: this.now() };
  }

  status(): ChannelStatus {
    return { ...this.current };
  }

  start(): void {
    if (this.abort.signal.aborted || this.running) return;
    this.running = this.attempts().finally(() => {
      this.running = undefined;
    });
  }

  /** The channel stopped working after it was up: back to `connecting`, and tried again. */
  lost(error: unknown): void {
    if (this.abort.signal.aborted) return;
    const kind = this.options.classify(error);
    this.failed(error, kind);
    if (kind === 'retry') this.start();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private async attempts(): Promise<void> {
    const { minDelayMs = 1000, maxDelayMs = 60_000, logger, name } = this.options;
    const signal = this.abort.signal;
    try {
      await pRetry(
        async () => {
          try {
            await this.options.connect(signal);
          } catch (error) {
            if (signal.aborted) throw new AbortError('stopped');
            if (this.options.classify(error) === 'refused') throw new AbortError(describe(error));
            throw error;
          }
        },
        {
          retries: Number.POSITIVE_INFINITY,
          minTimeout: minDelayMs,
          maxTimeout: maxDelayMs,
          factor: 2,
          signal,
          onFailedAttempt: ({ error, attemptNumber }) => {
            // p-retry's next wait, without jitter: the first doubled each time, at most the last.
            this.failed(error, 'retry', Math.min(maxDelayMs, minDelayMs * 2 ** (attemptNumber - 1)));
          },
        },
      );
      this.failures = 0;
      this.current = { state: 'up', since: this.now() };
      logger.info({ channel: name }, `${name}: connected`);
      this.options.onUp?.();
    } catch (error) {
      if (signal.aborted) return;
      this.failed(error, 'refused');
    }
  }

  private failed(error: unknown, kind: FailureKind, retryDelay?: number): void {
    this.failures += 1;
    const reason = describe(error);
    const state: ChannelState = kind === 'refused' ? 'down' : 'connecting';
    const since = this.current.state === state ? this.current.since : this.now();
    this.current = {
      state,
      since,
      reason,
      failures: this.failures,
      ...(retryDelay !== undefined
        ? { nextAttemptAt: new Date(this.clock().getTime() + retryDelay).toISOString() }
        : {}),
    };
    const log = this.options.logger;
    if (state === 'down')
      log.error({ channel: this.options.name, reason }, `${this.options.name}: refused, not retrying`);
    else
      log.warn(
        { channel: this.options.name, reason, failures: this.failures, retryInMs: retryDelay },
        `${this.options.name}: cannot reach the platform, retrying`,
      );
  }

  private clock(): Date {
    return this.options.now?.() ?? new Date();
  }

  private now(): string {
    return this.clock().toISOString();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
