import { randomInt } from 'node:crypto';
import { loadOrgFile } from '../../config/org-file.js';
import { DataFileError, formatProblems } from '../../core/errors.js';
import type { InviteStore } from '../../chat/ports.js';
import { formatLocalDateTime } from '../../core/time/index.js';
import type { Locale } from '../../core/i18n.js';
import type { CliOutput, CliTexts } from '../output.js';

/** `pandu org check <file>`: validates an org file (positions, units, superiors, chat ids). */
export function runOrgCheck(argv: string[], out: CliOutput, t: CliTexts): number {
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) {
    out.stderr(t('cli-help-org'));
    return 2;
  }
  try {
    const org = loadOrgFile(file);
    out.stdout(
      t('cli-org-ok', {
        file,
        units: org.allUnits().length,
        people: org.allPeople().length,
        positions: org.positions.join(' → '),
      }),
    );
    return 0;
  } catch (error) {
    out.stderr(
      `✖ ${error instanceof DataFileError ? formatProblems(error.problems) : (error as Error).message}`,
    );
    return 1;
  }
}

/** Letters and digits that cannot be mistaken for one another when read aloud or typed on a phone. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newInviteCode(length = 10): string {
  return Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** `pandu org invite <person-id> [--days N]`: a one-time code that links one chat account to that person. */
export async function runOrgInvite(
  argv: string[],
  out: CliOutput,
  deps: {
    orgFile: string;
    invites: InviteStore;
    defaultDays: number;
    now: Date;
    t: CliTexts;
    locale: Locale;
    timeZone: string;
  },
): Promise<number> {
  const { t } = deps;
  const personId = argv.find((a) => !a.startsWith('--'));
  const daysArg = argv.indexOf('--days');
  const days = daysArg >= 0 ? Number(argv[daysArg + 1]) : deps.defaultDays;
  if (!personId || !Number.isInteger(days) || days < 1 || days > 90) {
    out.stderr(t('cli-help-org'));
    return 2;
  }
  const person = loadOrgFile(deps.orgFile).person(personId);
  if (!person) {
    out.stderr(t('cli-org-no-person', { id: personId, file: deps.orgFile }));
    return 1;
  }
  const code = newInviteCode();
  const expiresAt = new Date(deps.now.getTime() + days * 24 * 3600 * 1000);
  await deps.invites.issue(person.id, code, expiresAt);
  out.stdout(t('cli-invite-code', { name: person.name, position: person.position, code }));
  out.stdout(t('cli-invite-until', { until: formatLocalDateTime(expiresAt, deps.timeZone, deps.locale) }));
  out.stdout(t('cli-invite-how', { code }));
  out.stdout(code);
  return 0;
}
