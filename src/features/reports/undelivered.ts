import type { PersonId } from '../../core/ids.js';
import type { Models, OutboxDoc } from '../../storage/models.js';

/** A message the outbox gave up on, as the dashboard lists it. */
export interface UndeliveredMessage {
  /** The id `pandu outbox list` shows. */
  id: string;
  /** The message's own id (`pandu outbox retry` takes either). */
  promptId: string;
  to: PersonId;
  instanceId: string;
  /** The step of the run it was about, if any. */
  stepId?: string;
  kind: string;
  /** When it was given up on (for older entries: when it was queued). */
  at: Date;
  reason: string;
}

/** The failed outbox entries, newest first: everyone's for admins, else only the viewer's own. */
export class UndeliveredMessages {
  constructor(private readonly models: Models) {}

  async list(filter: { to?: PersonId }, limit: number): Promise<UndeliveredMessage[]> {
    const docs = await this.models.Outbox.find({
      status: 'failed',
      ...(filter.to ? { 'prompt.to': filter.to } : {}),
    })
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean<OutboxDoc[]>();
    return docs.map(toMessage);
  }

  count(filter: { to?: PersonId }): Promise<number> {
    return this.models.Outbox.countDocuments({
      status: 'failed',
      ...(filter.to ? { 'prompt.to': filter.to } : {}),
    });
  }
}

function toMessage(doc: OutboxDoc): UndeliveredMessage {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const runId = text(doc.prompt['runId']);
  return {
    id: doc._id.toHexString(),
    promptId: doc.promptId,
    to: text(doc.prompt['to']),
    instanceId: text(doc.prompt['instanceId']),
    ...(runId ? { stepId: runId.split('#')[0] ?? runId } : {}),
    kind: text(doc.prompt['kind']),
    at: doc.failedAt ?? doc.createdAt,
    reason: doc.lastError ?? '',
  };
}
