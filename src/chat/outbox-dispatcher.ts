import type { Prompt } from '../core/engine/types.js';
import type { OrgDirectory } from '../core/org/org-directory.js';
import type { Clock, FileStore, Outbox, OutboxEntry } from '../core/ports.js';
import type { IdentityStore, PlatformFileRefs } from './ports.js';
import type { Translator } from '../i18n/translator.js';
import type { Logger } from '../logger.js';
import { TokenBatch } from './action-tokens.js';
import { ChannelPermanentError, ChannelRateLimitedError } from './errors.js';
import type { ActionTokenStore, TaskMessageLog } from './ports.js';
import { RateGate } from './rate-gate.js';
import type { ReaderResolver } from './readers.js';
import { renderPrompt } from './render-prompt.js';
import { deliverFile } from './file-delivery.js';
import type { LetterFactsSource } from './contributions.js';
import { letterFactsOf, markMessage, withoutSubject } from './letter-marks.js';
import { reachOf } from './reach.js';
import type { ChatPlatform, ChatSender, SendLimits } from './types.js';

export interface DispatcherDeps {
  outbox: Outbox;
  senders: ChatSender[];
  identities: IdentityStore;
  org: () => OrgDirectory;
  readers: ReaderResolver;
  translator: Translator;
  tokens: ActionTokenStore;
  messages: TaskMessageLog;
  clock: Clock;
  logger: Logger;
  files: FileStore;
  /** The platforms' own ids of stored files (optional: without it, files are always uploaded). */
  fileRefs?: PlatformFileRefs;
  /** Overrides of the senders' own limits, by platform id (tests send faster). */
  limits?: Partial<Record<ChatPlatform, SendLimits>>;
  pollMs?: number;
  maxAttempts?: number;
  /** What each letter's metadata means for its messages (confidential, urgency). */
  letterFacts?: LetterFactsSource;
}

/**
 * Sends what the outbox holds: picks each person's platform, renders the prompt in their
 * language, sends or edits, and reschedules on rate limits and outages so nothing is lost.
 */
