import type { PersonId, UnitId } from '../../core/ids.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import { ReportInputError } from './report-errors.js';

/**
 * Whose work a report covers. A run of a step belongs to its performer (who did it; for an open
 * run, who must do it), and through them to their unit in the org file:
 * - `all`: every run (admins);
 * - `unit`: runs whose performer's unit is the unit or lies under it (a Kabid's division with its
 *   subdivisions, a Kapus's whole centre);
 * - `person`: that person's own runs (staff).
 * A performer no longer in the org file has no unit: their runs show only under `all`.
 */
export type ReportScope =
  { kind: 'all' } | { kind: 'unit'; unitId: UnitId } | { kind: 'person'; personId: PersonId };

/** Is a run performed by `performerId` inside the scope? */
export function performerInScope(
  scope: ReportScope,
  performerId: PersonId | null | undefined,
  org: OrgDirectory,
): boolean {
  if (scope.kind === 'all') return true;
  if (!performerId) return false;
  if (scope.kind === 'person') return performerId === scope.personId;
  const unit = org.person(performerId)?.unit;
  return unit !== undefined && org.isWithin(unit, scope.unitId);
}

/**
 * The widest scope a person may see: an admin everything; someone whose position is above the
 * lowest rung (Kasubbid, Kabid, Kapus, Sekjen, Menteri: they have people under them) their own
 * unit's subtree; everyone else their own work. Undefined for someone not in the org file.
 */
export function scopeOfViewer(org: OrgDirectory, viewerId: PersonId): ReportScope | undefined {
  const viewer = org.person(viewerId);
  if (!viewer) return undefined;
  if (viewer.admin) return { kind: 'all' };
  const leads = org.positions.some((position) => org.isPositionBelow(position, viewer.position));
  return leads ? { kind: 'unit', unitId: viewer.unit } : { kind: 'person', personId: viewer.id };
}

/**
 * Narrows a requested scope to what the viewer may see: the request itself when it lies inside
 * the viewer's own scope, else undefined (the caller answers 403). No request: the viewer's scope.
 */
export function permittedScope(
  org: OrgDirectory,
  viewerId: PersonId,
  requested: ReportScope | undefined,
): ReportScope | undefined {
  const own = scopeOfViewer(org, viewerId);
  if (!own || !requested) return own;
  if (own.kind === 'all') return requested;
  if (requested.kind === 'all') return undefined;
  if (own.kind === 'person') {
    return requested.kind === 'person' && requested.personId === own.personId ? requested : undefined;
  }
  if (requested.kind === 'unit') return org.isWithin(requested.unitId, own.unitId) ? requested : undefined;
  const unit = org.person(requested.personId)?.unit;
  return unit !== undefined && org.isWithin(unit, own.unitId) ? requested : undefined;
}

/** Checks that the scope names a unit or person of the org file (a clear error otherwise). */
export function checkScope(scope: ReportScope, org: OrgDirectory): ReportScope {
  if (scope.kind === 'unit' && !org.unit(scope.unitId)) {
    throw new ReportInputError('unknown-unit', {
      unit: scope.unitId,
      known: org
        .allUnits()
        .map((u) => u.id)
        .join(', '),
    });
  }
  if (scope.kind === 'person' && !org.person(scope.personId)) {
    throw new ReportInputError('unknown-person', { person: scope.personId });
  }
  return scope;
}
