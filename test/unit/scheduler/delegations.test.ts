import { loadOrgFile } from '../../../src/config/org-file.js';
import { ManualClock } from '../../support/fakes/memory-ports.js';
import { MemoryDelegationStore } from '../../support/fakes/memory-time-standards.js';
import { EXAMPLE_ORG_FILE } from '../../support/paths.js';
import { createDelegationCommand } from '../../../src/features/time-standards/delegation-command.js';
import { delegationMap, type Delegation } from '../../../src/features/time-standards/delegations.js';

const t0 = new Date('2026-11-23T02:00:00.000Z');
const DAY = 24 * 3600 * 1000;
const d = (personId: string, delegateId: string, fromOffset = 0): Delegation => ({
  id: `${personId}-${delegateId}`,
  personId,
  delegateId,
  from: new Date(t0.getTime() + fromOffset),
  until: new Date(t0.getTime() + DAY),
});

describe('who stands in for whom', () => {
  test('a delegate who is away too passes it on; a cycle stops before it comes back; the newest wins', () => {
    expect([...delegationMap([d('rina', 'fajar')])]).toEqual([['rina', 'fajar']]);
    expect(delegationMap([d('rina', 'fajar'), d('fajar', 'tuti')]).get('rina')).toBe('tuti');
    const cycle = delegationMap([d('rina', 'fajar'), d('fajar', 'rina')]);
    expect(cycle.get('rina')).toBe('fajar');
    expect(cycle.get('fajar')).toBe('rina');
    expect(delegationMap([d('rina', 'fajar'), d('rina', 'tuti', 1000)]).get('rina')).toBe('tuti');
    expect(delegationMap([d('rina', 'rina')]).has('rina')).toBe(false);
  });
});

describe('/wakil', () => {
  const org = loadOrgFile(EXAMPLE_ORG_FILE);
  const clock = new ManualClock(t0);
  const store = new MemoryDelegationStore();
  const wakil = createDelegationCommand({ store, org: () => org, clock });
  const ask = (personId: string, args: string) =>
    wakil({
      personId,
      args,
      platform: 'slack',
      userId: `U-${personId}`,
      reader: { locale: 'id', timeZone: 'Asia/Jakarta' },
    });

  test('names a delegate for N days, shows it, and ends it', async () => {
    expect((await ask('sari', 'yusuf 5')).lines).toEqual([
      {
        key: 'wakil-set',
        params: {
          name: 'Yusuf Ramadhan',
          days: 5,
          until: { instant: '2026-11-28T02:00:00.000Z', style: 'datetime' },
        },
      },
    ]);
    expect(store.delegations).toMatchObject([{ personId: 'sari', delegateId: 'yusuf', from: t0 }]);
    clock.advance(DAY);
    expect((await ask('sari', '')).lines[0]).toEqual({
      key: 'wakil-current',
      params: { name: 'Yusuf Ramadhan', until: { instant: '2026-11-28T02:00:00.000Z', style: 'datetime' } },
    });
    // Named again: the new period replaces the old one.
    expect((await ask('sari', 'yusuf 1')).lines[0]?.key).toBe('wakil-set');
    expect((await store.activeAt(clock.now())).filter((x) => x.personId === 'sari')).toHaveLength(1);
    expect((await ask('sari', 'BATAL')).lines).toEqual([{ key: 'wakil-ended' }]);
    expect(await store.activeAt(clock.now())).toEqual([]);
    // It ran out by itself after its days.
    await ask('sari', 'yusuf 1');
    clock.advance(DAY);
    expect((await ask('sari', '')).lines[0]).toEqual({ key: 'wakil-none' });
  });

  test('refuses what it cannot do', async () => {
    expect((await ask('sari', 'yusuf 0')).lines[0]?.key).toBe('wakil-bad-days');
    expect((await ask('sari', 'yusuf 31')).lines[0]?.key).toBe('wakil-bad-days');
    expect((await ask('sari', 'yusuf -2')).lines[0]?.key).toBe('wakil-bad-days');
    expect((await ask('sari', 'yusuf 2.5')).lines[0]?.key).toBe('wakil-bad-days');
    expect((await ask('sari', 'nobody 3')).lines[0]).toEqual({
      key: 'wakil-unknown-person',
      params: { id: 'nobody' },
    });
    expect((await ask('sari', 'sari 3')).lines[0]).toEqual({ key: 'wakil-self' });
    expect((await ask('sari', 'a b c d')).lines[0]?.key).toBe('wakil-usage');
    // Three words name a deputy for someone else: only admins may.
    expect((await ask('sari', 'rina fajar 3')).lines[0]?.key).toBe('wakil-admins-only');
  });
});
