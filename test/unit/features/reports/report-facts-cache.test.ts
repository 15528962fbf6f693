import { CATCH_UP_MARGIN_MS, ReportFactsCache } from '../../../../src/features/reports/report-facts-cache.js';
import type { StoredFacts } from '../../../../src/features/reports/report-facts-store.js';

function facts(instanceId: string, version: number, endMs: number): StoredFacts {
  return {
    instanceId,
    flowId: 'spse-eproc',
    version,
    firstEndMs: endMs,
    lastEndMs: endMs,
    attempts: [
      {
        stepId: 'agenda-surat-masuk',
        startMs: endMs - 60_000,
        endMs,
        performerId: 'tuti',
        reminders: 0,
        escalations: 0,
        returned: false,
        rerun: false,
        paused: [],
      },
    ],
  };
}

/** A store of facts with write times, as report_facts holds them. */
class FakeStore {
  docs = new Map<string, { facts: StoredFacts; writtenAt: number }>();
  readIds: Array<readonly string[] | undefined> = [];
  sinceAsked: Date[] = [];

  write(f: StoredFacts, writtenAt: number) {
    this.docs.set(f.instanceId, { facts: f, writtenAt });
  }

  read(ids?: readonly string[]): Promise<StoredFacts[]> {
    this.readIds.push(ids);
    const all = [...this.docs.values()].map((d) => d.facts);
    return Promise.resolve(ids ? all.filter((f) => ids.includes(f.instanceId)) : all);
  }

  versionsWrittenSince(since: Date): Promise<Map<string, number>> {
    this.sinceAsked.push(since);
    const found = [...this.docs.values()].filter((d) => d.writtenAt >= since.getTime());
    return Promise.resolve(new Map(found.map((d) => [d.facts.instanceId, d.facts.version])));
  }
}

const T0 = Date.parse('2026-11-23T02:00:00Z');
const period = { from: new Date(T0 - 86_400_000), to: new Date(T0 + 86_400_000) };

describe('the report facts cache', () => {
  test('reads everything once, then only what was written since (less the margin) and is newer', async () => {
    const store = new FakeStore();
    let now = T0;
    const cache = new ReportFactsCache(store, () => new Date(now));
    store.write(facts('a', 3, T0 - 3_600_000), T0 - 600_000);
    store.write(facts('b', 2, T0 - 3_600_000), T0 - 600_000);
    expect((await cache.factsBetween(period.from, period.to, { flowIds: ['spse-eproc'] })).length).toBe(2);
    expect(store.readIds).toEqual([undefined]);

    now = T0 + 120_000;
    store.write(facts('b', 4, T0 + 60_000), T0 + 60_000);
    store.write(facts('c', 1, T0 + 60_000), T0 + 60_000);
    const found = await cache.factsBetween(period.from, period.to, { flowIds: ['spse-eproc'] });
    expect(store.sinceAsked.at(-1)?.getTime()).toBe(T0 - CATCH_UP_MARGIN_MS);
    expect(store.readIds.at(-1)).toEqual(['b', 'c']);
    expect(found.map((f) => [f.instanceId, (f as StoredFacts).version]).sort()).toEqual([
      ['a', 3],
      ['b', 4],
      ['c', 1],
    ]);

    // Nothing new: nothing read in full.
    now = T0 + 240_000;
    await cache.factsBetween(period.from, period.to, { flowIds: ['spse-eproc'] });
    expect(store.readIds.at(-1)).toEqual([]);
  });

  test('keeps to the period and the flows asked for', async () => {
    const store = new FakeStore();
    const cache = new ReportFactsCache(store, () => new Date(T0));
    store.write(facts('in', 1, T0), T0);
    store.write(facts('before', 1, T0 - 3 * 86_400_000), T0);
    store.write({ ...facts('other', 1, T0), flowId: 'cuti' }, T0);
    const found = await cache.factsBetween(period.from, period.to, { flowIds: ['spse-eproc'] });
    expect(found.map((f) => f.instanceId)).toEqual(['in']);
  });
});
