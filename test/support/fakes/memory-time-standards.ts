import type {
  Delegation,
  DelegationEnding,
  DelegationStore,
} from '../../../src/features/time-standards/delegations.js';
import type { Disruption, DisruptionStore } from '../../../src/features/time-standards/disruptions.js';

/** In-memory fakes of the time-standards stores (delegations, disruptions), for unit tests. */

export class MemoryDelegationStore implements DelegationStore {
  readonly delegations: Delegation[] = [];
  private ids = 0;

  activeAt(at: Date): Promise<Delegation[]> {
    return Promise.resolve(
      this.delegations.filter((d) => d.from <= at && d.until > at).map((d) => ({ ...d })),
    );
  }

  async set(delegation: Omit<Delegation, 'id'>): Promise<Delegation> {
    await this.end(delegation.personId, delegation.from);
    const stored = { id: `delegation-${++this.ids}`, ...delegation };
    this.delegations.push(stored);
    return { ...stored };
  }

  end(personId: string, at: Date, ending?: DelegationEnding): Promise<number> {
    let ended = 0;
    for (const d of this.delegations) {
      if (ending?.delegateId && d.delegateId !== ending.delegateId) continue;
      if (d.personId === personId && d.from <= at && d.until > at) {
        d.until = at;
        ended++;
      }
    }
    return Promise.resolve(ended);
  }
}

export class MemoryDisruptionStore implements DisruptionStore {
  readonly records: Disruption[] = [];
  private currentId: string | undefined;
  private ids = 0;

  current(): Promise<Disruption | undefined> {
    const found = this.records.find((d) => d.id === this.currentId);
    return Promise.resolve(found ? { ...found } : undefined);
  }

  async start(
    disruption: Omit<Disruption, 'id'>,
  ): Promise<{ ok: true; disruption: Disruption } | { ok: false; current: Disruption }> {
    const current = await this.current();
    if (current) return { ok: false, current };
    const stored: Disruption = {
      id: `disruption-${++this.ids}`,
      since: disruption.since,
      note: disruption.note,
      by: disruption.by,
    };
    this.records.push(stored);
    this.currentId = stored.id;
    return { ok: true, disruption: { ...stored } };
  }

  end(at: Date, by: string, note?: string): Promise<Disruption | undefined> {
    const current = this.records.find((d) => d.id === this.currentId);
    if (!current) return Promise.resolve(undefined);
    this.currentId = undefined;
    Object.assign(current, { until: at, endedBy: by, ...(note ? { endNote: note } : {}) });
    return Promise.resolve({ ...current });
  }

  history(limit: number): Promise<Disruption[]> {
    return Promise.resolve(
      [...this.records]
        .sort((a, b) => b.since.getTime() - a.since.getTime())
        .slice(0, limit)
        .map((d) => ({ ...d })),
    );
  }
}
