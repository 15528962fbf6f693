import type { Models, OutboxDoc } from '../../storage/models.js';
import { toObjectId } from '../../storage/object-ids.js';
import type { CliOutput, CliTexts } from '../output.js';

/** How many failed messages `outbox list --failed` shows, newest first. */
const LIST_LIMIT = 200;

/**
 * `pandu outbox list [--failed]` shows the messages the outbox holds back (pending) or gave up
 * on (failed: refused for good, or out of attempts), each with its id, recipient and error;
 * `pandu outbox retry <id>` (the id shown, or the message's own id that the notice about it in
 * chat names) puts a failed one back in the queue, to be sent as soon as a
 * service process with its channel runs.
 */
export async function runOutboxCommand(
  action: string | undefined,
  rest: string[],
  out: CliOutput,
  deps: { models: Models; t: CliTexts },
): Promise<number> {
  const { models, t } = deps;
  if (action === 'list') {
    const extra = rest.filter((w) => w !== '--failed');
    if (extra.length > 0) {
      out.stderr(t('cli-help-outbox'));
      return 2;
    }
    const status: Array<OutboxDoc['status']> = rest.includes('--failed') ? ['failed'] : ['failed', 'pending'];
    const docs = await models.Outbox.find({ status: { $in: status } })
      .sort({ createdAt: -1 })
      .limit(LIST_LIMIT)
      .lean<OutboxDoc[]>();
    if (docs.length === 0) {
      out.stdout(t('cli-outbox-none'));
      return 0;
    }
    for (const doc of docs) {
      const prompt = doc.prompt;
      const text = (value: unknown) => (typeof value === 'string' ? value : '?');
      out.stdout(
        t('cli-outbox-line', {
          id: doc._id.toHexString(),
          status: doc.status,
          to: text(prompt['to']),
          instance: text(prompt['instanceId']),
          kind: text(prompt['kind']),
          attempts: doc.attempts,
          error: doc.lastError ?? '-',
        }),
      );
    }
    return 0;
  }
  if (action === 'retry' && rest.length === 1) {
    // The id `outbox list` shows, or the message's own id (what the notice in chat names).
    const given = rest[0] ?? '';
    const id = toObjectId(given);
    // A message's own id has its instance before a colon.
    if (!id && !given.includes(':')) {
      out.stderr(t('cli-outbox-bad-id', { id: given }));
      return 2;
    }
    const result = await models.Outbox.updateOne(
      { ...(id ? { _id: id } : { promptId: given }), status: 'failed' },
      {
        $set: { status: 'pending', attempts: 0, notBefore: new Date(0), leasedUntil: new Date(0) },
        $unset: { lastError: 1 },
      },
    );
    if (result.modifiedCount === 0) {
      out.stderr(t('cli-outbox-not-failed', { id: rest[0] ?? '' }));
      return 1;
    }
    out.stdout(t('cli-outbox-retried', { id: rest[0] ?? '' }));
    return 0;
  }
  out.stderr(t('cli-help-outbox'));
  return 2;
}
