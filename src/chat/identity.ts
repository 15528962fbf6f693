import type { PersonId } from '../core/ids.js';
import { localeHint, type ChatContext } from './chat-context.js';
import { taskList } from './tasks.js';
import type { ChatReply, ChatUser } from './types.js';

/**
 * Who is behind a chat account, and how an account gets linked: by a one-time invite code, or by
 * the person's `chat:` entry in the org file. Positions come only from the org file.
 */

/** The person behind a chat account (linked by invite, or named in the org file), or undefined. */
export async function identify(chat: ChatContext, user: ChatUser): Promise<PersonId | undefined> {
  const linked = await chat.deps.identities.account(user.platform, user.userId);
  if (linked && chat.org.person(linked.personId)) return linked.personId;
  return chat.org.allPeople().find((p) => p.chat[user.platform] === user.userId)?.id;
}

/**
 * Remembers where to reach the person and which platform they used last. Only what changed is
 * written: a person tapping again in the same chat costs no write.
 */
async function touch(chat: ChatContext, user: ChatUser, personId: PersonId): Promise<void> {
  const { identities } = chat.deps;
  const [account, prefs] = await Promise.all([
    identities.account(user.platform, user.userId),
    identities.preferences(personId),
  ]);
  const writes: Promise<void>[] = [];
  if (account?.personId !== personId || account.chatId !== user.chatId)
    writes.push(
      identities.link(personId, { channel: user.platform, userId: user.userId, chatId: user.chatId }),
    );
  // Until they choose with /bahasa, people get messages in their app's language.
  const hint = localeHint(user.languageCode);
  const changes = {
    ...(prefs.lastChannel !== user.platform ? { lastChannel: user.platform } : {}),
    ...(!prefs.locale && hint ? { locale: hint } : {}),
  };
  if (Object.keys(changes).length > 0) writes.push(identities.setPreferences(personId, changes));
  await Promise.all(writes);
}

/** Runs `then` for a linked person; an unlinked user is told how to get an invite code. */
export async function asPerson(
  chat: ChatContext,
  user: ChatUser,
  then: (personId: PersonId) => Promise<ChatReply>,
): Promise<ChatReply> {
  const personId = await identify(chat, user);
  if (!personId) return chat.say(user, undefined, { key: 'chat-not-linked' });
  await touch(chat, user, personId);
  return then(personId);
}

/** `/start <code>` (Slack: `/pandu link <code>`): links the account; without a code, greets a linked one. */
export async function link(chat: ChatContext, user: ChatUser, code: string): Promise<ChatReply> {
  const trimmed = code.trim();
  if (!trimmed) return asPerson(chat, user, (personId) => greet(chat, user, personId));
  const result = await chat.deps.invites.redeem(trimmed, chat.deps.clock.now());
  if (!result.ok) return chat.say(user, undefined, { key: `chat-invite-${result.reason}` });
  if (!chat.org.person(result.personId)) return chat.say(user, undefined, { key: 'chat-invite-unknown' });
  await touch(chat, user, result.personId);
  chat.deps.logger.info({ personId: result.personId, platform: user.platform }, 'chat account linked');
  return greet(chat, user, result.personId);
}

/** The welcome (name, position, unit) and the person's open tasks. */
async function greet(chat: ChatContext, user: ChatUser, personId: PersonId): Promise<ChatReply> {
  const person = chat.org.person(personId);
  const unit = person ? (chat.org.unit(person.unit)?.name ?? person.unit) : '';
  const greeting = await chat.render(user, personId, [
    {
      key: 'chat-welcome',
      params: { name: person?.name ?? personId, position: person?.position ?? '', unit },
    },
  ]);
  const tasks = await taskList(chat, user, personId);
  return { messages: [greeting, ...tasks.messages] };
}
