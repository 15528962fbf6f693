import { perCallIdentities } from '../../../src/chat/call-memo.js';
import { inCallScope } from '../../../src/chat/call-scope.js';
import { RateGate } from '../../../src/chat/rate-gate.js';
import { MemoryIdentityStore } from '../../support/fakes/memory-ports.js';

/** A memory identity store that counts the reads it answers. */
function countingStore() {
  const store = new MemoryIdentityStore();
  const reads = { account: 0, preferences: 0, identitiesOf: 0, identitiesOfMany: 0, preferencesOfMany: 0 };
  for (const name of Object.keys(reads) as Array<keyof typeof reads>) {
    const read = (store[name] as (...args: unknown[]) => Promise<unknown>).bind(store);
    (store as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      reads[name]++;
      return read(...args);
    };
  }
  return { store, reads };
}

describe('per-call identities', () => {
  test('one call reads the account once, with the preferences, and sees its own changes', async () => {
    const { store, reads } = countingStore();
    await store.link('rina', { channel: 'telegram', userId: '7', chatId: '7' });
    await store.setPreferences('rina', { locale: 'id' });
    const identities = perCallIdentities(store);
    await inCallScope(async () => {
      expect(await identities.findPerson('telegram', '7')).toBe('rina');
      expect(await identities.account('telegram', '7')).toMatchObject({ personId: 'rina', chatId: '7' });
      // Read with the account: the store is not asked for them.
      expect((await identities.preferences('rina')).locale).toBe('id');
      await identities.setPreferences('rina', { locale: 'en' });
      expect(await identities.preferences('rina')).toEqual({ locale: 'en' });
      await identities.link('fajar', { channel: 'telegram', userId: '7', chatId: '7' });
      expect(await identities.findPerson('telegram', '7')).toBe('fajar');
      return undefined;
    });
    expect(reads).toMatchObject({ account: 1, preferences: 0 });
  });

  test('each call reads afresh, and outside a call every read goes to the store', async () => {
    const { store, reads } = countingStore();
    const identities = perCallIdentities(store);
    await inCallScope(() => identities.preferences('rina'));
    await store.setPreferences('rina', { locale: 'en' });
    expect(await inCallScope(() => identities.preferences('rina'))).toEqual({ locale: 'en' });
    await identities.preferences('rina');
    await identities.preferences('rina');
    expect(reads.preferences).toBe(4);
  });

  test('a batch read primes the call: the people read together are not read again one by one', async () => {
    const { store, reads } = countingStore();
    await store.link('rina', { channel: 'telegram', userId: '7', chatId: '7' });
    await store.setPreferences('rina', { locale: 'en' });
    const identities = perCallIdentities(store);
    await inCallScope(async () => {
      const prefs = await identities.preferencesOfMany(['rina', 'fajar', 'rina']);
      expect(Object.fromEntries(prefs)).toEqual({ rina: { locale: 'en' }, fajar: {} });
      const linked = await identities.identitiesOfMany(['rina', 'fajar']);
      expect(linked.get('fajar')).toEqual([]);
      expect(await identities.preferences('rina')).toEqual({ locale: 'en' });
      expect(await identities.preferences('fajar')).toEqual({});
      expect(await identities.identitiesOf('rina')).toEqual([
        { channel: 'telegram', userId: '7', chatId: '7' },
      ]);
      // Only the one not known yet is read, again in one read.
      await identities.preferencesOfMany(['rina', 'dewi']);
      expect(reads).toMatchObject({
        preferences: 0,
        identitiesOf: 0,
        preferencesOfMany: 2,
        identitiesOfMany: 1,
      });
      // A link the call makes is seen by its later reads, for the new owner and the one before.
      await identities.link('fajar', { channel: 'telegram', userId: '7', chatId: '7' });
      expect(await identities.identitiesOf('rina')).toEqual([]);
      expect((await identities.identitiesOfMany(['fajar'])).get('fajar')).toHaveLength(1);
      return undefined;
    });
    // Outside a call: each batch goes to the store.
    await identities.preferencesOfMany(['rina']);
    await identities.preferencesOfMany(['rina']);
    expect(reads.preferencesOfMany).toBe(4);
  });

  test('what a caller changes in what it was given does not change what the call remembers', async () => {
    const { store } = countingStore();
    await store.setPreferences('rina', { locale: 'id' });
    const identities = perCallIdentities(store);
    await inCallScope(async () => {
      const prefs = await identities.preferences('rina');
      prefs.locale = 'en';
      expect((await identities.preferences('rina')).locale).toBe('id');
      return undefined;
    });
  });
});

describe('the rate gate', () => {
  test('keeps its margin on both limits', () => {
    const gate = new RateGate({ perChatMs: 1000, globalPerSecond: 2, marginMs: 20 });
    expect(gate.reserve('a', 0)).toBe(0);
    expect(gate.reserve('a', 1000)).toBe(20);
    expect(gate.reserve('b', 10)).toBe(0);
    expect(gate.reserve('c', 500)).toBe(520);
    expect(gate.reserve('c', 1020)).toBe(0);
  });

  test('counts a chat’s next slot from when its send was done', () => {
    const gate = new RateGate({ perChatMs: 1000, globalPerSecond: 30 });
    expect(gate.reserve('a', 0)).toBe(0);
    gate.settle('a', 300, 0);
    expect(gate.reserve('a', 1000)).toBe(300);
    expect(gate.reserve('a', 1300)).toBe(0);
  });

  test('counts a send in the overall window from when it was done', () => {
    const gate = new RateGate({ perChatMs: 0, globalPerSecond: 1 });
    expect(gate.reserve('a', 0)).toBe(0);
    gate.settle('a', 400, 0);
    expect(gate.reserve('b', 1000)).toBe(400);
    expect(gate.reserve('b', 1400)).toBe(0);
  });
});
