const ELLIPSIS = '…';
let segmenter: Intl.Segmenter | undefined;

/**
 * The text cut to at most `max` UTF-16 code units (how Telegram counts, and never fewer than
 * the characters Slack counts), with an ellipsis when cut. The cut falls between graphemes
 * (Intl.Segmenter): never inside a surrogate pair, an emoji sequence or a letter with its
 * combining marks, so a cut text is always valid UTF-16 a platform accepts.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - ELLIPSIS.length;
  if (room <= 0) return ELLIPSIS.slice(0, Math.max(0, max));
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let end = 0;
  for (const { segment, index } of segmenter.segment(text)) {
    if (index + segment.length > room) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end)}${ELLIPSIS}`;
}
