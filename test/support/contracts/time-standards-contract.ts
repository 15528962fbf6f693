import type { DelegationStore } from '../../../src/features/time-standards/delegations.js';
import type { DisruptionStore } from '../../../src/features/time-standards/disruptions.js';

export interface TimeStandardsStoresUnderTest {
  delegations: DelegationStore;
  disruptions: DisruptionStore;
}

const HOUR = 3600 * 1000;

/** What every delegation and disruption store must do: run against the in-memory fakes and MongoDB. */
export function describeTimeStandardsStoresContract(
  name: string,
  setup: () => Promise<TimeStandardsStoresUnderTest>,
  teardown?: () => Promise<void>,
) {
  describe(`time-standards stores contract: ${name}`, () => {
    let stores: TimeStandardsStoresUnderTest;
    beforeAll(async () => {
      stores = await setup();
    });
    afterAll(async () => {
      await teardown?.();
    });

    test('a delegation is in force from its start until its end, and a new one replaces the old', async () => {
      const t0 = new Date('2026-11-23T02:00:00.000Z');
      const first = await stores.delegations.set({
        personId: 'rina',
        delegateId: 'fajar',
        from: t0,
        until: new Date(t0.getTime() + 24 * HOUR),
      });
      expect(first).toMatchObject({ personId: 'rina', delegateId: 'fajar' });
      expect(typeof first.id).toBe('string');
      expect(await stores.delegations.activeAt(new Date(t0.getTime() - 1))).toEqual([]);
      expect((await stores.delegations.activeAt(t0)).map((d) => d.delegateId)).toEqual(['fajar']);
      expect(await stores.delegations.activeAt(new Date(t0.getTime() + 24 * HOUR))).toEqual([]);

      const later = new Date(t0.getTime() + 2 * HOUR);
      await stores.delegations.set({
        personId: 'rina',
        delegateId: 'tuti',
        from: later,
        until: new Date(later.getTime() + HOUR),
      });
      expect(
        (await stores.delegations.activeAt(new Date(later.getTime() + 1))).map((d) => d.delegateId),
      ).toEqual(['tuti']);
      // The first one now ends where the second begins.
      expect(
        (await stores.delegations.activeAt(new Date(later.getTime() - 1))).map((d) => d.delegateId),
      ).toEqual(['fajar']);

      expect(await stores.delegations.end('rina', new Date(later.getTime() + 10))).toBe(1);
      expect(await stores.delegations.activeAt(new Date(later.getTime() + 20))).toEqual([]);
      expect(await stores.delegations.end('rina', new Date(later.getTime() + 30))).toBe(0);
    });

    test('one disruption at a time: a second declaration is refused, the end closes it, history keeps it', async () => {
      expect(await stores.disruptions.current()).toBeUndefined();
      expect(await stores.disruptions.end(new Date(), 'hendra')).toBeUndefined();
      const since = new Date('2026-11-23T03:00:00.000Z');
      const started = await stores.disruptions.start({ since, note: 'SPSE mati', by: 'hendra' });
      if (!started.ok) throw new Error('refused');
      expect(started.disruption).toMatchObject({ since, note: 'SPSE mati', by: 'hendra' });
      expect(await stores.disruptions.current()).toMatchObject({
        id: started.disruption.id,
        since,
        note: 'SPSE mati',
      });
      const again = await stores.disruptions.start({ since: new Date(), note: 'lagi', by: 'rina' });
      expect(again).toMatchObject({ ok: false, current: { id: started.disruption.id } });

      const until = new Date('2026-11-23T04:00:00.000Z');
      const ended = await stores.disruptions.end(until, 'hendra', 'pulih');
      expect(ended).toMatchObject({
        id: started.disruption.id,
        since,
        until,
        endedBy: 'hendra',
        endNote: 'pulih',
      });
      expect(await stores.disruptions.current()).toBeUndefined();
      const second = await stores.disruptions.start({
        since: new Date('2026-11-24T03:00:00.000Z'),
        note: 'lagi',
        by: 'hendra',
      });
      expect(second.ok).toBe(true);
      const history = await stores.disruptions.history(10);
      expect(history.map((d) => d.note)).toEqual(['lagi', 'SPSE mati']);
      expect(history[1]).toMatchObject({ until, endedBy: 'hendra' });
      await stores.disruptions.end(new Date('2026-11-24T04:00:00.000Z'), 'hendra');
    });
  });
}
