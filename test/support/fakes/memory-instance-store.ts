import { createHash } from 'node:crypto';
import type { AuditEvent, Instance, Prompt } from '../../../src/core/engine/types.js';
import {
  DuplicateInstanceError,
  VersionConflictError,
  type InstanceStore,
  type OpenTask,
} from '../../../src/core/ports.js';

interface Stored {
  instance: Instance;
  pending: Prompt[];
}

/** In-memory InstanceStore with the same contract as the MongoDB one (see the contract suite). */
export class MemoryInstanceStore implements InstanceStore {
  private readonly docs = new Map<string, Stored>();

  idForKey(idempotencyKey: string): string {
    return createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24);
  }

  create(instance: Instance, prompts: Prompt[]): Promise<void> {
    if (this.docs.has(instance.id)) return Promise.reject(new DuplicateInstanceError(instance.id));
    this.docs.set(instance.id, { instance: structuredClone(instance), pending: structuredClone(prompts) });
    return Promise.resolve();
  }

  get(id: string): Promise<Instance | undefined> {
    const doc = this.docs.get(id);
    return Promise.resolve(doc ? structuredClone(doc.instance) : undefined);
  }

  save(instance: Instance, expectedVersion: number, events: AuditEvent[], prompts: Prompt[]): Promise<void> {
    const doc = this.docs.get(instance.id);
    if (!doc || doc.instance.version !== expectedVersion) {
      return Promise.reject(new VersionConflictError(instance.id, expectedVersion));
    }
    const kept = doc.instance.events;
    doc.instance = { ...structuredClone(instance), events: [...kept, ...structuredClone(events)] };
    doc.pending.push(...structuredClone(prompts));
    return Promise.resolve();
  }

  pendingPrompts(limit: number): Promise<Prompt[]> {
    return Promise.resolve([...this.docs.values()].flatMap((d) => d.pending).slice(0, limit));
  }

  markPromptsQueued(instanceId: string, promptIds: string[]): Promise<void> {
    const doc = this.docs.get(instanceId);
    if (doc) doc.pending = doc.pending.filter((p) => !promptIds.includes(p.id));
    return Promise.resolve();
  }

  findByAgendaNumber(agendaNumber: string): Promise<Instance | undefined> {
    const doc = [...this.docs.values()].find(
      (d) =>
        d.instance.agendaNumbers.incoming === agendaNumber ||
        d.instance.agendaNumbers.outgoing === agendaNumber,
    );
    return Promise.resolve(doc ? structuredClone(doc.instance) : undefined);
  }

  openTasksFor(personId: string): Promise<OpenTask[]> {
    const tasks: OpenTask[] = [];
    for (const { instance } of this.docs.values()) {
      if (instance.status !== 'active') continue;
      for (const run of instance.runs) {
        if (!run.endedAt && run.assigneeId === personId)
          tasks.push({ instance: structuredClone(instance), runId: run.runId });
      }
    }
    return Promise.resolve(tasks);
  }

  listActive(limit: number): Promise<Instance[]> {
    return Promise.resolve(
      [...this.docs.values()]
        .filter((d) => d.instance.status === 'active')
        .slice(0, limit)
        .map((d) => structuredClone(d.instance)),
    );
  }

  listForUnit(unitId: string, limit: number): Promise<Instance[]> {
    return Promise.resolve(
      [...this.docs.values()]
        .filter((d) => d.instance.requesterUnitId === unitId || d.instance.handlingUnitId === unitId)
        .sort((a, b) => b.instance.createdAt.localeCompare(a.instance.createdAt))
        .slice(0, limit)
        .map((d) => structuredClone(d.instance)),
    );
  }
}
