import { InlineKeyboard } from 'grammy';
import { cutText } from '../../chat/cut-text.js';
import type { OutgoingMessage } from '../../chat/types.js';

/** Telegram's limit on a message's text. */
export const MAX_TEXT = 4096;

export function messageText(message: OutgoingMessage): string {
  const text = message.lines.join('\n');
  return cutText(text, MAX_TEXT);
}

/** Inline keyboard from the message's button rows; the callback data is the opaque token. */
export function inlineKeyboard(message: OutgoingMessage): InlineKeyboard | undefined {
  if (message.buttons.length === 0) return undefined;
  const keyboard = new InlineKeyboard();
  message.buttons.forEach((row, index) => {
    for (const button of row) keyboard.text(button.label, button.token);
    if (index < message.buttons.length - 1) keyboard.row();
  });
  return keyboard;
}
