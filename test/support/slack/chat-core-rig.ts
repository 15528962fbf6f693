/**
 * A ChatCore on in-memory ports (the engine harness's service and fakes), for adapter tests that
 * do not need the database: the Slack channel is real, the state behind it lives in memory.
 */
import { ChatCore } from '../../../src/chat/chat-core.js';
import { ReaderResolver } from '../../../src/chat/readers.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { createLogger } from '../../../src/logger.js';
import { createEngineHarness } from '../engine-harness.js';
import {
  MemoryActionTokenStore,
  MemoryConversationStore,
  MemoryTaskMessageLog,
} from '../fakes/memory-chat-stores.js';
import {
  MemoryDeliveryLog,
  MemoryFileStore,
  MemoryIdentityStore,
  MemoryInviteStore,
} from '../fakes/memory-ports.js';
import { LOCALES_DIR } from '../paths.js';

export function createChatCoreRig(options: { uploadMaxBytes?: number } = {}) {
  const harness = createEngineHarness();
  const identities = new MemoryIdentityStore();
  const invites = new MemoryInviteStore();
  const files = new MemoryFileStore();
  const deliveries = new MemoryDeliveryLog();
  const logger = createLogger('silent');
  const chat = new ChatCore({
    service: harness.service,
    identities,
    invites,
    files,
    tokens: new MemoryActionTokenStore(),
    conversations: new MemoryConversationStore(),
    messages: new MemoryTaskMessageLog(),
    readers: new ReaderResolver({ org: () => harness.org, identities, defaultTimeZone: 'Asia/Jakarta' }),
    translator: loadTranslator(LOCALES_DIR),
    clock: harness.clock,
    logger,
    uploadMaxBytes: options.uploadMaxBytes ?? 20 * 1024 * 1024,
  });

  /** Issues an invite code valid for a day of the harness clock. */
  async function invite(personId: string): Promise<string> {
    const code = `CODE-${personId}`;
    await invites.issue(personId, code, new Date(harness.clock.now().getTime() + 24 * 3600 * 1000));
    return code;
  }

  return { harness, chat, identities, files, deliveries, logger, invite };
}
