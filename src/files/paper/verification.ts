/**
 * Verification marks: every generated PDF carries a QR code and a short code for
 * `PUBLIC_URL/verify/<id>`, where anyone can see the document's kind, agenda number, SHA-256 and
 * whether it is the current version. This is an integrity check, not an electronic signature.
 */
import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_ID_LENGTH = 20;
export const VERIFICATION_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{20}$/;
const SHORT_CODE_LENGTH = 8;

/** What a writer prints on a document: the page's URL, the id (kept in the PDF's metadata), the short code. */
export interface VerificationMark {
  id: string;
  verifyUrl: string;
  shortCode: string;
}

/** A new random id: 20 base32 characters (100 bits). */
export function newVerificationId(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(VERIFICATION_ID_LENGTH);
  return Array.from(bytes.subarray(0, VERIFICATION_ID_LENGTH), (byte) => ALPHABET[byte % 32]).join('');
}

/** `K7QM-3XPA`: the first eight characters of the id, for people to type on the verify page. */
export function shortCodeFor(id: string): string {
  const head = id.slice(0, SHORT_CODE_LENGTH);
  return `${head.slice(0, 4)}-${head.slice(4)}`;
}

/** Reads a typed code back: case, spaces and dashes do not matter, O reads as 0 and I or L as 1. */
export function normaliseShortCode(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function verificationMark(publicUrl: string, id: string): VerificationMark {
  if (!VERIFICATION_ID_PATTERN.test(id)) throw new RangeError(`not a verification id: ${id}`);
  return { id, verifyUrl: `${publicUrl.replace(/\/+$/, '')}/verify/${id}`, shortCode: shortCodeFor(id) };
}
