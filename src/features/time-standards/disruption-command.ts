import { userInfo } from 'node:os';
import type { ChatCommandHandler } from '../../chat/contributions.js';
import type { Locale, MessageRef } from '../../core/i18n.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { Translator } from '../../i18n/translator.js';
import type { TextOutput } from '../feature.js';
import type { DisruptionControl } from './disruption-control.js';
import type { Disruption } from './disruptions.js';

const at = (date: Date) => ({ instant: date.toISOString(), style: 'datetime' as const });

/** What a start or an end gave, as message lines (shared by chat and the CLI). */
async function started(
  control: DisruptionControl,
  by: string,
  note: string,
): Promise<{ ok: boolean; lines: MessageRef[] }> {
  const result = await control.start(by, note);
  if (!result.ok)
    return { ok: false, lines: [{ key: 'disruption-already', params: describe(result.current) }] };
  return {
    ok: true,
    lines: [{ key: 'disruption-started', params: { ...describe(result.disruption), count: result.paused } }],
  };
}

async function ended(
  control: DisruptionControl,
  by: string,
  note?: string,
): Promise<{ ok: boolean; lines: MessageRef[] }> {
  const result = await control.end(by, note);
  if (!result.ok) return { ok: false, lines: [{ key: 'disruption-not-on' }] };
  const { disruption } = result;
  const minutes = Math.max(
    0,
    ((disruption.until ?? disruption.since).getTime() - disruption.since.getTime()) / 60_000,
  );
  return {
    ok: true,
    lines: [
      {
        key: 'disruption-ended',
        params: { ...describe(disruption), count: result.resumed, paused: { minutes: Math.round(minutes) } },
      },
    ],
  };
}

function describe(disruption: Disruption) {
  return { since: at(disruption.since), note: disruption.note || '-', by: disruption.by };
}

async function status(control: DisruptionControl): Promise<MessageRef> {
  const current = await control.current();
  return current
    ? { key: 'disruption-status-on', params: describe(current) }
    : { key: 'disruption-status-off' };
}

/**
 * `/gangguan mulai <catatan>` declares an SPSE disruption, `/gangguan selesai` ends it, `/gangguan`
 * says whether one is declared. Admins only.
 */
export function createDisruptionChatCommand(deps: {
  control: DisruptionControl;
  org: () => OrgDirectory;
}): ChatCommandHandler {
  return async ({ personId, args }) => {
    if (!deps.org().isAdmin(personId)) return { lines: [{ key: 'disruption-admins-only' }] };
    const trimmed = args.trim();
    const [word = '', ...rest] = trimmed.split(/\s+/);
    const note = rest.join(' ').trim();
    switch (word.toLowerCase()) {
      case 'mulai':
      case 'start':
        return { lines: (await started(deps.control, personId, note)).lines };
      case 'selesai':
      case 'end':
        return { lines: (await ended(deps.control, personId, note || undefined)).lines };
      case '':
        return { lines: [await status(deps.control), { key: 'disruption-usage' }] };
      default:
        return { lines: [{ key: 'disruption-usage' }] };
    }
  };
}

/**
 * `pandu disruption start|end|status [--note TEXT] [--en]`: the same from the command line, on the
 * service built without channels. Exit codes: 0 done, 1 refused (already declared, none
 * declared), 2 usage error.
 */
export async function runDisruptionCommand(
  argv: string[],
  out: TextOutput,
  deps: { control: DisruptionControl; translator: Translator; locale: Locale; timeZone: string },
): Promise<number> {
  const [action = '', ...rest] = argv;
  let note: string | undefined;
  let english = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--note') note = rest[++i];
    else if (arg.startsWith('--note=')) note = arg.slice('--note='.length);
    else if (arg === '--en') english = true;
    else {
      out.stderr(`unknown option: ${arg}`);
      return usage(out);
    }
  }
  if (note === undefined && rest.includes('--note')) return usage(out);
  const { control } = deps;
  const locale = english ? 'en' : deps.locale;
  const print = (lines: MessageRef[]) => {
    for (const line of lines) out.stdout(deps.translator.format(line, { locale, timeZone: deps.timeZone }));
  };
  const by = `cli:${safeUser()}`;
  let result: { ok: boolean; lines: MessageRef[] };
  if (action === 'start') result = await started(control, by, note?.trim() ?? '');
  else if (action === 'end') result = await ended(control, by, note?.trim() || undefined);
  else if (action === 'status') result = { ok: true, lines: [await status(control)] };
  else return usage(out);
  print(result.lines);
  return result.ok ? 0 : 1;
}

function usage(out: TextOutput): number {
  out.stderr('usage: pandu disruption start|end|status [--note TEXT] [--en]');
  return 2;
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
