import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One call into the chat layer (a tap, a message, a file). It remembers the changes that were
 * applied during the call, so that if the call then fails, the person can be told what was
 * recorded and what was not, and what the call has already read about its person (see
 * call-memo.ts), so that one update reads it once.
 */
interface CallScope {
  applied: string[];
  memo: Map<string, Promise<unknown>>;
}

const storage = new AsyncLocalStorage<CallScope>();

export function inCallScope<T>(work: () => Promise<T>): Promise<T> {
  return storage.run({ applied: [], memo: new Map() }, work);
}

/** Notes the confirmation of a change the service saved in the current call. */
export function noteApplied(confirmation: string): void {
  storage.getStore()?.applied.push(confirmation);
}

/** The confirmations of changes saved so far in the current call. */
export function appliedInCall(): readonly string[] {
  return storage.getStore()?.applied ?? [];
}

/**
 * What the current call remembers under `key`, read with `read` the first time; outside a call,
 * `read` every time.
 */
export function memoInCall<T>(key: string, read: () => Promise<T>): Promise<T> {
  const memo = storage.getStore()?.memo;
  if (!memo) return read();
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const reading = read();
  memo.set(key, reading);
  // A failed read is not remembered: the next use reads again.
  reading.catch(() => memo.delete(key));
  return reading;
}

/** Replaces what the current call remembers under `key` (after the call changed it). */
export function rememberInCall<T>(key: string, value: T | undefined): void {
  const memo = storage.getStore()?.memo;
  if (!memo) return;
  if (value === undefined) memo.delete(key);
  else memo.set(key, Promise.resolve(value));
}

/** Forgets what the current call remembers under every key that starts with `prefix`. */
export function forgetInCall(prefix: string): void {
  const memo = storage.getStore()?.memo;
  for (const key of memo?.keys() ?? []) if (key.startsWith(prefix)) memo?.delete(key);
}

/** What the current call remembers under `key`, if it read it. */
export function knownInCall<T>(key: string): Promise<T> | undefined {
  return storage.getStore()?.memo.get(key) as Promise<T> | undefined;
}