export class OutboxDispatcher {
  private readonly senders = new Map<ChatPlatform, ChatSender>();
  private readonly gates = new Map<ChatPlatform, RateGate>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly deps: DispatcherDeps) {
    for (const sender of deps.senders) {
      this.senders.set(sender.platform, sender);
      this.gates.set(sender.platform, new RateGate(deps.limits?.[sender.platform] ?? sender.limits));
    }
  }

  start(): void {
    this.stopped = false;
    // A process without channels (a worker) leaves the outbox to the processes that can send:
    // leasing an entry it cannot deliver would fail it for everyone.
    if (this.senders.size === 0) {
      this.deps.logger.info('no channel in this process: the outbox is left to the others');
      return;
    }
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick()
        .then(() => undefined)
        .catch((error: unknown) => this.deps.logger.error({ err: error }, 'outbox tick failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, this.deps.pollMs ?? 200);
        });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over the due entries; returns how many were handled. */
  async tick(): Promise<number> {
    const entries = await this.deps.outbox.lease(50, 60_000, this.deps.clock.now());
    for (const entry of entries) await this.deliver(entry);
    return entries.length;
  }

  private async deliver(entry: OutboxEntry): Promise<void> {
    const { prompt } = entry;
    try {
      const delay = await this.send(prompt);
      if (delay > 0) {
        await this.deps.outbox.retryLater(
          prompt.id,
          new Date(this.deps.clock.now().getTime() + delay),
          'paced',
        );
        return;
      }
      await this.deps.outbox.markSent(prompt.id);
    } catch (error) {
      await this.onFailure(entry, error);
    }
  }

  /** Sends or edits; returns ms to wait when the rate gate says not yet (nothing was sent). */
  private async send(prompt: Prompt): Promise<number> {
    if (prompt.kind === 'task-update' || prompt.kind === 'task-closed') return this.editTaskMessages(prompt);
    if (prompt.kind === 'card') {
      const updates = (await this.deps.identities.preferences(prompt.to)).notify ?? 'ringkas';
      // `selesai`: only the final notice; `ringkas`: the one card, edited; `langkah`: a message each time.
      if (updates === 'selesai') return 0;
      if (updates === 'ringkas' && (await this.logged(prompt)).length > 0)
        return this.editTaskMessages(prompt);
    }
    const target = await this.targetFor(prompt.to);
    if (!target)
      throw new ChannelPermanentError(`${prompt.to} has no linked chat account on an enabled channel`);
    const delay =
      this.gates.get(target.sender.platform)?.reserve(target.chatId, this.deps.clock.now().getTime()) ?? 0;
    if (delay > 0) return delay;
    const reader = await this.deps.readers.readerFor(prompt.to);
    const tokens = new TokenBatch({ personId: prompt.to, instanceId: prompt.instanceId });
    const facts = await letterFactsOf(this.deps.letterFacts, prompt.instanceId, prompt.to);
    const message = markMessage(
      renderPrompt(withoutSubject(prompt, facts), reader, this.deps.translator, tokens),
      facts,
      { task: prompt.kind === 'task', reader, translator: this.deps.translator },
    );
    await tokens.saveTo(this.deps.tokens);
    if (prompt.file) {
      await deliverFile(this.deps, target.sender, target.chatId, prompt.file, message, reader);
      return 0;
    }
    const sent = await target.sender.send(target.chatId, message);
    if (prompt.runId && (prompt.kind === 'task' || prompt.kind === 'card')) {
      await this.deps.messages.record(prompt.instanceId, prompt.runId, prompt.to, sent);
    }
    return 0;
  }

  private async editTaskMessages(prompt: Prompt): Promise<number> {
    const logged = await this.logged(prompt);
    const reader = await this.deps.readers.readerFor(prompt.to);
    const facts =
      logged.length > 0
        ? await letterFactsOf(this.deps.letterFacts, prompt.instanceId, prompt.to)
        : undefined;
    for (const { sent } of logged) {
      const sender = this.senders.get(sent.platform);
      if (!sender) continue;
      const tokens = new TokenBatch({ personId: prompt.to, instanceId: prompt.instanceId });
      const shown = facts ? withoutSubject(prompt, facts) : prompt;
      const rendered = renderPrompt(shown, reader, this.deps.translator, tokens);
      const message = facts
        ? markMessage(rendered, facts, {
            task: prompt.kind !== 'card',
            reader,
            translator: this.deps.translator,
          })
        : rendered;
      await tokens.saveTo(this.deps.tokens);
      await sender.edit(sent, message);
    }
    return 0;
  }

  /** The platform a person gets messages on: their setting, else the one they used last, else any. */
  private async targetFor(personId: string): Promise<{ sender: ChatSender; chatId: string } | undefined> {
    const reach = await reachOf(this.deps, personId, [...this.senders.keys()]);
    const sender = reach && this.senders.get(reach.platform);
    return reach && sender ? { sender, chatId: reach.chatId } : undefined;
  }

  /** The messages already sent for the prompt's run (or card) to its person, on any platform. */
  private async logged(prompt: Prompt) {
    if (!prompt.runId) return [];
    return (await this.deps.messages.find(prompt.instanceId, prompt.runId)).filter(
      (m) => m.personId === prompt.to,
    );
  }

  private async onFailure(entry: OutboxEntry, error: unknown): Promise<void> {
    const { prompt } = entry;
    const now = this.deps.clock.now().getTime();
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ChannelPermanentError) {
      this.deps.logger.warn(
        { promptId: prompt.id, to: prompt.to, err: message },
        'message cannot be delivered',
      );
      await this.deps.outbox.markFailed(prompt.id, message);
      return;
    }
    if (entry.attempts >= (this.deps.maxAttempts ?? 50)) {
      this.deps.logger.error(
        { promptId: prompt.id, err: message },
        'giving up on a message after many attempts',
      );
      await this.deps.outbox.markFailed(prompt.id, message);
      return;
    }
    const wait =
      error instanceof ChannelRateLimitedError
        ? error.retryAfterMs
        : Math.min(60_000, 500 * 2 ** Math.min(entry.attempts - 1, 7));
    this.deps.logger.warn(
      { promptId: prompt.id, attempts: entry.attempts, waitMs: wait, err: message },
      'send failed, retrying',
    );
    await this.deps.outbox.retryLater(prompt.id, new Date(now + wait), message);
  }
}
