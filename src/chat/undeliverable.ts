import type { Prompt } from '../core/engine/types.js';
import type { MessageRef } from '../core/i18n.js';
import type { OrgDirectory } from '../core/org/org-directory.js';
import { safeText } from './safe-message.js';

/** The id prefix of a notice about a message that could not be delivered. */
const NOTICE_PREFIX = 'undeliverable:';

/** Why a message could not go: the person has no account to reach, or the platform refused it. */
export type UndeliverableCause = 'unlinked' | 'refused';

/** A notice about an undeliverable message: never itself the subject of another (no loop). */
export function isUndeliverableNotice(prompt: Prompt): boolean {
  return prompt.id.startsWith(NOTICE_PREFIX);
}

/**
 * The notices to send when a message to a person could not be delivered for good (not an edit of
 * a task's message: the task itself reached them): to their superior (the org chain) and to every
 * admin, once each (never to the person themselves), in each reader's language. Each names whose
 * message, the request and step, the reason, and what to do: link the account, or `outbox retry`
 * once the cause is mended. The ids come from the failed prompt's, so a notice is queued once
 * however often the failure is handled. A person with no linked account is the same news for every
 * message to them: each reader is told once a day (`day`, the person's office date), by the first
 * such message, and that notice says the day's others are not reported one by one.
 */
export function undeliverableNotices(
  prompt: Prompt,
  failure: { cause: UndeliverableCause; reason: string; day: string },
  org: OrgDirectory,
): Prompt[] {
  // An edit that cannot be made (a task's old message updated or closed) loses nobody's task.
  if (isUndeliverableNotice(prompt) || prompt.kind === 'task-update' || prompt.kind === 'task-closed')
    return [];
  const person = org.person(prompt.to);
  const superior = org.superiorOf(prompt.to);
  const admins = org.allPeople().filter((p) => p.admin);
  const adminIds = new Set(admins.map((p) => p.id));
  const recipients = [...new Set([superior, ...admins].flatMap((p) => (p ? [p.id] : [])))].filter(
    (id) => id !== prompt.to,
  );
  const params = {
    person: safeText(person?.name ?? prompt.to),
    personId: prompt.to,
    instance: prompt.instanceId,
    step: prompt.runId?.split('#')[0] ?? '-',
    reason: safeText(failure.reason).slice(0, 300),
    id: prompt.id,
    cause: failure.cause,
  };
  // Which request and step, as the task itself names them (its header and step line; the reader's
  // right to see the subject is applied when the notice is rendered); else by their ids.
  const context = prompt.lines.filter((line) => CONTEXT_KEYS.has(line.key));
  const where: MessageRef[] = context.length > 0 ? context : [{ key: 'outbox-undeliverable-where', params }];
  const daily = failure.cause === 'unlinked';
  return recipients.map((to) => ({
    id: daily
      ? `${NOTICE_PREFIX}unlinked:${prompt.to}:${failure.day}:${to}`
      : `${NOTICE_PREFIX}${prompt.id}:${to}`,
    to,
    instanceId: prompt.instanceId,
    kind: 'notice' as const,
    lines: [
      { key: 'outbox-undeliverable', params },
      ...where,
      // Only an admin can send it again; a superior is asked to tell the person another way.
      { key: adminIds.has(to) ? 'outbox-undeliverable-todo' : 'outbox-undeliverable-todo-superior', params },
      ...(daily
        ? [
            {
              key: adminIds.has(to) ? 'outbox-undeliverable-today-admin' : 'outbox-undeliverable-today',
              params,
            },
          ]
        : []),
    ],
    actions: [],
  }));
}

const CONTEXT_KEYS = new Set(['task-header', 'task-step']);
