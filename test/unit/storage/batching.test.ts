import { setTimeout as delay } from 'node:timers/promises';
import { batched, failAll, groupCommit, sharedRead } from '../../../src/storage/batching.js';

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

describe('groupCommit', () => {
  test('writes handed in over its window go as one; later ones as the next', async () => {
    const batches: string[][] = [];
    const write = groupCommit<string>((keys) => {
      batches.push([...keys]);
      return Promise.resolve(keys.map(() => undefined));
    }, 60);
    const first = write('a');
    await delay(10);
    const second = write('b');
    await delay(10);
    expect(write.waiting()).toEqual(['a', 'b']);
    expect(batches).toEqual([]);
    await Promise.all([first, second]);
    expect(batches).toEqual([['a', 'b']]);
    expect(write.waiting()).toEqual([]);
    await write('c');
    expect(batches).toEqual([['a', 'b'], ['c']]);
  });

  test('settled() waits for what was handed in, failed or not, and each caller learns its own outcome', async () => {
    const write = groupCommit<number>(
      (keys) => Promise.resolve(keys.map((k) => (k < 0 ? new Error(`negative ${k}`) : undefined))),
      30,
    );
    const good = write(1);
    const bad = write(-1);
    let settled = false;
    const waiting = write.settled().then(() => (settled = true));
    await delay(5);
    expect(settled).toBe(false);
    await waiting;
    expect(settled).toBe(true);
    await expect(good).resolves.toBeUndefined();
    await expect(bad).rejects.toThrow('negative -1');
    expect(write.waiting()).toEqual([]);
  });
});
