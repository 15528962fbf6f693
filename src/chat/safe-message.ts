import { cutText } from './cut-text.js';
import { ChannelContentRefusedError, ChannelPermanentError, type RefusedPart } from './errors.js';
import type { OutgoingMessage } from './types.js';

/** Well inside every platform's limit on a message's text (Telegram 4096, a Slack section 3000). */
export const SAFE_TEXT_MAX = 2000;
/** Well inside every platform's limit on a button's label (Slack 75, Telegram's practical width). */
export const SAFE_LABEL_MAX = 30;

/** A UTF-16 surrogate without its partner: text no platform accepts. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Control characters other than the line break and the tab. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are replaced.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/**
 * The message once more, for a platform that refused it: plain text (no formatting, no parts),
 * only well-formed characters, shortened well inside the platform's limit. Its buttons are kept
 * (their labels made safe the same way) unless the platform refused the buttons: a task without
 * them still arrives, and the person can act on it with /tugas.
 */
export function safeMessage(message: OutgoingMessage, refused: RefusedPart): OutgoingMessage {
  const text = cutText(safeText(message.lines.join('\n')), SAFE_TEXT_MAX);
  const buttons =
    refused === 'buttons'
      ? []
      : message.buttons.map((row) =>
          row.map((button) => ({ ...button, label: cutText(safeText(button.label), SAFE_LABEL_MAX) })),
        );
  const { parts: _parts, ...rest } = message;
  return {
    ...rest,
    lines: [text.trim() === '' ? '…' : text],
    buttons,
    plain: true,
    ...(message.previewText !== undefined
      ? { previewText: cutText(safeText(message.previewText), SAFE_LABEL_MAX * 4) }
      : {}),
  };
}

/** Text with lone surrogates and control characters replaced: valid for every platform. */
export function safeText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, ' ');
}

/**
 * Sends (or edits) a message; when the platform refuses its content, sends it once more as
 * `safeMessage`. A second permanent refusal names both, for the person who must act on it.
 */
export async function sendWithSafeRetry<T>(
  message: OutgoingMessage,
  attempt: (message: OutgoingMessage) => Promise<T>,
): Promise<T> {
  try {
    return await attempt(message);
  } catch (error) {
    if (!(error instanceof ChannelContentRefusedError)) throw error;
    try {
      return await attempt(safeMessage(message, error.part));
    } catch (second) {
      if (!(second instanceof ChannelPermanentError)) throw second;
      throw new ChannelPermanentError(`${error.message}; as plain text: ${second.message}`, {
        cause: second,
      });
    }
  }
}
