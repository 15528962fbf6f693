import type { WebMessage } from './web-store.js';

export type WebEvent = { type: 'message'; message: WebMessage } | { type: 'edit'; message: WebMessage };

/** Who is watching whose conversation now (the open event streams), by person. */
export class WebHub {
  private readonly watchers = new Map<string, Set<(event: WebEvent) => void>>();

  watch(personId: string, listener: (event: WebEvent) => void): () => void {
    const set = this.watchers.get(personId) ?? new Set();
    set.add(listener);
    this.watchers.set(personId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.watchers.delete(personId);
    };
  }

  publish(personId: string, event: WebEvent): void {
    for (const listener of this.watchers.get(personId) ?? []) listener(event);
  }
}
