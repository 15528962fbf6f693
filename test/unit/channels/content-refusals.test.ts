/**
 * What a platform's refusal is about decides whether a plainer rendering is worth a try, and the
 * plainer rendering is one every platform takes (issue 15, failure 3).
 */
import { webApi } from '@slack/bolt';
import { GrammyError } from 'grammy';
import { messageBlocks } from '../../../src/channels/slack/block-kit.js';
import { toChannelError as slackError } from '../../../src/channels/slack/slack-errors.js';
import { toChannelError as telegramError } from '../../../src/channels/telegram/telegram-errors.js';
import { ChannelContentRefusedError, ChannelPermanentError } from '../../../src/chat/errors.js';
import { SAFE_LABEL_MAX, SAFE_TEXT_MAX, safeMessage } from '../../../src/chat/safe-message.js';
import type { OutgoingMessage } from '../../../src/chat/types.js';

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const botApi = (code: number, description: string) =>
  new GrammyError(
    'Call to sendMessage failed',
    { ok: false, error_code: code, description },
    'sendMessage',
    {},
  );

describe('a refusal of the content, or of the chat', () => {
  test.each([
    ['Bad Request: strings must be encoded in UTF-8', 'text'],
    ['Bad Request: message is too long', 'text'],
    ["Bad Request: can't parse entities: unclosed tag", 'text'],
    ['Bad Request: BUTTON_DATA_INVALID', 'buttons'],
    ['Bad Request: reply markup is too long', 'buttons'],
    ['Bad Request: something new', 'unknown'],
  ])('Telegram 400 "%s": the content (%s)', (description, part) => {
    const error = telegramError(botApi(400, description));
    expect(error).toBeInstanceOf(ChannelContentRefusedError);
    expect((error as ChannelContentRefusedError).part).toBe(part);
  });

  test.each([
    [400, 'Bad Request: chat not found'],
    [400, 'Bad Request: message to edit not found'],
    [400, "Bad Request: message can't be edited"],
    [403, 'Forbidden: bot was blocked by the user'],
  ])('Telegram %i "%s": the chat, which no rendering cures', (code, description) => {
    const error = telegramError(botApi(code, description));
    expect(error).toBeInstanceOf(ChannelPermanentError);
    expect(error).not.toBeInstanceOf(ChannelContentRefusedError);
  });

  test.each(['invalid_blocks', 'msg_too_long', 'no_text', 'invalid_arguments'])(
    'Slack %s: the content',
    (code) => {
      const error = slackError(
        new webApi.WebAPIPlatformError({ ok: false, error: code }),
        'chat.postMessage',
      );
      expect(error).toBeInstanceOf(ChannelContentRefusedError);
    },
  );

  test('Slack channel_not_found: the chat', () => {
    const error = slackError(
      new webApi.WebAPIPlatformError({ ok: false, error: 'channel_not_found' }),
      'chat.postMessage',
    );
    expect(error).not.toBeInstanceOf(ChannelContentRefusedError);
  });
});

describe('the safe rendering', () => {
  const message: OutgoingMessage = {
    lines: ['Perihal: ' + '😀'.repeat(3000) + '\uD83D', '*tebal* <b>', 'baris\u0007tiga'],
    parts: [1],
    buttons: [[{ label: '✅ ' + 'Setujui'.repeat(10) + '\uDE00', token: 'tok-1', style: 'primary' }]],
  };

  test('is one plain, well-formed text well inside every limit, its buttons kept with safe labels', () => {
    const safe = safeMessage(message, 'text');
    expect(safe.plain).toBe(true);
    expect(safe.parts).toBeUndefined();
    expect(safe.lines).toHaveLength(1);
    const text = safe.lines[0] ?? '';
    expect(text.length).toBeLessThanOrEqual(SAFE_TEXT_MAX);
    expect(text).not.toMatch(LONE);
    expect(text).not.toContain('\u0007');
    const button = safe.buttons[0]?.[0];
    expect(button?.token).toBe('tok-1');
    expect(button?.label.length).toBeLessThanOrEqual(SAFE_LABEL_MAX);
    expect(button?.label).not.toMatch(LONE);
  });

  test('without its buttons when the platform refused them', () => {
    expect(safeMessage(message, 'buttons').buttons).toEqual([]);
  });

  test('on Slack: one plain_text section (no mrkdwn parsed), the buttons after it', () => {
    const blocks = messageBlocks(safeMessage(message, 'text'));
    expect(blocks.map((b) => b.type)).toEqual(['section', 'actions']);
    expect(blocks[0]).toMatchObject({ text: { type: 'plain_text' } });
  });
});
