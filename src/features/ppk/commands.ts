import type { ChatCommandHandler } from '../../chat/contributions.js';
import type { OutgoingFile } from '../../chat/types.js';
import type { Instance } from '../../core/engine/types.js';
import { maySeeInstance } from '../../core/engine/visibility.js';
import type { Flow } from '../../core/flow/model.js';
import type { PersonId } from '../../core/ids.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { Clock } from '../../core/ports.js';
import { TEMPLATE_FILE_NAMES, buildTemplateCsv, buildTemplateXlsx } from '../../files/ppk/template.js';
import type { Reader, Translator } from '../../i18n/translator.js';
import { completedAuthentication } from './authenticated-list.js';
import { authenticatedFile } from './lifecycle.js';
import type { PpkRegisterStore } from './register-store.js';
import { findUnit, registerListLines, registerUnitLines } from './register-view.js';
import { XLSX_MIME } from './upload-handler.js';

export interface CommandDeps {
  register: PpkRegisterStore;
  org: () => OrgDirectory;
  flow(id: string): Flow | undefined;
  findByAgendaNumber(agendaNumber: string): Promise<Instance | undefined>;
  listForUnit(unitId: string, limit: number): Promise<Instance[]>;
  translator: Translator;
  readerFor: (personId: PersonId) => Promise<Reader>;
  clock: Clock;
}

/** How many of a unit's instances are looked at to decide who takes part in them. */
const INSTANCES_CHECKED = 200;

/**
 * `/register [unit]`: the units using SPSE, or one unit's PPK, ULP/committee and agency users, with
 * NIP, email and phone only for people who take part in that unit's instances, and admins.
 */
export function registerCommand(deps: CommandDeps): ChatCommandHandler {
  return async ({ personId, args }) => {
    const units = await deps.register.units();
    const query = args.trim();
    if (!query) return { lines: registerListLines(units) };
    const unitId = findUnit(deps.org(), units, query);
    const unit = unitId ? await deps.register.unit(unitId) : undefined;
    if (!unit)
      return {
        lines: [
          { key: 'ppk-register-unknown', params: { unit: query } },
          ...registerListLines(units).slice(-1),
        ],
      };
    return { lines: registerUnitLines(unit, await maySeePersonalData(deps, personId, unit.unitId)) };
  };
}

export async function maySeePersonalData(
  deps: CommandDeps,
  personId: PersonId,
  unitId: string,
): Promise<boolean> {
  if (deps.org().isAdmin(personId)) return true;
  const instances = await deps.listForUnit(unitId, INSTANCES_CHECKED);
  return instances.some(
    (instance) => instance.requesterUnitId === unitId && maySeeInstance(deps.org(), personId, instance),
  );
}

/** `/templat`: the PPK list template as XLSX and CSV. */
export function templateCommand(deps: Pick<CommandDeps, 'clock'>): ChatCommandHandler {
  return async () => ({
    lines: [{ key: 'ppk-template-sent' }],
    files: await templateFiles(deps.clock.now()),
  });
}

export async function templateFiles(today: Date): Promise<OutgoingFile[]> {
  return [
    {
      name: TEMPLATE_FILE_NAMES.xlsx,
      mimeType: XLSX_MIME,
      bytes: Buffer.from(await buildTemplateXlsx({ today })),
    },
    { name: TEMPLATE_FILE_NAMES.csv, mimeType: 'text/csv', bytes: Buffer.from(buildTemplateCsv({ today })) },
  ];
}

/** `/daftar <agenda>`: the authenticated list of an instance as XLSX, for those who may see the instance. */
export function authenticatedListCommand(deps: CommandDeps): ChatCommandHandler {
  return async ({ personId, args }) => {
    const agenda = args.trim();
    if (!agenda) return { lines: [{ key: 'ppk-list-usage' }] };
    const instance = await deps.findByAgendaNumber(agenda);
    const flow = instance && deps.flow(instance.flowId);
    if (!instance || !flow || !maySeeInstance(deps.org(), personId, instance)) {
      return { lines: [{ key: 'ppk-list-not-found', params: { agenda } }] };
    }
    const list = completedAuthentication(flow, instance);
    if (!list) return { lines: [{ key: 'ppk-list-not-authenticated', params: { agenda } }] };
    const file = await authenticatedFile(deps.translator, await deps.readerFor(personId), instance, list);
    return { lines: [{ key: 'ppk-list-sent', params: { agenda } }], files: [file] };
  };
}
