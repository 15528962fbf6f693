import type { PersonId } from '../../core/ids.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { Delegation } from './delegations.js';

/** Why a person may not stand in for another, or nothing when they may. */
export type DeputyRefusal =
  | { key: 'wakil-unknown-person'; params: { id: string } }
  | { key: 'wakil-self' }
  | { key: 'wakil-external'; params: { name: string } }
  | { key: 'wakil-not-allowed'; params: { name: string; position: string } }
  | { key: 'wakil-cycle'; params: { name: string } };

/**
 * A position outside the chain of command: nobody above it and nobody below it (the ULP of a
 * requesting unit). Its holders are external requesters and never stand in for anyone.
 */
export function isExternalPosition(org: OrgDirectory, position: string): boolean {
  if (org.superiorPosition(position) !== undefined) return false;
  return !org.positions.some((p) => org.superiorPosition(p) === position);
}

/**
 * Whether `deputyId` may stand in for `personId` (Plh): an internal person of the same position
 * in the same unit, or one the org file names among the person's `deputies`; never the person
 * themself, never an external requester, and never when the deputy's own chain of deputies in
 * force (`active`) leads back to the person (a cycle, direct or longer).
 */
export function deputyRefusal(
  org: OrgDirectory,
  personId: PersonId,
  deputyId: PersonId,
  active: readonly Delegation[],
): DeputyRefusal | undefined {
  const person = org.person(personId);
  const deputy = org.person(deputyId);
  if (!person) return { key: 'wakil-unknown-person', params: { id: personId } };
  if (!deputy) return { key: 'wakil-unknown-person', params: { id: deputyId } };
  if (deputy.id === person.id) return { key: 'wakil-self' };
  if (isExternalPosition(org, deputy.position) || isExternalPosition(org, person.position)) {
    return { key: 'wakil-external', params: { name: deputy.name } };
  }
  const samePlace = deputy.position === person.position && deputy.unit === person.unit;
  if (!samePlace && !person.deputies.includes(deputy.id)) {
    return { key: 'wakil-not-allowed', params: { name: deputy.name, position: person.position } };
  }
  const next = new Map<PersonId, PersonId>();
  for (const d of active) if (d.personId !== person.id) next.set(d.personId, d.delegateId);
  const seen = new Set<PersonId>();
  for (let at: PersonId | undefined = deputy.id; at !== undefined && !seen.has(at); at = next.get(at)) {
    if (at === person.id) return { key: 'wakil-cycle', params: { name: deputy.name } };
    seen.add(at);
  }
  return undefined;
}
