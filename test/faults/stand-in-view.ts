/**
 * What the Bot API stand-in saw the service send, read the way the suite's checks need it: every
 * successful sendMessage call (one per message a person received), with when it arrived.
 */
import {
  inlineButtons,
  type RecordedMessage,
  type TelegramBotApiStandIn,
} from '../support/telegram/index.js';
import { STEP_COUNT, type TimedStep } from './world.js';

export interface Sent {
  chatId: number;
  text: string;
  buttons: number;
  /** Date.now() when the call reached the stand-in. */
  at: number;
}

export type Kind = { kind: 'task' } | { kind: 'reminder' } | { kind: 'escalation'; level: number };

export function sentMessages(standIn: TelegramBotApiStandIn): Sent[] {
  return standIn
    .calls('sendMessage')
    .filter((call) => call.outcome?.ok === true)
    .map((call) => {
      const markup = call.params['reply_markup'];
      const parsed = (typeof markup === 'string' ? JSON.parse(markup) : markup) as
        { inline_keyboard?: unknown[][] } | undefined;
      return {
        chatId: Number(call.params['chat_id']),
        text: typeof call.params['text'] === 'string' ? call.params['text'] : '',
        buttons: parsed?.inline_keyboard?.flat().length ?? 0,
        at: call.at,
      };
    });
}

const stepMark = (step: TimedStep) => `Langkah ${step.number}/${STEP_COUNT}`;

/** What a message of a request is, for one of its timed steps (undefined: something else). */
export function kindOf(message: Pick<Sent, 'text' | 'buttons'>, step: TimedStep): Kind | undefined {
  const { text } = message;
  const level = /Eskalasi tingkat (\d+)/.exec(text);
  if (level && text.includes(stepMark(step))) return { kind: 'escalation', level: Number(level[1]) };
  if (text.includes('Pengingat:') && text.includes(stepTitle(step))) return { kind: 'reminder' };
  if (!level && text.includes(stepMark(step)) && message.buttons > 0) return { kind: 'task' };
  return undefined;
}

const TITLES: Record<TimedStep['id'], string> = {
  agenda: 'Mengagendakan permohonan uji',
  telaah: 'Menelaah permohonan uji',
  setujui: 'Menyetujui hasil telaah',
};

export const stepTitle = (step: TimedStep): string => TITLES[step.id];

/** The messages of one request (its subject is in every notice's header). */
export function ofRequest(messages: Sent[], subject: string): Sent[] {
  return messages.filter((m) => m.text.includes(subject));
}

/** The person's task message of a step of the request, in its current state, if it came. */
export function taskMessage(
  standIn: TelegramBotApiStandIn,
  chatId: number,
  subject: string,
  step: TimedStep,
): RecordedMessage | undefined {
  return standIn
    .sentTo(chatId)
    .find(
      (m) =>
        (m.text ?? '').includes(subject) &&
        (m.text ?? '').includes(stepMark(step)) &&
        !(m.text ?? '').includes('Eskalasi tingkat') &&
        inlineButtons(m.replyMarkup).length > 0,
    );
}
