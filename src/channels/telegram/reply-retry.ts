import { HttpError, type Transformer } from 'grammy';
import type { ApiError } from 'grammy/types';
import { retryDelayMs } from '../../chat/backoff.js';
import { withRetries, type RetryOptions } from '../../chat/retrying.js';

/** The Bot API methods that put something in front of a person: their direct replies. */
const REPLY_METHODS = new Set([
  'sendMessage',
  'editMessageText',
  'editMessageReplyMarkup',
  'sendDocument',
  'answerCallbackQuery',
]);

/** A tap's answer is of use only while the button still spins: it gets a short budget. */
const CALLBACK_ANSWER_BUDGET_MS = 10_000;

/** A Bot API answer worth trying again (429, 5xx), carried through the retry loop. */
class PassingFailure extends Error {
  constructor(readonly result: ApiError) {
    super(result.description);
  }
}

/**
 * For direct replies (not the outbox, which reschedules by itself, and not getUpdates, which
 * grammY's polling retries): on a 429 wait the `retry_after` Telegram asks for, on a 5xx or a
 * network error the outbox's back-off (`retryDelayMs`), and try again while the waits fit in about
 * a minute. Then the last failure stands, as it would have without retries.
 */
export function replyRetryTransformer(options: Pick<RetryOptions, 'budgetMs' | 'onRetry'> = {}): Transformer {
  return async (prev, method, payload, signal) => {
    if (!REPLY_METHODS.has(method)) return prev(method, payload, signal);
    const budgetMs =
      method === 'answerCallbackQuery'
        ? Math.min(CALLBACK_ANSWER_BUDGET_MS, options.budgetMs ?? CALLBACK_ANSWER_BUDGET_MS)
        : options.budgetMs;
    try {
      return await withRetries(
        async () => {
          const result = await prev(method, payload, signal);
          if (!result.ok && (result.error_code === 429 || result.error_code >= 500))
            throw new PassingFailure(result);
          return result;
        },
        {
          ...(budgetMs !== undefined ? { budgetMs } : {}),
          ...(options.onRetry ? { onRetry: options.onRetry } : {}),
          delayFor: (error, failures) => {
            if (error instanceof PassingFailure) {
              const retryAfter = error.result.parameters?.retry_after;
              return error.result.error_code === 429 && retryAfter !== undefined
                ? retryAfter * 1000
                : retryDelayMs(failures);
            }
            return error instanceof HttpError && !signal?.aborted ? retryDelayMs(failures) : undefined;
          },
        },
      );
    } catch (error) {
      if (error instanceof PassingFailure) return error.result;
      throw error;
    }
  };
}
