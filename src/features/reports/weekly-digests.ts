import type { Prompt } from '../../core/engine/types.js';
import type { PersonId } from '../../core/ids.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { WeeklyClaims } from '../../scheduling/weekly-claims.js';
import type { WeeklySlot } from './digest-schedule.js';
import type { DigestSettings } from './digest-settings.js';
import { scopeOfViewer, type ReportScope } from './report-scope.js';
import { scopeFigures, type ScopeFiguresSource } from './scope-figures.js';
import { lastWeekPeriod, weeklyDigest, DIGEST_OVERDUE_ITEMS } from './weekly-digest.js';

export interface WeeklyDigestDeps {
  source: ScopeFiguresSource;
  settings: DigestSettings;
  claims: WeeklyClaims;
  send(prompts: Prompt[]): Promise<void>;
  /** Leaders without any chat account (the Menteri in an org file) get no digest. */
  hasChat(personId: PersonId): Promise<boolean>;
}

/** The claim key of one leader's digest of one week. */
export function digestClaimKey(week: string, personId: PersonId): string {
  return `weekly-digest:${week}:${personId}`;
}

/**
 * Who gets a weekly digest: every leader (a person whose position has positions below it: a
 * Kasubbid, a Kabid, the Kapus), with the scope they may see (an admin's is everything).
 */
export function digestRecipients(org: OrgDirectory): Array<{ personId: PersonId; scope: ReportScope }> {
  const recipients: Array<{ personId: PersonId; scope: ReportScope }> = [];
  for (const person of org.allPeople()) {
    const leads = org.positions.some((position) => org.isPositionBelow(position, person.position));
    const scope = leads ? scopeOfViewer(org, person.id) : undefined;
    if (scope) recipients.push({ personId: person.id, scope });
  }
  return recipients;
}

/**
 * Sends the week's digest to every leader who has not turned it off: what is open and late in
 * their scope now and how last week met the standard times. Each leader's digest is claimed
 * before it is made (one per leader and week, whichever process runs it, however often); one
 * that fails to be made or queued gives its claim back, so the next run sends it; the others are
 * sent all the same. Resolves to how many were sent and which failed.
 */
export async function sendWeeklyDigests(
  deps: WeeklyDigestDeps,
  slot: WeeklySlot,
  now: Date,
): Promise<{ sent: number; failed: Array<{ personId: PersonId; error: unknown }> }> {
  const org = deps.source.org();
  const off = await deps.settings.weeklyOff();
  const period = lastWeekPeriod(deps.source.timeZone, slot.at);
  let sent = 0;
  const failed: Array<{ personId: PersonId; error: unknown }> = [];
  for (const { personId, scope } of digestRecipients(org)) {
    if (off.has(personId) || !(await deps.hasChat(personId))) continue;
    const key = digestClaimKey(slot.week, personId);
    if (!(await deps.claims.claim(key))) continue;
    try {
      const figures = await scopeFigures(deps.source, {
        scope,
        period,
        now,
        openItems: DIGEST_OVERDUE_ITEMS,
      });
      const lines = weeklyDigest({ scope, org, openWork: figures.open, lastWeek: figures.compliance });
      await deps.send([
        {
          id: `digest:${slot.week}:${personId}`,
          to: personId,
          instanceId: 'weekly-digest',
          kind: 'notice',
          lines,
          actions: [],
        },
      ]);
      sent++;
    } catch (error) {
      await deps.claims.release(key).catch(() => undefined);
      failed.push({ personId, error });
    }
  }
  return { sent, failed };
}
