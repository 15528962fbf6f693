import type { types } from '@slack/bolt';
import { cutText } from '../../chat/cut-text.js';
import type { OutgoingButton, OutgoingMessage } from '../../chat/types.js';

/** Slack's limits: 3000 characters of section text, 75 of button text, 50 blocks per message. */
const SECTION_MAX = 3000;
const BUTTON_TEXT_MAX = 75;
const ACTIONS_PER_BLOCK = 25;
const MESSAGE_BLOCKS_MAX = 50;
const FALLBACK_TEXT_MAX = 4000;

/** Prefix of every button's action_id; the number only makes ids unique within a message. */
export const ACTION_ID_PREFIX = 'pandu:';

/**
 * Escapes the three characters Slack's mrkdwn treats as control characters, and spells the
 * commands a message mentions as Slack types them: the messages say `/laporan mingguan mati`
 * (Telegram's way), Slack has the one command `/pandu laporan mingguan mati`.
 */
export function escapeMrkdwn(text: string): string {
  return slackCommands(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/**
 * `/word` → `/pandu word` where a command is mentioned: a slash at the start or after a space, a
 * bracket or a quote, then lowercase letters, then no further slash (so `001/ND-M/...`, `dan/atau`
 * and addresses stay as they are).
 */
export function slackCommands(text: string): string {
  return text.replace(/(^|[\s(“"'])\/(?!pandu\b)([a-z]+)\b(?![/\w-]|\.\w)/g, '$1/pandu $2');
}

export function truncate(text: string, max: number): string {
  return cutText(text, max);
}

/** The message as Block Kit: its lines as mrkdwn sections, each button row as an actions block. */
export function messageBlocks(message: OutgoingMessage): types.KnownBlock[] {
  // A message sent again after a refusal: its text as one plain section, nothing Slack parses.
  const blocks: types.KnownBlock[] = message.plain
    ? [
        {
          type: 'section',
          text: { type: 'plain_text', text: truncate(message.lines.join('\n'), SECTION_MAX) },
        },
      ]
    : partsOf(message).flatMap((lines) => textSections(lines));
  let counter = 0;
  message.buttons.forEach((row, rowIndex) => {
    for (let start = 0; start < row.length; start += ACTIONS_PER_BLOCK) {
      const elements = row
        .slice(start, start + ACTIONS_PER_BLOCK)
        .map((button) => buttonElement(button, counter++));
      blocks.push({ type: 'actions', block_id: `pandu-actions-${rowIndex}-${start}`, elements });
    }
  });
  return blocks.slice(0, MESSAGE_BLOCKS_MAX);
}

/** The message's lines in its parts (the documents, the chain, the list preview each on their own). */
function partsOf(message: OutgoingMessage): string[][] {
  const starts = [0, ...(message.parts ?? []).filter((i) => i > 0 && i < message.lines.length)];
  return starts.map((start, i) => message.lines.slice(start, starts[i + 1] ?? message.lines.length));
}

/** The plain `text` Slack shows in notifications and where blocks cannot be shown. */
export function fallbackText(message: OutgoingMessage): string {
  // A confidential letter's notification shows a neutral text, never its lines.
  if (message.confidential) return truncate(escapeMrkdwn(message.previewText ?? '🔒'), FALLBACK_TEXT_MAX);
  return truncate(escapeMrkdwn(message.lines.join('\n')), FALLBACK_TEXT_MAX);
}

/** Lines grouped into as few sections as fit in Slack's section limit. */
export function textSections(lines: string[]): types.SectionBlock[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines.map(escapeMrkdwn)) {
    const piece = truncate(line, SECTION_MAX);
    if (current && current.length + 1 + piece.length > SECTION_MAX) {
      chunks.push(current);
      current = piece;
    } else {
      current = current ? `${current}\n${piece}` : piece;
    }
  }
  if (current) chunks.push(current);
  return chunks.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

function buttonElement(button: OutgoingButton, index: number): types.Button {
  return {
    type: 'button',
    action_id: `${ACTION_ID_PREFIX}${index}`,
    text: { type: 'plain_text', text: truncate(button.label, BUTTON_TEXT_MAX), emoji: true },
    value: button.token,
    ...(button.style ? { style: button.style } : {}),
  };
}
