import type { ChatCommandHandler } from '../../chat/contributions.js';
import type { MessageRef } from '../../core/i18n.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { Clock } from '../../core/ports.js';
import type { DelegationStore } from './delegations.js';

const DAY_MS = 24 * 3600 * 1000;
export const MAX_DELEGATION_DAYS = 30;

/**
 * `/wakil`: shows who stands in for you and for whom you stand in; `/wakil <person-id> <days>`
 * names a delegate for 1–30 days; `/wakil batal` ends it. New tasks and escalations meant for
 * you go to the delegate while it lasts; the audit trail names you both.
 */
export function createDelegationCommand(deps: {
  store: DelegationStore;
  org: () => OrgDirectory;
  clock: Clock;
}): ChatCommandHandler {
  return async ({ personId, args }) => {
    const words = args.trim().split(/\s+/).filter(Boolean);
    const now = deps.clock.now();
    const org = deps.org();
    const name = (id: string) => org.person(id)?.name ?? id;
    if (words.length === 0) {
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
      return { lines };
    }
    if (words.length === 1 && ['batal', 'cancel', 'selesai'].includes((words[0] ?? '').toLowerCase())) {
      const ended = await deps.store.end(personId, now);
      return { lines: [{ key: ended > 0 ? 'wakil-ended' : 'wakil-none' }] };
    }
    const [delegateId = '', daysText = ''] = words;
    if (words.length !== 2) return { lines: [{ key: 'wakil-usage', params: { max: MAX_DELEGATION_DAYS } }] };
    const days = /^\d+$/.test(daysText) ? Number(daysText) : NaN;
    if (!Number.isInteger(days) || days < 1 || days > MAX_DELEGATION_DAYS) {
      return { lines: [{ key: 'wakil-bad-days', params: { max: MAX_DELEGATION_DAYS } }] };
    }
    const delegate = org.person(delegateId);
    if (!delegate) return { lines: [{ key: 'wakil-unknown-person', params: { id: delegateId } }] };
    if (delegate.id === personId) return { lines: [{ key: 'wakil-self' }] };
    const until = new Date(now.getTime() + days * DAY_MS);
    await deps.store.set({ personId, delegateId: delegate.id, from: now, until });
    return {
      lines: [
        {
          key: 'wakil-set',
          params: { name: delegate.name, until: { instant: until.toISOString(), style: 'datetime' }, days },
        },
      ],
    };
  };
}
