/**
 * PPK lists (SOP steps 5–7) and the SPSE register: the `ppk-list` upload handler, what follows a
 * verification and an authentication, and the chat commands `/templat`, `/register` and `/daftar`.
 */
import type { App } from '../../app.js';
import type { ChatCommandHandler, FileContentHandler } from '../../chat/chat-deps.js';
import type { OutgoingFile } from '../../chat/types.js';
import type { Instance } from '../../core/engine/types.js';
import type { PersonId } from '../../core/ids.js';
import type { Clock } from '../../core/ports.js';
import type { SopService } from '../../core/service/sop-service.js';
import type { PpkLimits } from '../../files/ppk/limits.js';
import type { Reader, Translator } from '../../i18n/translator.js';
import type { Logger } from '../../logger.js';
import type { Feature } from '../index.js';
import { authenticatedListCommand, registerCommand, templateCommand } from './commands.js';
import { createFileSender } from './file-sender.js';
import { createPpkLifecycle } from './lifecycle.js';
import { MongoPpkRegisterStore } from './mongo-register-store.js';
import type { PpkRegisterStore } from './register-store.js';
import { PPK_LIST_HANDLER } from './steps.js';
import { createPpkListHandler } from './upload-handler.js';

export { runRegisterExport } from './register-export.js';
export { MongoPpkRegisterStore } from './mongo-register-store.js';
export type { PpkRegisterStore, RegisterAccount, RegisterUnit, VerifiedList } from './register-store.js';

export interface PpkDeps {
  service: Pick<SopService, 'org' | 'flow' | 'findByAgendaNumber' | 'listForUnit' | 'onSaved'>;
  register: PpkRegisterStore;
  translator: Translator;
  clock: Clock;
  logger: Logger;
  readerFor: (personId: PersonId) => Promise<Reader>;
  maySee: (personId: PersonId, instance: Instance) => boolean;
  sendFile: (personId: PersonId, file: OutgoingFile) => Promise<boolean>;
  fileHandlers: Record<string, FileContentHandler>;
  chatCommands: Record<string, ChatCommandHandler>;
  limits?: Partial<PpkLimits>;
}

/** Wires the PPK list feature into the given registries (the app's, or fakes in unit tests). */
export function installPpk(deps: PpkDeps): void {
  const org = () => deps.service.org;
  const flow = (id: string) => deps.service.flow(id);
  deps.fileHandlers[PPK_LIST_HANDLER] = createPpkListHandler({
    register: deps.register,
    translator: deps.translator,
    clock: deps.clock,
    org,
    ...(deps.limits ? { limits: deps.limits } : {}),
  });
  const commandDeps = {
    register: deps.register,
    org,
    flow,
    findByAgendaNumber: (agenda: string) => deps.service.findByAgendaNumber(agenda),
    listForUnit: (unitId: string, limit: number) => deps.service.listForUnit(unitId, limit),
    maySee: deps.maySee,
    translator: deps.translator,
    readerFor: deps.readerFor,
    clock: deps.clock,
  };
  deps.chatCommands['templat'] = templateCommand(commandDeps);
  deps.chatCommands['register'] = registerCommand(commandDeps);
  deps.chatCommands['daftar'] = authenticatedListCommand(commandDeps);
  deps.service.onSaved(
    createPpkLifecycle({
      flow,
      org,
      register: deps.register,
      translator: deps.translator,
      readerFor: deps.readerFor,
      sendFile: deps.sendFile,
      logger: deps.logger,
    }),
  );
}

export const ppkFeature: Feature = (app: App) => {
  const logger = app.logger.child({ feature: 'ppk' });
  installPpk({
    service: app.service,
    register: new MongoPpkRegisterStore(app.storage.connection),
    translator: app.translator,
    clock: app.clock,
    logger,
    readerFor: (personId) => app.chat.deps.readers.readerFor(personId),
    maySee: (personId, instance) => app.chat.maySee(personId, instance),
    sendFile: createFileSender({
      senders: () => app.channels.map((channel) => channel.sender),
      identities: app.storage.identities,
      org: () => app.orgSource.org,
      logger,
    }),
    fileHandlers: app.fileHandlers,
    chatCommands: app.chatCommands,
  });
  return Promise.resolve();
};
