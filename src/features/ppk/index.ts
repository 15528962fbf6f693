/**
 * PPK lists (SOP steps 5–7) and the SPSE register: the `ppk-list` upload handler, what follows a
 * verification and an authentication, the chat commands `/templat`, `/register` and `/daftar`,
 * and `pandu register export`.
 */
import type { ChatContributions } from '../../chat/contributions.js';
import type { SopService } from '../../core/service/sop-service.js';
import type { PpkLimits } from '../../files/ppk/limits.js';
import type { Contributions, Feature, FeatureHost } from '../feature.js';
import { authenticatedListCommand, registerCommand, templateCommand } from './commands.js';
import { createPpkLifecycle } from './lifecycle.js';
import { MongoPpkRegisterStore } from './mongo-register-store.js';
import { repairRegister } from './register-repair.js';
import { runRegisterExport } from './register-export.js';
import type { PpkRegisterStore } from './register-store.js';
import { PPK_LIST_HANDLER } from './steps.js';
import { createPpkListHandler } from './upload-handler.js';

export { MongoPpkRegisterStore } from './mongo-register-store.js';
export type { PpkRegisterStore, RegisterAccount, RegisterUnit, VerifiedList } from './register-store.js';

/** What the PPK feature needs of its host; tests give it in-memory parts. */
export type PpkHost = Pick<
  FeatureHost,
  'translator' | 'clock' | 'logger' | 'readerFor' | 'files' | 'send' | 'config'
> & {
  service: Pick<SopService, 'org' | 'flow' | 'findByAgendaNumber' | 'listForUnit'>;
};

/** The PPK feature's contributions on a given register (the service's, or a fake in unit tests). */
export function ppkContributions(
  host: PpkHost,
  register: PpkRegisterStore,
  limits?: Partial<PpkLimits>,
): Contributions<{ register: PpkRegisterStore }> {
  const org = () => host.service.org;
  const flow = (id: string) => host.service.flow(id);
  const commandDeps = {
    register,
    org,
    flow,
    findByAgendaNumber: (agenda: string) => host.service.findByAgendaNumber(agenda),
    listForUnit: (unitId: string, limit: number) => host.service.listForUnit(unitId, limit),
    translator: host.translator,
    readerFor: host.readerFor,
    clock: host.clock,
  };
  const chat: ChatContributions = {
    fileHandlers: {
      [PPK_LIST_HANDLER]: createPpkListHandler({
        register,
        translator: host.translator,
        clock: host.clock,
        org,
        ...(limits ? { limits } : {}),
      }),
    },
    commands: [
      { name: 'templat', run: templateCommand(commandDeps) },
      { name: 'register', takesArgs: true, run: registerCommand(commandDeps) },
      { name: 'daftar', takesArgs: true, run: authenticatedListCommand(commandDeps) },
    ],
  };
  const reader = { locale: host.config.DEFAULT_LOCALE, timeZone: host.config.TIME_ZONE };
  const lifecycle = {
    flow,
    org,
    register,
    translator: host.translator,
    readerFor: host.readerFor,
    files: host.files,
    send: host.send,
    logger: host.logger,
  };
  return {
    chat,
    onSaved: createPpkLifecycle(lifecycle),
    // A crash between an instance's save and its register update is made good here.
    start: async () => {
      await repairRegister({ ...lifecycle, listForUnit: commandDeps.listForUnit }).catch((error: unknown) =>
        host.logger.error({ err: error }, 'PPK register repair failed; it runs again at the next start'),
      );
    },
    cli: [
      {
        group: 'register',
        run: async ([action, ...rest], out, { locale }) => {
          const cliReader = { ...reader, locale };
          if (action !== 'export') {
            out.stderr(host.translator.format({ key: 'ppk-register-export-usage' }, cliReader));
            return 2;
          }
          return runRegisterExport(rest, out, {
            translator: host.translator,
            reader: cliReader,
            clock: host.clock,
            register,
          });
        },
      },
    ],
    api: { register },
  };
}

export const ppkFeature: Feature<{ register: PpkRegisterStore }> = {
  id: 'ppk',
  setup: (host) => ppkContributions(host, new MongoPpkRegisterStore(host.connection)),
};
