import type { Prompt } from '../core/engine/types.js';
import type { Reader, Translator } from '../i18n/translator.js';
import type { LetterFacts, LetterFactsSource } from './contributions.js';
import type { OutgoingMessage } from './types.js';

/** An ordinary letter: nothing to protect, ranked with the routine ones. */
export const ORDINARY_LETTER: LetterFacts = { confidential: false, rank: 2 };

export async function letterFactsOf(
  source: LetterFactsSource | undefined,
  instanceId: string,
  personId?: string,
): Promise<LetterFacts> {
  if (!source) return ORDINARY_LETTER;
  return source(instanceId, personId).catch(() => ORDINARY_LETTER);
}

/** The prompt with every line's `subject` read as "Surat rahasia" (for readers outside a confidential letter). */
export function withoutSubject(prompt: Prompt, facts: LetterFacts): Prompt {
  if (!facts.hideSubject) return prompt;
  return {
    ...prompt,
    lines: prompt.lines.map((line) =>
      line.params && 'subject' in line.params
        ? { ...line, params: { ...line.params, subject: { ref: { key: 'chat-confidential-subject' } } } }
        : line,
    ),
  };
}

/**
 * A letter's marks on one of its messages: its urgency first on a task, and for a confidential
 * letter the flag channels act on (no forwarding, no preview) with a neutral preview text.
 */
export function markMessage(
  message: OutgoingMessage,
  facts: LetterFacts,
  options: { task: boolean; reader: Reader; translator: Translator },
): OutgoingMessage {
  const badge = options.task && facts.badge ? [options.translator.format(facts.badge, options.reader)] : [];
  const marked: OutgoingMessage = badge.length
    ? {
        ...message,
        lines: [...badge, ...message.lines],
        ...(message.parts ? { parts: message.parts.map((p) => p + badge.length) } : {}),
      }
    : message;
  if (!facts.confidential) return marked;
  return {
    ...marked,
    confidential: true,
    previewText: options.translator.format({ key: 'chat-confidential-preview' }, options.reader),
  };
}
