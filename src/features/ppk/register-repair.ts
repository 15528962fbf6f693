import type { Instance, StepRun } from '../../core/engine/types.js';
import type { Flow } from '../../core/flow/model.js';
import { applyAuthenticated, applyVerified, type LifecycleDeps } from './lifecycle.js';
import { registerUnitOf, verifiedListOf } from './register-updates.js';

/** How many of a unit's latest requests the repair looks at. */
export const REPAIR_REQUESTS_PER_UNIT = 100;

export interface RepairDeps extends LifecycleDeps {
  listForUnit(unitId: string, limit: number): Promise<Instance[]>;
}

interface Candidate {
  flow: Flow;
  instance: Instance;
  run: StepRun;
  at: string;
}

/**
 * The register and the verified lists are written after the instance is saved, so a process that
 * dies between the two leaves them behind their instances. At start, for each unit of the org,
 * this finds the latest verification and authentication among the unit's latest requests and,
 * where the kept list or register entry is older (or missing), applies that run again. Applying
 * is keyed (one document per unit, later wins; the file's message by its prompt id), so running
 * the repair twice, or on two processes at once, changes nothing more. Returns what it repaired.
 */
export async function repairRegister(deps: RepairDeps): Promise<{ verified: number; register: number }> {
  const repaired = { verified: 0, register: 0 };
  for (const unit of deps.org().allUnits()) {
    const instances = (await deps.listForUnit(unit.id, REPAIR_REQUESTS_PER_UNIT)).filter(
      (i) => i.requesterUnitId === unit.id,
    );
    const verified = latest(deps, instances, (flow, i, run) => verifiedListOf(flow, i, run)?.verifiedAt);
    const kept = await deps.register.lastVerified(unit.id);
    if (verified && (!kept || kept.verifiedAt < verified.at)) {
      await applyVerified(deps, verified.flow, verified.instance, verified.run);
      repaired.verified++;
    }
    const authenticated = latest(
      deps,
      instances,
      (flow, i, run) => registerUnitOf(deps.org(), flow, i, run)?.unit.updatedAt,
    );
    const entry = await deps.register.unit(unit.id);
    if (authenticated && (!entry || entry.updatedAt < authenticated.at)) {
      await applyAuthenticated(deps, authenticated.flow, authenticated.instance, authenticated.run);
      repaired.register++;
    }
  }
  if (repaired.verified + repaired.register > 0)
    deps.logger.warn(repaired, 'PPK register repaired from requests saved before a crash');
  return repaired;
}

/** The run with the latest time among those `at` gives a time for. */
function latest(
  deps: RepairDeps,
  instances: Instance[],
  at: (flow: Flow, instance: Instance, run: StepRun) => string | undefined,
): Candidate | undefined {
  let best: Candidate | undefined;
  for (const instance of instances) {
    const flow = deps.flow(instance.flowId);
    if (!flow) continue;
    for (const run of instance.runs) {
      const time = at(flow, instance, run);
      if (time !== undefined && (!best || time > best.at)) best = { flow, instance, run, at: time };
    }
  }
  return best;
}
