import type { AuditEvent, Instance, StepRun } from '../core/engine/types.js';
import type { PersonId } from '../core/ids.js';
import type { ChatContext } from './chat-context.js';
import { openTasks } from './tasks.js';

export interface HomeData {
  unitName: string;
  /** Open tasks, overdue first, then by due time. */
  tasks: Array<{ instance: Instance; run: StepRun }>;
  /** The person's latest actions, newest first. */
  actions: Array<{ instance: Instance; event: AuditEvent }>;
  /** Requests of the person's unit and the units below it (requested or handled there), newest first. */
  unitInstances: Instance[];
}

const UNIT_LIMIT = 15;
const ACTIONS_LIMIT = 10;

/**
 * A person's overview (Slack's App Home shows it): their open tasks, their latest actions and the
 * requests of their unit, read through the service.
 */
export async function overviewOf(chat: ChatContext, personId: PersonId, now: Date): Promise<HomeData> {
  const person = chat.org.person(personId);
  const unitId = person?.unit ?? '';
  const tasks = await openTasks(chat, personId, now);
  const unitInstances = await unitInstancesOf(chat, unitId);
  const involved = new Map<string, Instance>();
  for (const instance of [...tasks.map((t) => t.instance), ...unitInstances])
    involved.set(instance.id, instance);
  return {
    unitName: chat.org.unit(unitId)?.name ?? unitId,
    tasks,
    actions: recentActions([...involved.values()], personId),
    unitInstances: unitInstances.slice(0, UNIT_LIMIT),
  };
}

/** Requests of the unit and the units below it (a Kapus sees the whole centre), newest first. */
async function unitInstancesOf(chat: ChatContext, unitId: string): Promise<Instance[]> {
  const units = chat.org.allUnits().filter((unit) => chat.org.isWithin(unit.id, unitId));
  const found = new Map<string, Instance>();
  for (const unit of units) {
    for (const instance of await chat.service.listForUnit(unit.id, UNIT_LIMIT))
      found.set(instance.id, instance);
  }
  return [...found.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The person's own events, without the `step-completed` that repeats an action of the same moment. */
function recentActions(instances: Instance[], personId: PersonId): HomeData['actions'] {
  const mine = instances.flatMap((instance) =>
    instance.events
      .filter((e) => e.actorId === personId || e.onBehalfOf === personId)
      .filter(
        (e, _, all) =>
          e.type !== 'step-completed' ||
          !all.some((o) => o !== e && o.type !== 'step-completed' && o.runId === e.runId && o.at === e.at),
      )
      .map((event) => ({ instance, event })),
  );
  return mine
    .sort((a, b) => b.event.at.localeCompare(a.event.at) || b.event.seq - a.event.seq)
    .slice(0, ACTIONS_LIMIT);
}
