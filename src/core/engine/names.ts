import type { OrgDirectory } from '../org/org-directory.js';

/** A person's name from the org, their id when the org no longer has them, `-` for nobody. */
export function nameOf(org: OrgDirectory, personId: string | null | undefined): string {
  if (!personId) return '-';
  return org.person(personId)?.name ?? personId;
}
