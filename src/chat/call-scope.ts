import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One call into the chat layer (a tap, a message, a file). It remembers the changes that were
 * applied during the call, so that if the call then fails, the person can be told what was
 * recorded and what was not.
 */
interface CallScope {
  applied: string[];
}

const storage = new AsyncLocalStorage<CallScope>();

export function inCallScope<T>(work: () => Promise<T>): Promise<T> {
  return storage.run({ applied: [] }, work);
}

/** Notes the confirmation of a change the service saved in the current call. */
export function noteApplied(confirmation: string): void {
  storage.getStore()?.applied.push(confirmation);
}

/** The confirmations of changes saved so far in the current call. */
export function appliedInCall(): readonly string[] {
  return storage.getStore()?.applied ?? [];
}
