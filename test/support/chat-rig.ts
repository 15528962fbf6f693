/**
 * The chat layer on in-memory ports: the engine harness's service, a real ChatApp (identity,
 * commands, taps, replies, uploads), the platforms as registered, and the features a test gives.
 * For adapter tests that need no database, and for feature tests driven as a person would.
 */
import { createConnection } from 'mongoose';
import type { ChannelDeps } from '../../src/channels/channel.js';
import { PLATFORMS } from '../../src/channels/index.js';
import { ChatApp } from '../../src/chat/chat-app.js';
import { ReaderResolver } from '../../src/chat/readers.js';
import type { ChatReply, ChatUser, OutgoingMessage } from '../../src/chat/types.js';
import type { Instance, Prompt, StepRun } from '../../src/core/engine/types.js';
import type { Config } from '../../src/config/env.js';
import type { Contributions } from '../../src/features/feature.js';
import { loadTranslator, type Translator } from '../../src/i18n/translator.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createEngineHarness } from './engine-harness.js';
import {
  MemoryActionTokenStore,
  MemoryConversationStore,
  MemoryTaskMessageLog,
} from './fakes/memory-chat-stores.js';
import {
  MemoryDeliveryLog,
  MemoryFileStore,
  MemoryIdentityStore,
  MemoryInviteStore,
} from './fakes/memory-ports.js';
import { LOCALES_DIR } from './paths.js';

export interface ChatRigOptions {
  uploadMaxBytes?: number;
  /** Default silent. */
  logger?: Logger;
  /** A feature's contributions (built from the rig's parts): its chat part and its listener after a save. */
  contributions?: (parts: ChatRigParts) => Pick<Contributions, 'chat' | 'onSaved'>;
}

export interface ChatRigParts {
  harness: ReturnType<typeof createEngineHarness>;
  identities: MemoryIdentityStore;
  files: MemoryFileStore;
  translator: Translator;
  logger: Logger;
  readers: ReaderResolver;
  sent: Prompt[];
}

export type ChatRig = ReturnType<typeof createChatRig>;

export function createChatRig(options: ChatRigOptions = {}) {
  // The feature's listener is known only once its parts exist; the service calls it late-bound.
  const late: Pick<Contributions, 'onSaved'> = {};
  const harness = createEngineHarness({ onSaved: (change) => late.onSaved?.(change) ?? Promise.resolve() });
  const identities = new MemoryIdentityStore();
  const invites = new MemoryInviteStore();
  const files = new MemoryFileStore();
  const deliveries = new MemoryDeliveryLog();
  const messages = new MemoryTaskMessageLog();
  const conversations = new MemoryConversationStore();
  const tokens = new MemoryActionTokenStore();
  const translator = loadTranslator(LOCALES_DIR);
  const logger = options.logger ?? createLogger('silent');
  const readers = new ReaderResolver({
    org: () => harness.org,
    identities,
    defaultTimeZone: 'Asia/Jakarta',
    clock: harness.clock,
  });
  /** Prompts features sent through the outbox (host.send). */
  const sent: Prompt[] = [];
  const parts: ChatRigParts = { harness, identities, files, translator, logger, readers, sent };
  const feature = options.contributions?.(parts) ?? {};
  if (feature.onSaved) late.onSaved = feature.onSaved;
  const chat = new ChatApp({
    service: harness.service,
    identities,
    invites,
    files,
    tokens,
    conversations,
    messages,
    readers,
    translator,
    clock: harness.clock,
    logger,
    uploadMaxBytes: options.uploadMaxBytes ?? 20 * 1024 * 1024,
    platforms: PLATFORMS,
    contributions: feature.chat ?? {},
    send: (prompts) => harness.outbox.enqueue(prompts),
  });

  /** Issues an invite code valid for a day of the harness clock. */
  async function invite(personId: string): Promise<string> {
    const code = `CODE-${personId}`;
    await invites.issue(personId, code, new Date(harness.clock.now().getTime() + 24 * 3600 * 1000));
    return code;
  }

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
  let taps = 0;
  /** The person sends a document in chat (after tapping "send file" on that instance's task, when given). */
  async function upload(
    personId: string,
    name: string,
    bytes: Uint8Array,
    opts: { size?: number; instance?: Instance } = {},
  ): Promise<ChatReply> {
    if (opts.instance) await tap(opts.instance, '📎');
    messageIds += 1;
    return chat.file(
      await user(personId),
      {
        name,
        size: opts.size ?? bytes.length,
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

  /** The open run's task message, as the person gets it from /tugas (with fresh button tokens). */
  async function task(
    instance: Instance,
  ): Promise<{ run: StepRun; message: OutgoingMessage; person: string }> {
    const current = await harness.current(instance);
    const run = harness.openRun(current);
    const person = run.assigneeId ?? '';
    const list = await chat.command(await user(person), 'tugas', '');
    const message = list.messages.find(
      (m) => m.taskRun?.instanceId === current.id && m.taskRun.runId === run.runId,
    );
    if (!message) throw new Error(`/tugas of ${person} has no task for ${run.runId}`);
    return { run, message, person };
  }

  /** Taps the button whose label contains `label` on the open task (the n-th such button). */
  async function tap(instance: Instance, label: string, nth = 0): Promise<ChatReply> {
    const { message, person } = await task(instance);
    const button = message.buttons.flat().filter((b) => b.label.includes(label))[nth];
    if (!button)
      throw new Error(
        `no button "${label}" in ${JSON.stringify(message.buttons.flat().map((b) => b.label))}`,
      );
    taps += 1;
    return chat.tap(await user(person), button.token, `tap-${taps}`);
  }

  function replyText(reply: ChatReply): string {
    return [...reply.messages.flatMap((m) => m.lines), reply.toast ?? ''].join('\n');
  }

  /** What a channel factory gets, on the rig's parts (the database connection is never opened). */
  function channelDeps(config: Config, log: Logger = logger): ChannelDeps {
    return {
      config,
      chat,
      deliveries,
      logger: log,
      clock: harness.clock,
      invites,
      publicUrl: () => 'http://localhost:3000',
      connection: createConnection(),
      embedded: false,
      org: () => harness.org,
    };
  }

  return {
    channelDeps,
    harness,
    chat,
    identities,
    invites,
    files,
    deliveries,
    messages,
    conversations,
    tokens,
    translator,
    readers,
    logger,
    sent,
    invite,
    user,
    upload,
    text,
    command,
    task,
    tap,
    replyText,
  };
}
