import { cutText } from '../../../src/chat/cut-text.js';
import { messageText, MAX_TEXT } from '../../../src/channels/telegram/keyboard.js';
import { truncate } from '../../../src/channels/slack/block-kit.js';

/** Issue 15 (3): a subject of emoji cut at 4096 UTF-16 units left a lone surrogate (a permanent 400). */
describe('cutting text on grapheme boundaries', () => {
  const family = '👨‍👩‍👧‍👦';

  test('a Telegram message of emoji is cut within 4096 UTF-16 units and stays well-formed', () => {
    const text = messageText({ lines: ['😀'.repeat(3000)], buttons: [] });
    expect(text.length).toBeLessThanOrEqual(MAX_TEXT);
    // No lone surrogate: encoding to UTF-8 and back changes nothing.
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
    expect(text.endsWith('😀…')).toBe(true);
  });

  test('never inside an emoji sequence or a letter with its combining mark', () => {
    const cut = cutText(`ab${family}`, 6);
    expect(cut).toBe('ab…');
    expect(cutText('e\u0301e\u0301e\u0301', 4)).toBe('e\u0301…');
    expect(truncate(`${'x'.repeat(2998)}${family}`, 3000)).toBe(`${'x'.repeat(2998)}…`);
  });

  test('text within the limit is left alone; tiny limits still give valid text', () => {
    expect(cutText('pendek', 10)).toBe('pendek');
    expect(cutText('😀😀', 1)).toBe('…');
    expect(cutText('😀😀', 0)).toBe('');
  });
});
