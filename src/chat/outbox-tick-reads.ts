import type { Prompt } from '../core/engine/types.js';
import type { Logger } from '../logger.js';
import type { LetterFactsBatch, LetterFactsSource } from './contributions.js';
import type { IdentityStore, LoggedTaskMessage, RunKey, TaskMessageLog } from './ports.js';
import type { SentMessage } from './types.js';

export interface TickReadDeps {
  /** Per call (call-memo.ts): what the tick reads of its people here, its messages read again from the call. */
  identities: IdentityStore;
  messages: TaskMessageLog;
  letterFacts?: LetterFactsSource;
  letterFactsBatch?: LetterFactsBatch;
  logger: Logger;
}

/** What the messages of one outbox tick read, read together at its start. */
export interface TickReads {
  messages: TickMessages;
  letterFacts: LetterFactsSource | undefined;
}

const runKey = (instanceId: string, runId: string) => `${instanceId}\u0000${runId}`;
const sameMessage = (a: SentMessage, b: SentMessage) =>
  a.platform === b.platform && a.chatId === b.chatId && a.messageId === b.messageId;

/**
 * The task messages of the tick's runs as read at its start, with what the tick itself records
 * added as it goes: a requester's card sent early in a tick is edited, not sent again, by a later
 * card of the same run. A run it was not given is read from the log.
 */
export class TickMessages {
  private readonly known = new Map<string, Array<{ personId: string; sent: SentMessage }>>();

  constructor(
    private readonly log: TaskMessageLog,
    runs: readonly RunKey[] = [],
    found: readonly LoggedTaskMessage[] = [],
  ) {
    for (const run of runs) this.known.set(runKey(run.instanceId, run.runId), []);
    for (const m of found)
      this.known.get(runKey(m.instanceId, m.runId))?.push({ personId: m.personId, sent: m.sent });
  }

  async find(instanceId: string, runId: string): Promise<Array<{ personId: string; sent: SentMessage }>> {
    const known = this.known.get(runKey(instanceId, runId));
    return known ? known.map((m) => ({ ...m })) : this.log.find(instanceId, runId);
  }

  async record(instanceId: string, runId: string, personId: string, sent: SentMessage): Promise<void> {
    await this.log.record(instanceId, runId, personId, sent);
    const known = this.known.get(runKey(instanceId, runId));
    if (known && !known.some((m) => sameMessage(m.sent, sent))) known.push({ personId, sent });
  }
}

/** The kinds whose delivery looks up the messages already sent for their run. */
const READS_LOGGED: ReadonlySet<Prompt['kind']> = new Set(['card', 'task-update', 'task-closed']);

const unique = <T>(values: T[]) => [...new Set(values)];

/**
 * Reads what the tick's prompts need in one query each, side by side: their people's accounts and
 * preferences (remembered by the tick's call, see call-memo.ts), the messages of their runs and
 * the facts of their letters. A read that fails is left to each message to make on its own.
 */
export async function readForTick(deps: TickReadDeps, prompts: readonly Prompt[]): Promise<TickReads> {
  const people = unique(prompts.map((p) => p.to));
  const runs = [
    ...new Map(
      prompts.flatMap((p) =>
        p.runId && READS_LOGGED.has(p.kind)
          ? [[runKey(p.instanceId, p.runId), { instanceId: p.instanceId, runId: p.runId }] as const]
          : [],
      ),
    ).values(),
  ];
  const instances = unique(prompts.map((p) => p.instanceId));
  const failed = (what: string) => (error: unknown) => {
    deps.logger.warn({ err: error, what }, 'outbox tick: a batch read failed, read per message');
    return undefined;
  };
  const [, , logged, facts] = await Promise.all([
    people.length > 0 ? deps.identities.identitiesOfMany(people).catch(failed('identities')) : undefined,
    people.length > 0 ? deps.identities.preferencesOfMany(people).catch(failed('preferences')) : undefined,
    runs.length > 0 ? deps.messages.findMany(runs).catch(failed('task messages')) : [],
    deps.letterFactsBatch && instances.length > 0
      ? deps.letterFactsBatch(instances).catch(failed('letters'))
      : undefined,
  ]);
  return {
    messages: logged ? new TickMessages(deps.messages, runs, logged) : new TickMessages(deps.messages),
    letterFacts: facts ?? deps.letterFacts,
  };
}
