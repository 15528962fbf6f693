import type { SavedChange } from '../../core/service/sop-service.js';
import { fileArchive } from './archive.js';
import { letterPrompts } from './letter.js';
import { onDispositioned } from './lembar.js';
import { onApprovalStarted, onOutgoingRegistered } from './nota-dinas.js';
import { tembusanPrompts } from './tembusan.js';
import { localDate, notaDinasStep, stepById, type PaperDeps } from './paper-context.js';

export interface PaperLifecycle {
  listener: (change: SavedChange) => Promise<void>;
  /** Resolves once every document being made has been filed and sent (tests, shutdown). */
  idle(): Promise<void>;
}

/**
 * What follows a saved change: a new request asks for the letter's sifat and derajat; a disposition
 * makes the lembar disposisi; a registration enters the buku agenda (and, for the outgoing letter,
 * stamps the number on the nota dinas); the approval step's start drafts the nota dinas; the
 * completion files the archive.
 *
 * Documents are made after the command has answered (a chat platform waits only seconds for its
 * acknowledgement), one instance's in the order of its changes, so versions follow the dispositions.
 */
export function paperLifecycle(deps: PaperDeps): PaperLifecycle {
  const chains = new Map<string, Promise<void>>();
  const later = (instanceId: string, what: string, work: () => Promise<unknown>) => {
    const next = (chains.get(instanceId) ?? Promise.resolve()).then(work).then(
      () => undefined,
      (error: unknown) => deps.logger.error({ err: error, instanceId }, `paper: ${what} failed`),
    );
    chains.set(instanceId, next);
    void next.then(() => {
      if (chains.get(instanceId) === next) chains.delete(instanceId);
    });
  };

  const listener = async ({ instance, events, startedRuns, endedRuns }: SavedChange): Promise<void> => {
    const flow = deps.flow(instance.flowId);
    if (!flow) return;
    const guard = async (what: string, work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        deps.logger.error({ err: error, instanceId: instance.id }, `paper: ${what} failed`);
      }
    };
    if (events.some((e) => e.type === 'instance-started'))
      await guard('letter question', async () => deps.send(await letterPrompts(deps, instance)));
    for (const run of endedRuns) {
      const step = stepById(flow, run.stepId);
      if (run.outcome === 'dispositioned')
        later(instance.id, 'lembar disposisi', () => onDispositioned(deps, flow, instance, run));
      const book = step?.book;
      const agendaNumber = run.agendaNumber;
      if (run.outcome === 'registered' && book && agendaNumber) {
        const at = run.endedAt ?? deps.now().toISOString();
        await guard('agenda book', () =>
          deps.store.addAgendaRecord({
            book,
            year: Number(localDate(at, deps.timeZone).slice(0, 4)),
            agendaNumber,
            instanceId: instance.id,
            at,
          }),
        );
        if (book === 'incoming')
          await guard('letter question closed and copies', async () =>
            deps.send([
              ...(await letterPrompts(deps, instance, 'close')),
              ...(await tembusanPrompts(deps, instance, 'incoming')),
            ]),
          );
        if (book === 'outgoing')
          later(instance.id, 'numbered nota dinas and copies', async () => {
            const written = await onOutgoingRegistered(deps, flow, instance, run);
            await deps.send(await tembusanPrompts(deps, instance, 'outgoing', written?.pdf));
          });
      }
    }
    // At completion the instance's archive is filed, after the numbered nota dinas it holds.
    if (events.some((e) => e.type === 'instance-completed'))
      later(instance.id, 'archive', async () =>
        fileArchive(deps, (await deps.instance(instance.id)) ?? instance),
      );
    const approval = notaDinasStep(flow);
    for (const run of startedRuns)
      if (approval && run.stepId === approval.id && !run.endedAt)
        later(instance.id, 'draft nota dinas', () => onApprovalStarted(deps, flow, instance, run));
  };

  return {
    listener,
    idle: async () => {
      while (chains.size > 0) await Promise.all([...chains.values()]);
    },
  };
}
