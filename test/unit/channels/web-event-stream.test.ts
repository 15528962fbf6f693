import { streamConversations } from '../../../src/channels/web/event-stream.js';
import { WebHub } from '../../../src/channels/web/web-hub.js';
import type { WebMessage } from '../../../src/channels/web/web-store.js';

const message = (id: string): WebMessage => ({
  id,
  from: 'pandu',
  lines: [id],
  parts: [],
  buttons: [],
  files: [],
  at: '',
});

/** What the page does with the frames: a history replaces the column, a message is added by id. */
function page() {
  const columns = new Map<string, string[]>();
  const frames: string[] = [];
  const write = (event: string, payload: unknown) => {
    const {
      person,
      messages,
      message: one,
    } = payload as { person: string; messages?: WebMessage[]; message?: WebMessage };
    frames.push(`${event}:${person}`);
    if (event === 'history')
      columns.set(
        person,
        (messages ?? []).map((m) => m.id),
      );
    else if (one && !(columns.get(person) ?? []).includes(one.id))
      columns.set(person, [...(columns.get(person) ?? []), one.id]);
  };
  return { columns, frames, write };
}

describe('a page event stream', () => {
  test('a message sent while a history is read is shown after that history, not wiped by it', async () => {
    const hub = new WebHub();
    const stored: Record<string, WebMessage[]> = { ana: [message('a1')], budi: [message('b1')] };
    const { columns, frames, write } = page();
    const history = async (person: string) => {
      const snapshot = [...(stored[person] ?? [])];
      // Delivered while the history is being read: stored after the snapshot, then published.
      if (person === 'budi') {
        stored.budi = [...(stored.budi ?? []), message('b2')];
        hub.publish('budi', { type: 'message', message: message('b2') });
        hub.publish('ana', { type: 'message', message: message('a2') });
      }
      await new Promise((resolve) => setImmediate(resolve));
      return snapshot;
    };
    const stop = await streamConversations(['ana', 'budi'], { hub, history }, write);
    expect(columns.get('budi')).toEqual(['b1', 'b2']);
    expect(columns.get('ana')).toEqual(['a1', 'a2']);
    expect(frames).toEqual(['history:ana', 'msg:ana', 'history:budi', 'msg:budi']);
    // Later messages go straight out, until the page is gone.
    hub.publish('ana', { type: 'edit', message: message('a1') });
    expect(frames.at(-1)).toBe('edit:ana');
    stop();
    hub.publish('ana', { type: 'message', message: message('a3') });
    expect(columns.get('ana')).toEqual(['a1', 'a2']);
  });

  test('a history that cannot be read stops the watching and says why', async () => {
    const hub = new WebHub();
    const { frames, write } = page();
    await expect(
      streamConversations(['ana'], { hub, history: () => Promise.reject(new Error('database gone')) }, write),
    ).rejects.toThrow('database gone');
    hub.publish('ana', { type: 'message', message: message('a1') });
    expect(frames).toEqual([]);
  });
});
