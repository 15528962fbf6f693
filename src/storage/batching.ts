import DataLoader from 'dataloader';

/**
 * Calls made in the same turn of the event loop (every database answer that arrived together
 * resumes its caller in one turn) run as one batch: one database round trip for all of them.
 * Under load (hundreds of escalations at once) this is what keeps the database and the driver
 * from being the bottleneck; a lone call waits only for the current turn to end. Nothing is
 * cached: every batch is a fresh query, issued after every call in it was made, so a caller never
 * sees state older than its call.
 */
export function batched<K, V>(
  run: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>,
  maxBatchSize = 500,
): (key: K) => Promise<V> {
  const loader = new DataLoader<K, V>(run, { cache: false, maxBatchSize, batchScheduleFn: setImmediate });
  return (key) => loader.load(key);
}

/**
 * Book-keeping writes that nobody waits for (a prompt leaving its instance's pending list, a
 * Telegram update recorded as handled, a run's report facts, a change's step timers) gathered for `windowMs` and made as
 * one: at 100 taps a second one command covers ~20 taps instead of one per turn. Each call's
 * promise settles once its batch is written. Only for writes that the next start repairs or does
 * not need (a crash loses at most a window's worth, and each use says why that is harmless).
 * `settled()` waits for every write handed in so far: a read of the same data in this process
 * calls it first and sees its own writes; shutdown calls it before the connection closes.
 */
export interface GroupCommit<K> {
  (key: K): Promise<void>;
  settled(): Promise<void>;
  /** The keys handed in and not yet written. */
  waiting(): readonly K[];
}

/** How long book-keeping writes wait for others to go with (`groupCommit`). */
export const BOOKKEEPING_WINDOW_MS = 200;

export function groupCommit<K>(
  run: (keys: readonly K[]) => Promise<ReadonlyArray<undefined | Error>>,
  windowMs: number,
  maxBatchSize = 500,
): GroupCommit<K> {
  const loader = new DataLoader<K, undefined>(run, {
    cache: false,
    maxBatchSize,
    batchScheduleFn: (callback) => setTimeout(callback, windowMs),
  });
  const inFlight = new Map<Promise<void>, K>();
  const commit = (key: K): Promise<void> => {
    const written = loader.load(key).then(() => undefined);
    const tracked = written.finally(() => inFlight.delete(tracked));
    // Tracked for settled(); the caller gets the write's own outcome.
    tracked.catch(() => undefined);
    inFlight.set(tracked, key);
    return written;
  };
  return Object.assign(commit, {
    settled: async () => {
      await Promise.allSettled([...inFlight.keys()]);
    },
    waiting: () => [...inFlight.values()],
  });
}

/** A read whose callers in the same tick share one query (and its answer: do not mutate it). */
export function sharedRead<V>(read: () => Promise<V>): () => Promise<V> {
  const load = batched<0, V>(async (keys) => {
    const value = await read();
    return keys.map(() => value);
  });
  return () => load(0);
}

/** One error for every call of a failed batch. */
export function failAll(keys: readonly unknown[], error: unknown): Error[] {
  const failure = error instanceof Error ? error : new Error(String(error));
  return keys.map(() => failure);
}
