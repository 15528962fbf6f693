import { objectIdForKey } from '../../../src/storage/object-ids.js';

describe('objectIdForKey', () => {
  // Documents already stored are found by these ids: the derivation may never change.
  test('is the first 12 bytes of the key’s SHA-256, as it always was', () => {
    expect(objectIdForKey('weekly-claim:2026-W49').toHexString()).toBe('387e17f760b1ba8e079a6a7b');
    expect(objectIdForKey('').toHexString()).toBe('e3b0c44298fc1c149afbf4c8');
  });

  test('different keys give different ids, the same key the same id', () => {
    expect(objectIdForKey('ppk-register:biro-umum').equals(objectIdForKey('ppk-register:biro-umum'))).toBe(
      true,
    );
    expect(objectIdForKey('ppk-register:biro-umum').equals(objectIdForKey('ppk-verified:biro-umum'))).toBe(
      false,
    );
  });
});
