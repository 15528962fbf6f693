import { GrammyError, HttpError } from 'grammy';
import { ChannelPermanentError, ChannelRateLimitedError, ChannelTransientError } from '../../chat/errors.js';

/** Turns a Bot API failure into what the dispatcher understands: wait, retry, or give up. */
export function toChannelError(error: unknown): Error {
  if (error instanceof GrammyError) {
    if (error.error_code === 429) {
      return new ChannelRateLimitedError((error.parameters.retry_after ?? 1) * 1000, { cause: error });
    }
    if (error.error_code >= 500) return new ChannelTransientError(error.description, { cause: error });
    return new ChannelPermanentError(error.description, { cause: error });
  }
  if (error instanceof HttpError) return new ChannelTransientError(error.message, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

/** A file_id Telegram no longer knows (another bot's, or expired): send the bytes instead. */
export function isStaleFileId(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && /file|wrong/i.test(error.description);
}

export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.description.includes('message is not modified');
}
