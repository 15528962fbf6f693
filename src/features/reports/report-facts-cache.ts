import type { ComplianceSource } from './compliance-source.js';
import type { MongoReportFacts, StoredFacts } from './report-facts-store.js';
import type { InstanceFacts } from './step-attempts.js';

/**
 * How far back each catch-up looks before the previous one began: a write stamped by another
 * process's clock a little behind ours, or committed just after our previous read, is still seen.
 * (Services share a clock within milliseconds under NTP; Agenda's job locks already rely on it.)
 */
export const CATCH_UP_MARGIN_MS = 30_000;

/**
 * The report facts held in the service's memory (a few MB for 10,000 instances), so that the
 * dashboard's reports do not read every instance's facts from the database each time: the first
 * report reads them all, each later one only the documents written since the last (less a margin
 * for other processes' clocks), keeping per instance the facts of the newest version. The
 * database stays the record; a process that starts reads it afresh.
 */
export class ReportFactsCache implements ComplianceSource {
  private readonly byInstance = new Map<string, StoredFacts>();
  private newestWrite: number | undefined;
  private catchingUp: Promise<void> | undefined;

  constructor(
    private readonly store: Pick<MongoReportFacts, 'read' | 'versionsWrittenSince'>,
    private readonly now: () => Date,
  ) {}

  async factsBetween(from: Date, to: Date, filter: { flowIds: readonly string[] }): Promise<InstanceFacts[]> {
    await this.catchUp();
    const flows = new Set(filter.flowIds);
    const fromMs = from.getTime();
    const toMs = to.getTime();
    const found: InstanceFacts[] = [];
    for (const facts of this.byInstance.values()) {
      if (!flows.has(facts.flowId) || facts.lastEndMs === null || facts.firstEndMs === null) continue;
      if (facts.lastEndMs >= fromMs && facts.firstEndMs < toMs) found.push(facts);
    }
    return found;
  }

  /** Reads what was written since the last catch-up; callers at the same time share one read. */
  catchUp(): Promise<void> {
    this.catchingUp ??= this.read().finally(() => {
      this.catchingUp = undefined;
    });
    return this.catchingUp;
  }

  /**
   * The first time every document; later the ids and versions of those written since the last
   * catch-up (less the margin), and in full only those newer than what is held.
   */
  private async read(): Promise<void> {
    const startedAt = this.now().getTime();
    let changed: StoredFacts[];
    if (this.newestWrite === undefined) changed = await this.store.read();
    else {
      const since = new Date(this.newestWrite - CATCH_UP_MARGIN_MS);
      const versions = await this.store.versionsWrittenSince(since);
      const newer = [...versions]
        .filter(([id, version]) => (this.byInstance.get(id)?.version ?? -1) < version)
        .map(([id]) => id);
      changed = await this.store.read(newer);
    }
    for (const facts of changed) {
      const held = this.byInstance.get(facts.instanceId);
      if (!held || held.version < facts.version) this.byInstance.set(facts.instanceId, facts);
    }
    this.newestWrite = startedAt;
  }
}
