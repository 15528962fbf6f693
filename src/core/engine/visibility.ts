import type { PersonId } from '../ids.js';
import type { OrgDirectory } from '../org/org-directory.js';
import type { Instance } from './types.js';

/** Everyone who takes part in an instance: the requester, assignees, actors, delegates, disposition recipients. */
export function participantsOf(instance: Pick<Instance, 'requesterId' | 'runs'>): Set<PersonId> {
  const participants = new Set<PersonId>([instance.requesterId]);
  for (const run of instance.runs) {
    for (const id of [
      run.assigneeId,
      run.actorId,
      run.delegatedFrom,
      ...(run.disposition?.recipientIds ?? []),
    ]) {
      if (id) participants.add(id);
    }
  }
  return participants;
}

/** Participants, their superiors and admins may see an instance (its status, files and lists). */
export function maySeeInstance(
  org: OrgDirectory,
  personId: PersonId,
  instance: Pick<Instance, 'requesterId' | 'runs'>,
): boolean {
  if (org.isAdmin(personId)) return true;
  return [...participantsOf(instance)].some((id) => id === personId || org.isAbove(personId, id));
}
