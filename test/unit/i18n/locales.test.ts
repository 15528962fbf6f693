import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { MessageRef } from '../../../src/core/i18n.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { LOCALES_DIR, REPO_ROOT } from '../../support/paths.js';

const SRC = join(REPO_ROOT, 'src');
const translator = loadTranslator(LOCALES_DIR);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The string members of an exported union type, read from its source file. */
function unionMembers(file: string, typeName: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const match = new RegExp(`export type ${typeName} =([^;]+);`).exec(text);
  if (!match?.[1]) throw new Error(`no type ${typeName} in ${file}`);
  return [...match[1].matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
}

/** A message key: lowercase words joined by dashes (`task-due`), not a field name such as `column`. */
const MESSAGE_KEY = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;

/** Every message key the source code names, with where it is named. */
function keysUsedInSource(): Map<string, string> {
  const used = new Map<string, string>();
  const add = (key: string, where: string) => {
    if (!used.has(key)) used.set(key, where);
  };
  for (const path of sourceFiles(SRC)) {
    const text = readFileSync(path, 'utf8');
    const where = relative(REPO_ROOT, path);
    // `key: 'task-due'` and `key: checked ? 'reply-item-checked' : 'reply-item-unchecked'`
    for (const m of text.matchAll(/\bkey: ([^,}\n]+)/g)) {
      for (const literal of (m[1] ?? '').matchAll(/'([^']+)'/g)) {
        if (MESSAGE_KEY.test(literal[1] ?? '')) add(literal[1] ?? '', where);
      }
    }
    for (const m of text.matchAll(/\brefuse\('([^']+)'/g)) add(`refusal-${m[1] ?? ''}`, where);
  }
  for (const code of unionMembers('core/engine/refusal.ts', 'RefusalCode')) {
    add(`refusal-${code}`, 'src/core/engine/refusal.ts (RefusalCode)');
  }
  for (const outcome of unionMembers('core/engine/types.ts', 'RunOutcome')) {
    add(`task-result-${outcome}`, 'src/core/engine/instance-draft.ts (task-result-${outcome})');
  }
  return used;
}

describe('the locales', () => {
  test('Indonesian and English have the same message keys', () => {
    const id = translator.keys('id');
    const en = translator.keys('en');
    expect(id.length).toBeGreaterThan(50);
    expect(id.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !id.includes(k))).toEqual([]);
    expect(new Set(id).size).toBe(id.length);
    expect(new Set(en).size).toBe(en.length);
  });

  test('every message key the source code uses exists in both languages', () => {
    const used = keysUsedInSource();
    // The scan finds what it should: plain keys, keys in a ternary, refusals and result keys.
    for (const key of [
      'task-due',
      'reply-item-unchecked',
      'refusal-not-your-task',
      'task-result-reassigned',
    ]) {
      expect(used.has(key)).toBe(true);
    }
    const missing = [...used].flatMap(([key, where]) =>
      (['id', 'en'] as const)
        .filter((locale) => !translator.has(key, locale))
        .map((locale) => `${locale}: ${key} (${where})`),
    );
    expect(missing).toEqual([]);
  });

  test('the refusal codes and run outcomes read from the source are the full lists', () => {
    expect(unionMembers('core/engine/types.ts', 'RunOutcome')).toEqual([
      'submitted',
      'registered',
      'dispositioned',
      'completed',
      'approved',
      'returned',
      'reassigned',
    ]);
    expect(unionMembers('core/engine/refusal.ts', 'RefusalCode')).toContain('instance-completed');
  });
});

describe('rendering', () => {
  const due: MessageRef = {
    key: 'task-due',
    params: { due: { instant: '2026-11-23T07:35:00Z', style: 'time' }, standard: { minutes: 5 } },
  };

  test('a due time in Indonesian, Asia/Jakarta', () => {
    expect(translator.format(due, { locale: 'id', timeZone: 'Asia/Jakarta' })).toBe(
      '⏰ Batas waktu 14:35 WIB · standar 5 menit',
    );
  });

  test('a due time in English, Asia/Jakarta', () => {
    expect(translator.format(due, { locale: 'en', timeZone: 'Asia/Jakarta' })).toBe(
      '⏰ Due 14:35 WIB · standard 5 minutes',
    );
  });

  test('a due time in Asia/Makassar is WITA', () => {
    expect(translator.format(due, { locale: 'id', timeZone: 'Asia/Makassar' })).toBe(
      '⏰ Batas waktu 15:35 WITA · standar 5 menit',
    );
  });

  test('texts in both languages and longer standards', () => {
    const ref: MessageRef = {
      key: 'task-step',
      params: {
        number: 8,
        total: 11,
        title: { text: { id: 'Menyusun draft laporan', en: 'Draft the report' } },
      },
    };
    expect(translator.format(ref, { locale: 'id', timeZone: 'Asia/Jakarta' })).toBe(
      'Langkah 8/11: Menyusun draft laporan',
    );
    expect(translator.format(ref, { locale: 'en', timeZone: 'Asia/Jakarta' })).toBe(
      'Step 8/11: Draft the report',
    );
    const hour: MessageRef = { ...due, params: { ...due.params, standard: { minutes: 60 } } };
    expect(translator.format(hour, { locale: 'en', timeZone: 'Asia/Jayapura' })).toBe(
      '⏰ Due 16:35 WIT · standard 1 hour',
    );
  });
});
