import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

/** A stable ObjectId for a string key: the same key always names the same document. */
export function objectIdForKey(key: string): Types.ObjectId {
  return new Types.ObjectId(createHash('sha256').update(key).digest('hex').slice(0, 24));
}

export function toObjectId(id: string): Types.ObjectId | undefined {
  return Types.ObjectId.isValid(id) && /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : undefined;
}

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
