/**
 * The PPK feature on in-memory ports: the engine harness's service, a real ChatCore (uploads, taps,
 * replies, commands), the feature installed into its registries, and a fake that keeps the files
 * the feature sends to people.
 */
import type { ChatCommandHandler, FileContentHandler } from '../../src/chat/chat-deps.js';
import { ChatCore } from '../../src/chat/chat-core.js';
import { ReaderResolver } from '../../src/chat/readers.js';
import type { ChatReply, ChatUser, OutgoingFile, OutgoingMessage } from '../../src/chat/types.js';
import type { Instance, StepRun } from '../../src/core/engine/types.js';
import { installPpk } from '../../src/features/ppk/index.js';
import { loadTranslator } from '../../src/i18n/translator.js';
import { createLogger } from '../../src/logger.js';
import { createEngineHarness } from './engine-harness.js';
import {
  MemoryActionTokenStore,
  MemoryConversationStore,
  MemoryTaskMessageLog,
} from './fakes/memory-chat-stores.js';
import { MemoryPpkRegisterStore } from './fakes/memory-ppk-register.js';
import { MemoryFileStore, MemoryIdentityStore, MemoryInviteStore } from './fakes/memory-ports.js';
import { LOCALES_DIR } from './paths.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function createPpkRig() {
  const harness = createEngineHarness();
  const identities = new MemoryIdentityStore();
  const files = new MemoryFileStore();
  const stored: string[] = [];
  const put = files.put.bind(files);
  files.put = async (bytes, meta) => {
    const ref = await put(bytes, meta);
    stored.push(ref.fileId);
    return ref;
  };
  const translator = loadTranslator(LOCALES_DIR);
  const logger = createLogger('silent');
  const fileHandlers: Record<string, FileContentHandler> = {};
  const chatCommands: Record<string, ChatCommandHandler> = {};
  const readers = new ReaderResolver({ org: () => harness.org, identities, defaultTimeZone: 'Asia/Jakarta' });
  const chat = new ChatCore({
    service: harness.service,
    identities,
    invites: new MemoryInviteStore(),
    files,
    tokens: new MemoryActionTokenStore(),
    conversations: new MemoryConversationStore(),
    messages: new MemoryTaskMessageLog(),
    readers,
    translator,
    clock: harness.clock,
    logger,
    uploadMaxBytes: 20 * 1024 * 1024,
    fileHandlers,
    extraCommands: chatCommands,
  });
  const register = new MemoryPpkRegisterStore();
  const sent: Array<{ to: string; file: OutgoingFile }> = [];
  installPpk({
    service: harness.service,
    register,
    translator,
    clock: harness.clock,
    logger,
    readerFor: (personId) => readers.readerFor(personId),
    maySee: (personId, instance) => chat.maySee(personId, instance),
    sendFile: (to, file) => {
      sent.push({ to, file });
      return Promise.resolve(true);
    },
    fileHandlers,
    chatCommands,
  });

  let userIds = 7000;
  const users = new Map<string, ChatUser>();
  /** A linked Telegram user for a person of the example org (Indonesian unless told). */
  async function user(personId: string, languageCode = 'id'): Promise<ChatUser> {
    const known = users.get(personId);
    if (known) return known;
    userIds += 1;
    const chatUser: ChatUser = {
      platform: 'telegram',
      userId: String(userIds),
      chatId: String(userIds),
      languageCode,
    };
    await identities.link(personId, {
      channel: 'telegram',
      userId: chatUser.userId,
      chatId: chatUser.chatId,
    });
    await identities.setPreferences(personId, { locale: languageCode === 'en' ? 'en' : 'id' });
    users.set(personId, chatUser);
    return chatUser;
  }

  let messageIds = 0;
  /** The person sends a document in chat (after tapping "send file" on that instance's task, when given). */
  async function upload(
    personId: string,
    name: string,
    bytes: Uint8Array,
    options: { size?: number; instance?: Instance } = {},
  ): Promise<ChatReply> {
    const size = options.size ?? bytes.length;
    if (options.instance) await tap(options.instance, '📎');
    messageIds += 1;
    return chat.file(
      await user(personId),
      {
        name,
        size,
        mimeType: 'application/octet-stream',
        download: () => Promise.resolve(Buffer.from(bytes)),
      },
      `m${messageIds}`,
    );
  }

  async function text(personId: string, words: string): Promise<ChatReply> {
    messageIds += 1;
    return chat.text(await user(personId), words, `m${messageIds}`);
  }

  async function command(personId: string, name: string, args = ''): Promise<ChatReply> {
    return chat.command(await user(personId), name, args);
  }

  /** The open run's task message, as the person would get it now (with fresh button tokens). */
  async function task(
    instance: Instance,
  ): Promise<{ run: StepRun; message: OutgoingMessage; person: string }> {
    const current = await harness.current(instance);
    const run = harness.openRun(current);
    const person = run.assigneeId ?? '';
    return { run, message: await chat.taskMessage(await user(person), person, current, run), person };
  }

  /** Taps the button whose label contains `label` on the open task (the n-th such button). */
  async function tap(instance: Instance, label: string, nth = 0): Promise<ChatReply> {
    const { message, person } = await task(instance);
    const button = message.buttons.flat().filter((b) => b.label.includes(label))[nth];
    if (!button)
      throw new Error(
        `no button "${label}" in ${JSON.stringify(message.buttons.flat().map((b) => b.label))}`,
      );
    return chat.tap(await user(person), button.token);
  }

  /** Starts an instance for a unit's ULP and walks it to the PPK list step (step 5). */
  async function toListStep(requesterId = 'ulp-biro-umum'): Promise<Instance> {
    const instance = await harness.start('Pemanfaatan SPSE untuk pengadaan TA 2027', requesterId);
    await harness.act(instance, { type: 'complete' });
    await harness.act(instance, { type: 'dispose', recipientIds: ['sari'], instructionId: 'tindak-lanjut' });
    await harness.act(instance, { type: 'dispose', recipientIds: ['dewi'], instructionId: 'tindak-lanjut' });
    const current = await harness.current(instance);
    if (harness.openRun(current).stepId !== 'input-data-ppk') throw new Error('not at step 5');
    return current;
  }

  function replyText(reply: ChatReply): string {
    return [...reply.messages.flatMap((m) => m.lines), reply.toast ?? ''].join('\n');
  }

  return {
    harness,
    chat,
    register,
    sent,
    stored,
    translator,
    user,
    upload,
    text,
    command,
    task,
    tap,
    toListStep,
    replyText,
  };
}
