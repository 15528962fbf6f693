/**
 * People on Telegram in an end-to-end suite: what they send, tap and wait for, bound once to the Bot API
 * stand-in and to the suite's people (person id → simulated Telegram user).
 */
import type { InlineKeyboardButton } from 'grammy/types';
import {
  inlineButtons,
  type DocumentSpec,
  type RecordedMessage,
  type SimUser,
  type TelegramBotApiStandIn,
} from '../telegram/index.js';
import { E2E_WAIT_MS } from './waiting.js';

export type MessagePredicate = (message: RecordedMessage) => boolean;

/** The message's text contains `text` (or matches it). */
export const hasText =
  (text: string | RegExp): MessagePredicate =>
  (m) =>
    typeof text === 'string' ? (m.text ?? '').includes(text) : text.test(m.text ?? '');

/** The message has a button whose label contains `label`. */
export const hasButton =
  (label: string): MessagePredicate =>
  (m) =>
    inlineButtons(m.replyMarkup).some((b) => b.text.includes(label));

/** The message carries a document of that name. */
export const hasDocument =
  (name: string | RegExp): MessagePredicate =>
  (m) =>
    typeof name === 'string' ? m.document?.fileName === name : name.test(m.document?.fileName ?? '');

/** A task message: it names the step (or the subject) and still has buttons. */
export const isTask =
  (step: string): MessagePredicate =>
  (m) =>
    (m.text ?? '').includes(step) && inlineButtons(m.replyMarkup).length > 0;

function labelled(message: RecordedMessage, label: string): InlineKeyboardButton | undefined {
  return inlineButtons(message.replyMarkup).find((b) => b.text.includes(label));
}

/**
 * The callback data of the button whose label contains `label` (without a label: the first button), as
 * the message shows it; fails when there is none.
 */
export function callbackData(message: RecordedMessage, label?: string): string {
  const button = label === undefined ? inlineButtons(message.replyMarkup)[0] : labelled(message, label);
  if (!button || !('callback_data' in button))
    throw new Error(
      `no callback button ${label ?? ''} on message ${message.messageId}: ${message.text ?? ''}`,
    );
  return button.callback_data;
}

export interface TelegramPeopleOptions {
  /** How long `next`, `taskFor` and `edited` wait (default E2E_WAIT_MS). */
  timeoutMs?: number;
}

export function telegramPeople(
  standIn: TelegramBotApiStandIn,
  people: Record<string, SimUser>,
  options: TelegramPeopleOptions = {},
) {
  const timeoutMs = options.timeoutMs ?? E2E_WAIT_MS;

  function person(who: string): SimUser {
    const user = people[who];
    if (!user) throw new Error(`${who} is not on Telegram in this suite`);
    return user;
  }

  const messages = (who: string): RecordedMessage[] => standIn.sentTo(person(who).id);

  /** The id of the newest bot message to the person (0 when none), to wait for what comes after it. */
  const lastId = (who: string): number => messages(who).at(-1)?.messageId ?? 0;

  /** A bot message to the person, newer than `after`, that matches; waiting for it. */
  function next(
    who: string,
    predicate: MessagePredicate,
    after = 0,
    waitMs = timeoutMs,
  ): Promise<RecordedMessage> {
    return standIn.waitForMessage(person(who).id, (m) => m.messageId > after && predicate(m), waitMs);
  }

  /** The person's task message for a step (newer than `after`), waiting for it. */
  const taskFor = (who: string, step: string, after = 0): Promise<RecordedMessage> =>
    next(who, isTask(step), after);

  /** The same message once an edit makes it match. */
  const edited = (
    who: string,
    message: RecordedMessage,
    predicate: MessagePredicate,
  ): Promise<RecordedMessage> =>
    standIn.waitForMessage(
      person(who).id,
      (m) => m.messageId === message.messageId && predicate(m),
      timeoutMs,
    );

  /** The task message once it shows the result and has no buttons left. */
  const closed = (who: string, message: RecordedMessage, result: string): Promise<RecordedMessage> =>
    edited(who, message, (m) => hasText(result)(m) && inlineButtons(m.replyMarkup).length === 0);

  const send = (who: string, text: string) => standIn.userSends(person(who), text);

  const sendDocument = (who: string, document: DocumentSpec) =>
    standIn.userSendsDocument(person(who), document);

  /** The person links with an invite code and is welcomed. */
  async function link(who: string, code: string, welcome: MessagePredicate = hasText('Selamat datang')) {
    const before = lastId(who);
    send(who, `/start ${code}`);
    return next(who, welcome, before);
  }

  /** The requester submits a request with /ajukan: the subject, then the nota dinas. */
  async function submitRequest(
    who: string,
    subject: string,
    notaDinas: DocumentSpec,
  ): Promise<RecordedMessage> {
    send(who, '/ajukan');
    await next(who, hasText('Tulis perihal'));
    send(who, subject);
    await next(who, hasText('kirim nota dinasnya'));
    sendDocument(who, notaDinas);
    return next(who, hasText('diterima dan diteruskan'));
  }

  /**
   * The person taps the button whose label contains `label`, on the message as it is now; returns the
   * callback query id. Fails when the message shows no such button.
   */
  function tap(who: string, message: RecordedMessage, label: string): string {
    const current = standIn.message(message) ?? message;
    const button = labelled(current, label);
    if (!button)
      throw new Error(`no Telegram button "${label}" on message ${current.messageId}: ${current.text ?? ''}`);
    return standIn.userTapsButton(person(who), current, button.text);
  }

  /** Taps the `index`-th button of the row whose first button contains `rowText`. */
  function tapInRow(who: string, message: RecordedMessage, rowText: string, index: number): string {
    const markup = (standIn.message(message) ?? message).replyMarkup;
    const rows = markup && 'inline_keyboard' in markup ? markup.inline_keyboard : [];
    const button = rows.find((row) => row[0]?.text.includes(rowText))?.[index];
    if (!button || !('callback_data' in button) || !button.callback_data)
      throw new Error(`no button ${index} in the row of ${rowText}`);
    return standIn.userTaps(person(who), message, button.callback_data);
  }

  /**
   * Taps a button as the person saw it on `seen` (an earlier state of the message), even if the message
   * no longer has it: a stale or someone else's button. Returns the callback query id.
   */
  const tapAsSeen = (who: string, seen: RecordedMessage, label?: string): string =>
    standIn.userTaps(person(who), seen, callbackData(seen, label), { allowUnknownData: true });

  return {
    person,
    messages,
    lastId,
    next,
    taskFor,
    edited,
    closed,
    send,
    sendDocument,
    link,
    submitRequest,
    tap,
    tapInRow,
    tapAsSeen,
    hasText,
    hasButton,
    hasDocument,
    isTask,
    callbackData,
  };
}

export type TelegramPeople = ReturnType<typeof telegramPeople>;
