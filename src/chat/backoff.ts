/** The longest wait between two tries of a send, whatever failed. */
export const MAX_RETRY_DELAY_MS = 60_000;

/**
 * How long to wait before the next try of a send that failed for a passing reason (network,
 * 5xx): 500 ms after the first failure, doubling up to 60 s. The one back-off of the outbox and
 * of the channels' direct replies.
 */
export function retryDelayMs(failures: number): number {
  return Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** Math.min(Math.max(failures, 1) - 1, 7));
}
