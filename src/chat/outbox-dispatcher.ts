import type { Prompt } from '../core/engine/types.js';
import type { OrgDirectory } from '../core/org/org-directory.js';
import type { Clock, FileStore, Outbox, OutboxEntry } from '../core/ports.js';
import { localDate } from '../core/time/index.js';
import type { IdentityStore, PlatformFileRefs } from './ports.js';
import type { Translator } from '../i18n/translator.js';
import type { Logger } from '../logger.js';
import { TokenBatch } from './action-tokens.js';
import { inCallScope } from './call-scope.js';
import { retryDelayMs } from './backoff.js';
import { ChannelPermanentError, ChannelRateLimitedError, NoChatAccountError } from './errors.js';
import type { ActionTokenStore, TaskMessageLog } from './ports.js';
import { RateGate } from './rate-gate.js';
import type { ReaderResolver } from './readers.js';
import { renderPrompt } from './render-prompt.js';
import { deliverFile } from './file-delivery.js';
import type { LetterFactsBatch, LetterFactsSource } from './contributions.js';
import { letterFactsOf, markMessage, withoutSubject } from './letter-marks.js';
import { readForTick, type TickReads } from './outbox-tick-reads.js';
import { reachOf } from './reach.js';
import { sendWithSafeRetry } from './safe-message.js';
import { undeliverableNotices, type UndeliverableCause } from './undeliverable.js';
import type { ChatPlatform, ChatSender, SendLimits } from './types.js';

/**
 * How many people's messages are sent at once. A send mostly waits (for the platform's answer,
 * for its tokens to be stored): with 4 at once the dispatcher sent ~250 messages a second and the
 * next performer's task waited up to 10 s behind 100 taps a second; with 16 and 50 entries a
 * tick, 2.6 s at p99 over a minute; with 32 and 100 a tick, 0.3 s (bench:taps).
 */
const DEFAULT_CONCURRENCY = 32;
/**
 * Entries leased per tick. A tick ends when its slowest send does and costs seven commands
 * however many it holds (lease, what its messages need): fewer, larger ticks keep up better.
 */
const ENTRIES_PER_TICK = 100;

/** How long a send may wait for its slot in the dispatcher rather than be rescheduled. */
const SHORT_WAIT_MS = 50;

export interface DispatcherDeps {
  outbox: Outbox;
  senders: ChatSender[];
  /** Per call (perCallIdentities, as the readers' too): a tick's people are read once, together. */
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
  /** The same for many letters at once (a tick's): one read of them all. */
  letterFactsBatch?: LetterFactsBatch;
  /** How many people's messages are sent at once (default 16). */
  concurrency?: number;
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
  /** How many the last pass sent. */
  private sentInTick = 0;
  /**
   * When the soonest message held back by the pacing may go (clock ms), kept across passes: the
   * passes in between find nothing due, and the next one must start at that moment, not a poll
   * interval after it (one chat's messages went ~10 % slower than its limit allows).
   */
  private pacedAt = Infinity;

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
    // After a pass that sent something the next one starts at once (a backlog is worked off at
    // the platform's pace, not one batch per poll); else it waits a poll interval, or less when a
    // message held back by the pacing may go sooner (it goes on time, not up to a poll late).
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick()
        .then(() => undefined)
        .catch((error: unknown) => this.deps.logger.error({ err: error }, 'outbox tick failed'))
        .finally(() => {
          const pollMs = this.deps.pollMs ?? 200;
          const untilPaced = Math.max(0, this.pacedAt - this.deps.clock.now().getTime());
          const wait = this.sentInTick > 0 ? 0 : Math.min(pollMs, untilPaced);
          if (!this.stopped) this.timer = setTimeout(loop, wait);
        });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /**
   * One pass over the due entries; returns how many were handled. Each person's entries go in
   * the order they were queued, one after another; different people's go side by side (at most
   * `concurrency` at once): a send waits for the platform, not for the sends to others.
   */
  async tick(): Promise<number> {
    this.sentInTick = 0;
    // What was held back until now is due: this pass leases it.
    if (this.pacedAt <= this.deps.clock.now().getTime()) this.pacedAt = Infinity;
    const entries = await this.deps.outbox.lease(ENTRIES_PER_TICK, 60_000, this.deps.clock.now());
    const byPerson = new Map<string, OutboxEntry[]>();
    for (const entry of entries) {
      const queue = byPerson.get(entry.prompt.to);
      if (queue) queue.push(entry);
      else byPerson.set(entry.prompt.to, [entry]);
    }
    const queues = [...byPerson.values()];
    // The whole tick is one call: what its messages need is read once, together, at its start
    // (outbox-tick-reads.ts), and each delivery reads it from there.
    await inCallScope(async () => {
      const reads = await readForTick(
        this.deps,
        entries.map((e) => e.prompt),
      );
      const lane = async (): Promise<void> => {
        for (let queue = queues.shift(); queue; queue = queues.shift())
          for (const entry of queue) await this.deliver(entry, reads);
      };
      await Promise.all(
        Array.from({ length: Math.min(this.deps.concurrency ?? DEFAULT_CONCURRENCY, queues.length) }, lane),
      );
    });
    return entries.length;
  }

