import type { Transformer } from 'grammy';

/**
 * For direct replies (not the outbox, which reschedules by itself): on a 429, wait the
 * `retry_after` Telegram asks for (up to `maxWaitSeconds`) and try again, a few times.
 */
export function retryAfterTransformer(
  options: { maxAttempts?: number; maxWaitSeconds?: number } = {},
): Transformer {
  const maxAttempts = options.maxAttempts ?? 3;
  const maxWait = options.maxWaitSeconds ?? 10;
  return async (prev, method, payload, signal) => {
    for (let attempt = 1; ; attempt++) {
      const result = await prev(method, payload, signal);
      const retryAfter = result.ok ? undefined : result.parameters?.retry_after;
      if (
        result.ok ||
        result.error_code !== 429 ||
        retryAfter === undefined ||
        retryAfter > maxWait ||
        attempt >= maxAttempts
      ) {
        return result;
      }
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    }
  };
}
