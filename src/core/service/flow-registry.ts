import type { Flow } from '../flow/model.js';

/** The flows loaded at start-up, by id. */
export class FlowRegistry {
  private readonly flows = new Map<string, Flow>();

  constructor(flows: readonly Flow[]) {
    for (const flow of flows) this.flows.set(flow.id, flow);
  }

  get(id: string): Flow | undefined {
    return this.flows.get(id);
  }

  all(): Flow[] {
    return [...this.flows.values()];
  }
}
