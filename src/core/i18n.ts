/** Languages Pandu speaks: Bahasa Indonesia first, English second. */
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A text written in both languages inside a data file (flows, org). */
export interface LocalizedText {
  id: string;
  en: string;
}

export function pickText(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

/** A parameter of a message: plain text or number, a text in both languages, or an instant shown in the viewer's zone. */
export type MessageParam =
  | string
  | number
  | { text: LocalizedText }
  | { instant: string; style?: 'time' | 'datetime' }
  | { minutes: number }
  /** Another message, rendered in the same reader's language (e.g. a help line's description). */
  | { ref: MessageRef };

export type MessageParams = Record<string, MessageParam>;

/** A reference to a message in `locales/`, rendered in the reader's language by the channel. */
export interface MessageRef {
  key: string;
  params?: MessageParams;
}
