import * as crypto from 'node:crypto';
import { Types } from 'mongoose';

/**
 * SHA-256 in hex. `crypto.hash` (Node 20.12 and later) hashes in one call, about half the time of
 * a Hash object for a short key; a tap derives a few dozen ids from keys.
 */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** A stable ObjectId for a string key: the same key always names the same document. */
export function objectIdForKey(key: string): Types.ObjectId {
  return new Types.ObjectId(sha256Hex(key).slice(0, 24));
}

export function toObjectId(id: string): Types.ObjectId | undefined {
  return Types.ObjectId.isValid(id) && /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : undefined;
}

/** A unique-key violation (the embedded server reports some without the code, by message only). */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errmsg } = error as { code?: unknown; message?: unknown; errmsg?: unknown };
  const text = typeof errmsg === 'string' ? errmsg : typeof message === 'string' ? message : '';
  return code === 11000 || /duplicate key/i.test(text);
}

/** The per-statement errors of a failed bulk write, each with its statement's index. */
export function writeErrorsOf(error: unknown): Array<{ index: number; code?: unknown; errmsg?: unknown }> {
  if (typeof error !== 'object' || error === null) return [];
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  const list: unknown[] = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return list.filter((e): e is { index: number } => typeof (e as { index?: unknown }).index === 'number');
}

/** An unordered bulk insert that failed only because some documents already existed. */
export function onlyDuplicateKeys(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  if (list.length === 0) return isDuplicateKeyError(error);
  return list.every((e) => isDuplicateKeyError(e));
}
