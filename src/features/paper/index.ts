/**
 * The SOP's paper in the running service: the letter's metadata (sifat and derajat buttons after
 * /ajukan, `/surat`), the lembar disposisi after each disposition, the outgoing nota dinas (draft at
 * the approval, numbered at the outgoing registration), the buku agenda (`/agenda`, `pandu agenda
 * export`), verification (`/verify/<id>`, `pandu verify`) and the archive (`/arsip`, `pandu archive
 * export`). The writers are in src/files/paper; this folder only wires them in.
 */
import { join } from 'node:path';
import { loadKlasifikasiFile } from '../../config/klasifikasi-file.js';
import { loadNotaDinasTemplate } from '../../files/paper/index.js';
import type { Contributions, Feature, FeatureHost } from '../feature.js';
import { runAgendaExport } from './agenda-books.js';
import { runArchiveExport } from './archive.js';
import { paperLifecycle } from './lifecycle.js';
import type { PaperDeps } from './paper-context.js';
import { paperChat } from './paper-chat.js';
import { MongoPaperStore, type PaperStore } from './paper-store.js';
import { runVerify, verifyRoute } from './verify.js';

export type { PaperDocument, PaperStore, StoredLetter } from './paper-store.js';

export interface PaperApi {
  store: PaperStore;
  deps: PaperDeps;
  /** Resolves once the documents being made have been filed and sent. */
  idle(): Promise<void>;
}

export interface PaperOptions {
  /** Default: `<FLOWS_DIR>/templates/nota-dinas.docx`. */
  templateFile?: string;
  /** Default: `<FLOWS_DIR>/arsip/klasifikasi.yaml`. */
  klasifikasiFile?: string;
}

export function paperFeature(options: PaperOptions = {}): Feature<PaperApi> {
  return { id: 'paper', setup: (host) => setup(host, options) };
}

async function setup(host: FeatureHost, options: PaperOptions): Promise<Contributions<PaperApi>> {
  const { config } = host;
  // A bad template or klasifikasi file stops the start, naming the file and the field.
  const [template, klasifikasi] = await Promise.all([
    loadNotaDinasTemplate(options.templateFile ?? join(config.FLOWS_DIR, 'templates', 'nota-dinas.docx')),
    loadKlasifikasiFile(options.klasifikasiFile ?? join(config.FLOWS_DIR, 'arsip', 'klasifikasi.yaml')),
  ]);
  const store = new MongoPaperStore(host.db);
  const deps: PaperDeps = {
    store,
    files: host.files,
    org: host.org,
    flow: (id) => host.service.flow(id),
    instance: (id) => host.service.get(id),
    send: (prompts) => host.send(prompts),
    klasifikasi,
    template,
    publicUrl: (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, ''),
    timeZone: config.TIME_ZONE,
    logger: host.logger,
    now: () => host.clock.now(),
  };
  const service = host.service;
  const get = (id: string) => service.get(id);
  const reader = { locale: config.DEFAULT_LOCALE, timeZone: config.TIME_ZONE };
  const lifecycle = paperLifecycle(deps);
  return {
    chat: paperChat({
      deps,
      translator: host.translator,
      readerFor: (personId) => host.readerFor(personId),
      get,
      findByAgendaNumber: (agenda) => service.findByAgendaNumber(agenda),
      openTasksFor: (personId) => service.openTasksFor(personId),
      listForUnit: (unitId, limit) => service.listForUnit(unitId, limit),
    }),
    onSaved: lifecycle.listener,
    // Documents still being made are filed before the database closes.
    stop: () => lifecycle.idle(),
    world: {
      agendaFields: async (instance) => {
        const code = (await store.letter(instance.id))?.metadata.klasifikasi;
        return code ? { klasifikasi: code } : {};
      },
    },
    routes: [verifyRoute({ store, translator: host.translator, reader, logger: host.logger })],
    cli: [
      {
        group: 'agenda',
        run: (args, out, { locale }) =>
          runAgendaExport(args, out, {
            deps,
            get,
            translator: host.translator,
            reader: { ...reader, locale },
          }),
      },
      {
        group: 'verify',
        run: (args, out, { locale }) =>
          runVerify(args, out, { store, translator: host.translator, reader: { ...reader, locale } }),
      },
      {
        group: 'archive',
        run: (args, out, { locale }) =>
          runArchiveExport(args, out, {
            deps,
            find: (agenda) => service.findByAgendaNumber(agenda),
            translator: host.translator,
            reader: { ...reader, locale },
          }),
      },
    ],
    api: { store, deps, idle: () => lifecycle.idle() },
  };
}
