import { batched, failAll, sharedRead } from '../../../src/storage/batching.js';

describe('batched', () => {
  test('calls made in the same tick run as one batch, each caller getting its own answer', async () => {
    const batches: number[][] = [];
    const double = batched<number, number>((keys) => {
      batches.push([...keys]);
      return Promise.resolve(keys.map((k) => k * 2));
    });
    expect(await Promise.all([double(1), double(2), double(1)])).toEqual([2, 4, 2]);
    expect(await double(5)).toBe(10);
    expect(batches).toEqual([[1, 2, 1], [5]]);
  });

  test('a batch never exceeds its size', async () => {
    const sizes: number[] = [];
    const echo = batched<number, number>((keys) => {
      sizes.push(keys.length);
      return Promise.resolve([...keys]);
    }, 2);
    expect(await Promise.all([1, 2, 3, 4, 5].map((k) => echo(k)))).toEqual([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([2, 2, 1]);
  });

  test('an error for one key fails only that call; a failed batch fails every call', async () => {
    const check = batched<number, number>((keys) =>
      Promise.resolve(keys.map((k) => (k < 0 ? new Error(`negative ${k}`) : k))),
    );
    const results = await Promise.allSettled([check(1), check(-1)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    const broken = batched<number, number>((keys) => Promise.resolve(failAll(keys, 'database away')));
    await expect(Promise.all([broken(1), broken(2)])).rejects.toThrow('database away');
  });
});

describe('sharedRead', () => {
  test('readers in the same tick share one read; a later reader reads afresh', async () => {
    let reads = 0;
    let value = 'a';
    const read = sharedRead(() => {
      reads++;
      return Promise.resolve(value);
    });
    expect(await Promise.all([read(), read(), read()])).toEqual(['a', 'a', 'a']);
    expect(reads).toBe(1);
    value = 'b';
    expect(await read()).toBe('b');
    expect(reads).toBe(2);
  });
});
