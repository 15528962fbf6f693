/** Text cells: folded whitespace, length cap, and undoing our own export's formula neutralisation. */
import type { FieldResult } from './types.js';

export const MAX_TEXT_LENGTH = 255;
/** Package names from the procurement plan (SiRUP) can be long. */
export const MAX_PACKAGE_NAME_LENGTH = 1_000;

/**
 * Our exports put an apostrophe before a cell that starts with = + - @ tab or CR (see export.ts). When such
 * a file comes back, the apostrophe is dropped again so the value round-trips unchanged.
 */
export function undoNeutralisation(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function parseText(text: string, maxLength = MAX_TEXT_LENGTH): FieldResult<string> {
  const value = foldWhitespace(text);
  if (value.length > maxLength) return { ok: false, code: 'too-long', params: { max: maxLength } };
  return { ok: true, value };
}
