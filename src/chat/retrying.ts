import { retryDelayMs } from './backoff.js';
import { ChannelRateLimitedError, ChannelTransientError } from './errors.js';

/** How long in all a direct reply may wait for a platform that fails for a passing reason. */
export const REPLY_RETRY_BUDGET_MS = 60_000;

export interface RetryOptions {
  /** The most time spent waiting between tries, in all (default REPLY_RETRY_BUDGET_MS). */
  budgetMs?: number;
  /**
   * How long to wait after a failure (the `failures`-th in a row) before trying again, or
   * undefined when trying again cannot help. Default: `passingDelay`.
   */
  delayFor?: (error: unknown, failures: number) => number | undefined;
  /** Told before each wait (to log it). */
  onRetry?: (error: unknown, waitMs: number, failures: number) => void;
}

/**
 * The wait before another try of a send that failed for a passing reason: what a 429 asks for,
 * the shared back-off (`retryDelayMs`) after a network error or a 5xx; nothing for the rest.
 */
export function passingDelay(error: unknown, failures: number): number | undefined {
  if (error instanceof ChannelRateLimitedError) return error.retryAfterMs;
  if (error instanceof ChannelTransientError) return retryDelayMs(failures);
  return undefined;
}

/**
 * Runs `call` until it succeeds, waiting as `delayFor` says after each passing failure, as long
 * as the waits fit in the budget; then the last failure is thrown. For what the channels send
 * straight back to a person (the outbox reschedules by itself, with the same back-off).
 */
export async function withRetries<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const budget = options.budgetMs ?? REPLY_RETRY_BUDGET_MS;
  const delayFor = options.delayFor ?? passingDelay;
  let waited = 0;
  for (let failures = 1; ; failures++) {
    try {
      return await call();
    } catch (error) {
      const wait = delayFor(error, failures);
      if (wait === undefined || waited + wait > budget) throw error;
      options.onRetry?.(error, wait, failures);
      await new Promise((resolve) => setTimeout(resolve, wait));
      waited += wait;
    }
  }
}
