import { GrammyError, HttpError } from 'grammy';
import {
  ChannelContentRefusedError,
  ChannelPermanentError,
  ChannelRateLimitedError,
  ChannelTransientError,
  type RefusedPart,
} from '../../chat/errors.js';

/** Turns a Bot API failure into what the dispatcher understands: wait, retry, or give up. */
export function toChannelError(error: unknown): Error {
  if (error instanceof GrammyError) {
    if (error.error_code === 429) {
      return new ChannelRateLimitedError((error.parameters.retry_after ?? 1) * 1000, { cause: error });
    }
    if (error.error_code >= 500) return new ChannelTransientError(error.description, { cause: error });
    const part = refusedPart(error);
    if (part) return new ChannelContentRefusedError(error.description, part, { cause: error });
    return new ChannelPermanentError(error.description, { cause: error });
  }
  if (error instanceof HttpError) return new ChannelTransientError(error.message, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

/** A failure that may pass by itself: a network error, a 5xx, a 429. */
export function isPassing(error: unknown): boolean {
  return (
    error instanceof HttpError ||
    (error instanceof GrammyError && (error.error_code === 429 || error.error_code >= 500))
  );
}

/**
 * A 400 about the chat itself (no such chat, no rights there) or about the message to edit (gone,
 * too old): no rendering of the message helps.
 */
const ABOUT_THE_CHAT =
  /chat not found|user not found|peer_id_invalid|not enough rights|have no rights|message to edit not found|message can't be edited|message_id_invalid/i;
/** A 400 about the buttons (callback data, markup). */
const ABOUT_THE_BUTTONS = /button|markup|keyboard/i;

/** What part of the message a 400 refused, or nothing when it refused the chat, not the message. */
function refusedPart(error: GrammyError): RefusedPart | undefined {
  if (error.error_code !== 400 || ABOUT_THE_CHAT.test(error.description)) return undefined;
  if (ABOUT_THE_BUTTONS.test(error.description)) return 'buttons';
  return /text|entit|utf-8|too long|empty/i.test(error.description) ? 'text' : 'unknown';
}

/** A file_id Telegram no longer knows (another bot's, or expired): send the bytes instead. */
export function isStaleFileId(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && /file|wrong/i.test(error.description);
}

export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.description.includes('message is not modified');
}
