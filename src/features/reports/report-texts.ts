import type { Locale, MessageParams } from '../../core/i18n.js';
import type { Reader, Translator } from '../../i18n/translator.js';

/** Renders a message of locales/{id,en}/reports.ftl for one reader. */
export type Translate = (key: string, params?: MessageParams) => string;

export interface ReportTexts {
  t: Translate;
  locale: Locale;
}

export function reportTexts(translator: Translator, reader: Reader): ReportTexts {
  return {
    t: (key, params) => translator.format({ key, ...(params ? { params } : {}) }, reader),
    locale: reader.locale,
  };
}
