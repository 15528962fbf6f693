import { createHash } from 'node:crypto';

/** SHA-256 of the bytes, as 64 lowercase hex digits (the form stored with every file). */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** True when `bytes` hash to `expected` (hex, any case). */
export function matchesSha256(bytes: Uint8Array, expected: string): boolean {
  return sha256Hex(bytes) === expected.trim().toLowerCase();
}
