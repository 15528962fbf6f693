import type { MessageRef } from '../../core/i18n.js';
import type { PersonId } from '../../core/ids.js';
import type { ChatCore } from '../../chat/chat-core.js';
import type { ChatUser } from '../../chat/types.js';

/** Renders message references in one reader's language and time zone. */
export type Texts = (ref: MessageRef) => string;

export async function textsFor(chat: ChatCore, user: ChatUser, personId?: PersonId): Promise<Texts> {
  const reader = await chat.readerFor(user, personId);
  return (ref) => chat.deps.translator.format(ref, reader);
}
