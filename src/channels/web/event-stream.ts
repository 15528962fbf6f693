import type { WebHub } from './web-hub.js';
import type { WebMessage } from './web-store.js';

/**
 * One page's event stream over the conversations it shows, in an order that loses nothing: each
 * person's history first, then what arrived while it was read, then what comes after. Watching
 * starts before the history is read (a message in between is in both; the page keeps one by id),
 * and what arrives for a person before their history is written waits behind it: the page replaces
 * a column with its history, so a message shown a moment before would be gone from the screen.
 * Resolves once every history is written, with the function that stops watching.
 */
export async function streamConversations(
  people: readonly string[],
  deps: { hub: WebHub; history: (personId: string) => Promise<WebMessage[]> },
  write: (event: 'history' | 'msg' | 'edit', payload: unknown) => void,
): Promise<() => void> {
  const held = new Map<string, Array<() => void>>(people.map((person) => [person, []]));
  const unwatch = people.map((person) =>
    deps.hub.watch(person, (event) => {
      const send = () => write(event.type === 'edit' ? 'edit' : 'msg', { person, message: event.message });
      const waiting = held.get(person);
      if (waiting) waiting.push(send);
      else send();
    }),
  );
  const stop = () => {
    for (const stopWatching of unwatch) stopWatching();
  };
  try {
    for (const person of people) {
      write('history', { person, messages: await deps.history(person) });
      for (const send of held.get(person) ?? []) send();
      held.delete(person);
    }
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}
