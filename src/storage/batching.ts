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
