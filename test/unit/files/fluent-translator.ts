/** A real Fluent translator over locales/<lang>/ppk.ftl, for tests; it records every formatting error. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource } from '@fluent/bundle';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function ftlSource(locale: Locale): string {
  return readFileSync(fileURLToPath(new URL(`../../../locales/${locale}/ppk.ftl`, import.meta.url)), 'utf8');
}

/** Message ids as written at the start of a line in the file. */
export function ftlMessageIds(locale: Locale): string[] {
  return [...ftlSource(locale).matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((match) => match[1] ?? '');
}

export interface TestTranslator {
  bundle: FluentBundle;
  errors: string[];
  translate: (key: string, params?: Record<string, string | number>) => string;
}

export function fluentTranslator(locale: Locale): TestTranslator {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const problems = bundle.addResource(new FluentResource(ftlSource(locale)));
  if (problems.length > 0) throw new Error(problems.map(String).join('\n'));
  const errors: string[] = [];
  const translate = (key: string, params?: Record<string, string | number>): string => {
    const message = bundle.getMessage(key);
    if (message?.value == null) {
      errors.push(`missing message ${key}`);
      return key;
    }
    const formatErrors: Error[] = [];
    const text = bundle.formatPattern(message.value, params ?? {}, formatErrors);
    errors.push(...formatErrors.map((error) => `${key}: ${error.message}`));
    return text;
  };
  return { bundle, errors, translate };
}
