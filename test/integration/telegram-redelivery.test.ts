/**
 * An update whose handling a crash cut off is handled when Telegram delivers it again (the
 * offset or the webhook answer of the dead process never reached Telegram): the update is
 * recorded as seen once handled, not before. The real grammY bot over real HTTP against the Bot
 * API stand-in; the chat layer is a stand-in that counts taps.
 */
import type { Update } from 'grammy/types';
import { createTelegramBot } from '../../src/channels/telegram/telegram-bot.js';
import type { ChatPort } from '../../src/chat/port.js';
import type { ChatReply } from '../../src/chat/types.js';
import { createLogger } from '../../src/logger.js';
import { MemoryDeliveryLog } from '../support/fakes/memory-ports.js';
import { TelegramBotApiStandIn, type SimUser } from '../support/telegram/index.js';

const TOKEN = '123456:REDELIVERY-test';
const tuti: SimUser = { id: 6201, first_name: 'Tuti', language_code: 'id' };

/** A chat layer whose taps are counted; `hang` makes a tap never finish, like a process killed mid-tap. */
function countingChat(behaviour: { hang: boolean }, taps: string[]): ChatPort {
  const done: ChatReply = { messages: [], toast: 'Dicatat.' };
  const chat: Partial<ChatPort> = {
    tap: (_user, _token, tapId) => {
      taps.push(tapId);
      return behaviour.hang ? new Promise<ChatReply>(() => undefined) : Promise.resolve(done);
    },
    failure: () => Promise.resolve(done),
  };
  return chat as ChatPort;
}

describe('Telegram updates redelivered after a crash', () => {
  const standIn = new TelegramBotApiStandIn({ token: TOKEN });

  beforeAll(() => standIn.start());
  afterAll(() => standIn.stop());

  test('a tap cut off mid-handling is handled by the next process; a tap handled to the end is not handled again', async () => {
    standIn.addUser(tuti);
    const deliveries = new MemoryDeliveryLog();
    const taps: string[] = [];
    const bot = async (behaviour: { hang: boolean }) => {
      const made = createTelegramBot({
        token: TOKEN,
        client: { apiRoot: standIn.apiRoot },
        chat: countingChat(behaviour, taps),
        deliveries,
        logger: createLogger('silent'),
        maxDownloadBytes: 20 * 1024 * 1024,
      });
      await made.init(); // getMe, from the stand-in
      return made;
    };
    const sender = await bot({ hang: false });
    const task = await sender.api.sendMessage(tuti.id, 'Langkah 2/4', {
      reply_markup: { inline_keyboard: [[{ text: 'Catat', callback_data: 'tok-catat' }]] },
    });
    const tapId = standIn.userTaps(tuti, { chatId: tuti.id, messageId: task.message_id }, 'tok-catat');
    const update = standIn.pushedUpdates().find((u) => u.callback_query?.id === tapId) as Update;

    // The first process takes the tap and dies while handling it (its handling never ends).
    void (await bot({ hang: true })).handleUpdate(update);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(taps).toEqual([tapId]);

    // Telegram delivers it again to the restarted process, which handles it to the end.
    await (await bot({ hang: false })).handleUpdate(update);
    expect(taps).toEqual([tapId, tapId]);

    // Delivered once more (a duplicate): ignored, it was handled.
    await (await bot({ hang: false })).handleUpdate(update);
    expect(taps).toEqual([tapId, tapId]);
  });

  test('the same update arriving again while this process still handles it (a webhook retry) is not handled twice', async () => {
    const deliveries = new MemoryDeliveryLog();
    const taps: string[] = [];
    const behaviour = { hang: true };
    const made = createTelegramBot({
      token: TOKEN,
      client: { apiRoot: standIn.apiRoot },
      chat: countingChat(behaviour, taps),
      deliveries,
      logger: createLogger('silent'),
      maxDownloadBytes: 20 * 1024 * 1024,
    });
    await made.init();
    const task = await made.api.sendMessage(tuti.id, 'Langkah 3/4', {
      reply_markup: { inline_keyboard: [[{ text: 'Setujui', callback_data: 'tok-setujui' }]] },
    });
    const tapId = standIn.userTaps(tuti, { chatId: tuti.id, messageId: task.message_id }, 'tok-setujui');
    const update = standIn.pushedUpdates().find((u) => u.callback_query?.id === tapId) as Update;
    void made.handleUpdate(update);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await made.handleUpdate(update);
    expect(taps).toEqual([tapId]);
  });
});
