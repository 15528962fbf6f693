import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { PanduError } from '../core/errors.js';
import { DEFAULT_LOCALE, LOCALES, type Locale, type MessageParam, type MessageRef } from '../core/i18n.js';
import { formatDuration, formatLocalDateTime, formatLocalTime } from '../core/time/index.js';

/** Who reads a message: their language and the zone their times are shown in. */
export interface Reader {
  locale: Locale;
  timeZone: string;
}

export interface Translator {
  /** Renders a message for a reader; a key missing in their language falls back to Indonesian. */
  format(ref: MessageRef, reader: Reader): string;
  has(key: string, locale: Locale): boolean;
  keys(locale: Locale): string[];
}

/** Loads every `locales/<lang>/*.ftl` file into one Fluent bundle per language. */
export function loadTranslator(localesDir: string): Translator {
  const bundles = new Map<Locale, FluentBundle>();
  const keys = new Map<Locale, string[]>();
  for (const locale of LOCALES) {
    const bundle = new FluentBundle(locale, { useIsolating: false });
    const dir = join(localesDir, locale);
    keys.set(locale, []);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.ftl'))
      .sort()) {
      const resource = new FluentResource(readFileSync(join(dir, file), 'utf8'));
      keys.get(locale)?.push(...resource.body.map((entry) => entry.id).filter((id) => !id.startsWith('-')));
      const errors = bundle.addResource(resource);
      if (errors.length > 0) {
        throw new PanduError(
          'config-invalid',
          `${join(dir, file)}: ${errors.map((e) => e.message).join('; ')}`,
        );
      }
    }
    bundles.set(locale, bundle);
  }
  return new FluentTranslator(bundles, keys);
}

class FluentTranslator implements Translator {
  constructor(
    private readonly bundles: Map<Locale, FluentBundle>,
    private readonly keyLists: Map<Locale, string[]>,
  ) {}

  format(ref: MessageRef, reader: Reader): string {
    const bundle = this.bundleWith(ref.key, reader.locale);
    const message = bundle?.getMessage(ref.key);
    if (!bundle || !message?.value) return ref.key;
    const args: Record<string, FluentVariable> = {};
    for (const [name, value] of Object.entries(ref.params ?? {}))
      args[name] =
        typeof value === 'object' && 'ref' in value
          ? this.format(value.ref, reader)
          : renderParam(value, reader);
    const errors: Error[] = [];
    return bundle.formatPattern(message.value, args, errors);
  }

  has(key: string, locale: Locale): boolean {
    return this.bundles.get(locale)?.hasMessage(key) ?? false;
  }

  keys(locale: Locale): string[] {
    return [...(this.keyLists.get(locale) ?? [])];
  }

  private bundleWith(key: string, locale: Locale): FluentBundle | undefined {
    const own = this.bundles.get(locale);
    if (own?.hasMessage(key)) return own;
    return this.bundles.get(DEFAULT_LOCALE);
  }
}

function renderParam(value: Exclude<MessageParam, { ref: MessageRef }>, reader: Reader): FluentVariable {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('text' in value) return value.text[reader.locale];
  if ('minutes' in value) return formatDuration(value.minutes, reader.locale);
  const at = new Date(value.instant);
  return value.style === 'datetime'
    ? formatLocalDateTime(at, reader.timeZone, reader.locale)
    : formatLocalTime(at, reader.timeZone, reader.locale);
}