  private async deliver(entry: OutboxEntry, reads: TickReads): Promise<void> {
    const { prompt } = entry;
    try {
      const delay = await this.send(prompt, reads);
      if (delay > 0) {
        await this.deps.outbox.retryLater(
          prompt.id,
          new Date(this.deps.clock.now().getTime() + delay),
          'paced',
        );
        this.pacedAt = Math.min(this.pacedAt, this.deps.clock.now().getTime() + delay);
        return;
      }
      this.sentInTick++;
      await this.deps.outbox.markSent(prompt.id);
    } catch (error) {
      await this.onFailure(entry, error);
    }
  }

  /** Sends or edits; returns ms to wait when the rate gate says not yet (nothing was sent). */
  private async send(prompt: Prompt, reads: TickReads): Promise<number> {
    if (prompt.kind === 'task-update' || prompt.kind === 'task-closed')
      return this.editTaskMessages(prompt, reads);
    if (prompt.kind === 'card') {
      const updates = (await this.deps.identities.preferences(prompt.to)).notify ?? 'ringkas';
      // `selesai`: only the final notice; `ringkas`: the one card, edited; `langkah`: a message each time.
      if (updates === 'selesai') return 0;
      if (updates === 'ringkas' && (await this.logged(prompt, reads)).length > 0)
        return this.editTaskMessages(prompt, reads);
    }
    const target = await this.targetFor(prompt.to);
    if (!target) throw new NoChatAccountError(prompt.to);
    const gate = this.gates.get(target.sender.platform);
    let bookedAt = 0;
    const reserve = () => {
      bookedAt = this.deps.clock.now().getTime();
      return gate?.reserve(target.chatId, bookedAt) ?? 0;
    };
    let delay = reserve();
    // A slot a few ms away (the overall limit) is waited for here, not a database round trip away.
    if (delay > 0 && delay <= SHORT_WAIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = reserve();
    }
    if (delay > 0) return delay;
    const reader = await this.deps.readers.readerFor(prompt.to);
    const tokens = new TokenBatch({ personId: prompt.to, instanceId: prompt.instanceId });
    const facts = await letterFactsOf(reads.letterFacts, prompt.instanceId, prompt.to);
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
    const sent = await sendWithSafeRetry(message, (m) => target.sender.send(target.chatId, m));
    gate?.settle(target.chatId, this.deps.clock.now().getTime(), bookedAt);
    if (prompt.runId && (prompt.kind === 'task' || prompt.kind === 'card')) {
      await reads.messages.record(prompt.instanceId, prompt.runId, prompt.to, sent);
    }
    return 0;
  }

  private async editTaskMessages(prompt: Prompt, reads: TickReads): Promise<number> {
    const logged = await this.logged(prompt, reads);
    const reader = await this.deps.readers.readerFor(prompt.to);
    const facts =
      logged.length > 0 ? await letterFactsOf(reads.letterFacts, prompt.instanceId, prompt.to) : undefined;
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
      await sendWithSafeRetry(message, (m) => sender.edit(sent, m));
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
  private async logged(prompt: Prompt, reads: TickReads) {
    if (!prompt.runId) return [];
    return (await reads.messages.find(prompt.instanceId, prompt.runId)).filter(
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
      await this.giveUp(prompt, message, error instanceof NoChatAccountError ? 'unlinked' : 'refused');
      return;
    }
    if (entry.attempts >= (this.deps.maxAttempts ?? 50)) {
      this.deps.logger.error(
        { promptId: prompt.id, err: message },
        'giving up on a message after many attempts',
      );
      await this.giveUp(prompt, message, 'refused');
      return;
    }
    const wait = error instanceof ChannelRateLimitedError ? error.retryAfterMs : retryDelayMs(entry.attempts);
    this.deps.logger.warn(
      { promptId: prompt.id, attempts: entry.attempts, waitMs: wait, err: message },
      'send failed, retrying',
    );
    await this.deps.outbox.retryLater(prompt.id, new Date(now + wait), message);
  }

  /**
   * The message is kept as failed (for `outbox list --failed` / `retry`), and the person's superior
   * and the admins are told in chat, through the outbox (a notice about a notice is not escalated;
   * about a person with no linked account, once a day).
   */
  private async giveUp(prompt: Prompt, reason: string, cause: UndeliverableCause): Promise<void> {
    await this.deps.outbox.markFailed(prompt.id, reason);
    const day = localDate(this.deps.clock.now(), this.deps.readers.timeZoneOf(prompt.to));
    const notices = undeliverableNotices(prompt, { cause, reason, day }, this.deps.org());
    if (notices.length === 0) return;
    await this.deps.outbox.enqueue(notices);
    this.deps.logger.info(
      { promptId: prompt.id, to: prompt.to, told: notices.map((n) => n.to) },
      'undeliverable message reported in chat',
    );
  }
}
