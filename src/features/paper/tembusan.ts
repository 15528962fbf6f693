import type { Instance, Prompt } from '../../core/engine/types.js';
import type { PersonId } from '../../core/ids.js';
import { isConfidential } from '../../files/paper/index.js';
import { letterOf, type PaperDeps } from './paper-context.js';
import type { PaperDocument } from './paper-store.js';

/**
 * Informational copies ("Tembusan") to the people in the org the letter is copied to: at the incoming
 * registration the letter itself (the request's memo), at the outgoing one the numbered nota dinas.
 * A rahasia letter's copy says "Surat rahasia" and carries no file: its subject and files are only for
 * those who act on it.
 */
export async function tembusanPrompts(
  deps: PaperDeps,
  instance: Instance,
  at: 'incoming' | 'outgoing',
  document?: PaperDocument,
): Promise<Prompt[]> {
  const letter = await letterOf(deps.store, instance.id);
  const confidential = isConfidential(letter.sifat);
  const people = [
    ...new Set(letter.tembusan.map((t) => t.personId).filter((id): id is PersonId => Boolean(id))),
  ].filter((id) => id !== instance.requesterId && deps.org().person(id));
  const agenda =
    (at === 'incoming' ? instance.agendaNumbers.incoming : instance.agendaNumbers.outgoing) ?? '-';
  const memo = instance.attachments[0];
  const file = confidential
    ? undefined
    : at === 'outgoing' && document
      ? { fileId: document.fileId, name: document.name, mimeType: document.mimeType }
      : at === 'incoming' && memo
        ? { fileId: memo.fileId, name: memo.name, mimeType: memo.mimeType }
        : undefined;
  return people.map((to) => ({
    id: `${instance.id}:tembusan-${at}:${to}`,
    to,
    instanceId: instance.id,
    kind: 'notice',
    lines: [
      {
        key: `paper-tembusan-${at}`,
        params: {
          agenda,
          subject: confidential ? { ref: { key: 'paper-confidential-subject' } } : instance.subject,
        },
      },
    ],
    actions: [],
    ...(file ? { file } : {}),
  }));
}
