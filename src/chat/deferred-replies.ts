import { randomUUID } from 'node:crypto';
import type { Prompt } from '../core/engine/types.js';
import type { PersonId } from '../core/ids.js';
import type { OutgoingMessage } from './types.js';

/**
 * Direct replies a platform would not take for about a minute, as outbox prompts: delivered
 * later, paced and retried like any task. Their text is already in the person's language; a
 * confidential letter's reply keeps only its neutral preview. Buttons do not go along (their
 * tokens belong to the message that failed): the person is pointed to /tugas instead.
 */
export function deferredReplies(personId: PersonId, messages: OutgoingMessage[]): Prompt[] {
  const batch = randomUUID();
  return messages.map((message, index) => ({
    id: `reply:${batch}:${index}`,
    to: personId,
    instanceId: message.taskRun?.instanceId ?? '-',
    kind: 'notice' as const,
    lines: [
      {
        key: 'chat-reply-later',
        params: { text: message.confidential ? (message.previewText ?? '🔒') : message.lines.join('\n') },
      },
      ...(message.buttons.length > 0 ? [{ key: 'chat-reply-later-buttons' }] : []),
    ],
    actions: [],
  }));
}
