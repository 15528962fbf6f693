import type { ChatCommandHandler } from '../../chat/contributions.js';
import type { Prompt } from '../../core/engine/types.js';
import type { MessageRef } from '../../core/i18n.js';
import type { PersonId } from '../../core/ids.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { Clock } from '../../core/ports.js';
import type { Logger } from '../../logger.js';
import type { Delegation, DelegationStore } from './delegations.js';
import { deputyRefusal } from './deputy-rules.js';

const DAY_MS = 24 * 3600 * 1000;
export const MAX_DELEGATION_DAYS = 30;
const CANCEL = ['batal', 'cancel', 'selesai'];
const DECLINE = ['tolak', 'decline'];

export interface DelegationCommandDeps {
  store: DelegationStore;
  org: () => OrgDirectory;
  clock: Clock;
  /** Tells the people concerned (the deputy, the person an admin or a decline acted for) in chat. */
  send?: (prompts: Prompt[]) => Promise<void>;
  logger?: Logger;
}

/**
 * `/wakil`: shows who stands in for you and for whom you stand in; `/wakil <person-id> <days>`
 * names a deputy (Plh) for 1–30 days, within the rules of deputy-rules.ts; `/wakil batal` ends
 * it; `/wakil tolak <person-id>` declines standing in for someone. Admins name and end a deputy
 * for someone else: `/wakil <person-id> <deputy-id> <days>`, `/wakil batal <person-id>`. The
 * deputy is told (and how to decline), and each change is in the delegation's audit trail.
 */
export function createDelegationCommand(deps: DelegationCommandDeps): ChatCommandHandler {
  return async ({ personId, args }) => {
    const words = args.trim().split(/\s+/).filter(Boolean);
    const now = deps.clock.now();
    const org = deps.org();
    const name = (id: string) => org.person(id)?.name ?? id;
    const first = (words[0] ?? '').toLowerCase();
    const usage = { lines: [{ key: 'wakil-usage', params: { max: MAX_DELEGATION_DAYS } }] };
    if (words.length === 0) return { lines: await status(deps, personId, now, name) };
    if (CANCEL.includes(first) && words.length <= 2) {
      const target = words[1] ?? personId;
      if (target !== personId && !org.isAdmin(personId)) return { lines: [{ key: 'wakil-admins-only' }] };
      if (!org.person(target)) return { lines: [{ key: 'wakil-unknown-person', params: { id: target } }] };
      const ended = await deps.store.end(target, now, { by: personId, action: 'ended' });
      deps.logger?.info({ personId: target, by: personId, ended }, 'delegation ended');
      return { lines: [{ key: ended > 0 ? 'wakil-ended' : 'wakil-none' }] };
    }
    if (DECLINE.includes(first) && words.length === 2) {
      const forId = words[1] ?? '';
      const ended = await deps.store.end(forId, now, {
        by: personId,
        action: 'declined',
        delegateId: personId,
      });
      if (ended === 0) return { lines: [{ key: 'wakil-nothing-to-decline', params: { name: name(forId) } }] };
      deps.logger?.info({ personId: forId, delegateId: personId }, 'delegation declined');
      await notify(deps, forId, `wakil-declined:${forId}:${personId}:${now.getTime()}`, [
        { key: 'wakil-declined-notice', params: { name: name(personId) } },
      ]);
      return { lines: [{ key: 'wakil-declined', params: { name: name(forId) } }] };
    }
    if (words.length !== 2 && words.length !== 3) return usage;
    const [forId, delegateId, daysText] = words.length === 3 ? words : [personId, ...words];
    if (forId !== personId && !org.isAdmin(personId)) return { lines: [{ key: 'wakil-admins-only' }] };
    const days = /^\d+$/.test(daysText ?? '') ? Number(daysText) : NaN;
    if (!Number.isInteger(days) || days < 1 || days > MAX_DELEGATION_DAYS) {
      return { lines: [{ key: 'wakil-bad-days', params: { max: MAX_DELEGATION_DAYS } }] };
    }
    const refusal = deputyRefusal(org, forId ?? '', delegateId ?? '', await deps.store.activeAt(now));
    if (refusal) return { lines: [refusal] };
    const delegate = org.person(delegateId ?? '');
    if (!delegate || !forId) return usage;
    const until = new Date(now.getTime() + days * DAY_MS);
    const set = await deps.store.set({
      personId: forId,
      delegateId: delegate.id,
      from: now,
      until,
      setBy: personId,
    });
    deps.logger?.info({ personId: forId, delegateId: delegate.id, until, by: personId }, 'delegation set');
    await tell(deps, set, name);
    const untilParam = { instant: until.toISOString(), style: 'datetime' } as const;
    if (forId !== personId) {
      return {
        lines: [
          {
            key: 'wakil-set-for',
            params: { person: name(forId), name: delegate.name, until: untilParam, days },
          },
        ],
      };
    }
    return { lines: [{ key: 'wakil-set', params: { name: delegate.name, until: untilParam, days } }] };
  };
}

async function status(
  deps: DelegationCommandDeps,
  personId: PersonId,
  now: Date,
  name: (id: string) => string,
): Promise<MessageRef[]> {
  const active = await deps.store.activeAt(now);
  const mine = active
    .filter((d) => d.personId === personId)
    .sort((a, b) => b.from.getTime() - a.from.getTime())[0];
  const forOthers = active.filter((d) => d.delegateId === personId);
  const lines: MessageRef[] = [
    mine
      ? {
          key: 'wakil-current',
          params: {
            name: name(mine.delegateId),
            until: { instant: mine.until.toISOString(), style: 'datetime' },
          },
        }
      : { key: 'wakil-none' },
  ];
  if (forOthers.length > 0) {
    lines.push({
      key: 'wakil-standing-in',
      params: { names: forOthers.map((d) => name(d.personId)).join(', ') },
    });
  }
  lines.push({ key: 'wakil-usage', params: { max: MAX_DELEGATION_DAYS } });
  return lines;
}

/** The deputy learns whom they stand in for, until when, and how to decline; the person, when an admin acted. */
async function tell(
  deps: DelegationCommandDeps,
  set: Delegation,
  name: (id: string) => string,
): Promise<void> {
  const until = { instant: set.until.toISOString(), style: 'datetime' } as const;
  await notify(deps, set.delegateId, `wakil-told:${set.id}`, [
    { key: 'wakil-told', params: { name: name(set.personId), until, id: set.personId } },
  ]);
  if (set.setBy && set.setBy !== set.personId) {
    await notify(deps, set.personId, `wakil-set-by-admin:${set.id}`, [
      { key: 'wakil-set-by-admin', params: { name: name(set.delegateId), admin: name(set.setBy), until } },
    ]);
  }
}

async function notify(
  deps: DelegationCommandDeps,
  to: PersonId,
  id: string,
  lines: MessageRef[],
): Promise<void> {
  if (!deps.send) return;
  try {
    await deps.send([{ id, to, instanceId: 'delegations', kind: 'notice', lines, actions: [] }]);
  } catch (error) {
    // The change stands; the notice is the outbox's to retry, and a failure to queue it is logged.
    deps.logger?.warn({ err: error, to, id }, 'delegation notice could not be queued');
  }
}
