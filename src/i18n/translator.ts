import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { PanduError } from '../core/errors.js';
import { DEFAULT_LOCALE, LOCALES, type Locale, type MessageParam, type MessageRef } from '../core/i18n.js';
import {
  formatDuration,
  formatLocalDateTime,
  formatLocalTime,
  formatLocalTimeOrDay,
} from '../core/time/index.js';

/** Who reads a message: their language and the zone their times are shown in. */
export interface Reader {
  locale: Locale;
  timeZone: string;
  /** When the reader reads it, for times shown relative to today (default: the system clock). */
  now?: Date;
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
  if ('bytes' in value) return formatBytes(value.bytes, reader.locale);
  const at = new Date(value.instant);
  if (value.style === 'datetime') return formatLocalDateTime(at, reader.timeZone, reader.locale);
  if (value.style === 'day')
    return formatLocalTimeOrDay(at, reader.now ?? new Date(), reader.timeZone, reader.locale);
  return formatLocalTime(at, reader.timeZone, reader.locale);
}

/** `850 B`, `12 KB`, `1,5 MB` (id) / `1.5 MB` (en). */
export function formatBytes(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = (bytes / (1024 * 1024)).toLocaleString(locale === 'id' ? 'id-ID' : 'en-US', {
    maximumFractionDigits: 1,
  });
  return `${mb} MB`;
}
