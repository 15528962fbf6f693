import type { Db } from 'mongodb';
import { MongoClient } from 'mongodb';
import { loadOrgFile } from '../../src/config/org-file.js';
import type { Prompt } from '../../src/core/engine/types.js';
import { createDelegationCommand } from '../../src/features/time-standards/delegation-command.js';
import { delegationMap, MongoDelegationStore } from '../../src/features/time-standards/delegations.js';
import { OrgDirectory } from '../../src/core/org/org-directory.js';
import { ManualClock } from '../support/fakes/memory-ports.js';
import { testMongo } from '../support/mongo.js';
import { EXAMPLE_ORG_FILE } from '../support/paths.js';

/** Issue 15 (2): who may stand in for whom (Plh), on the real store. */
describe('deputies (/wakil) on MongoDB', () => {
  let mongo: Awaited<ReturnType<typeof testMongo>>;
  let client: MongoClient;
  let db: Db;
  let store: MongoDelegationStore;
  const clock = new ManualClock(new Date('2026-11-23T02:00:00.000Z'));
  const sent: Prompt[] = [];
  const example = loadOrgFile(EXAMPLE_ORG_FILE);
  // A second Staf in Rina's unit: the same position in the same unit may stand in without the org file.
  const org = new OrgDirectory({
    ...example.file,
    people: [
      ...example.file.people,
      {
        id: 'wati',
        name: 'Wati Susanti',
        position: 'Staf',
        unit: 'subbid-eproc',
        tags: [],
        admin: false,
        deputies: [],
        chat: {},
      },
    ],
  });
  const wakil = () =>
    createDelegationCommand({
      store,
      org: () => org,
      clock,
      send: (prompts) => {
        sent.push(...prompts);
        return Promise.resolve();
      },
    });
  const ask = (personId: string, args: string) =>
    wakil()({
      personId,
      args,
      platform: 'telegram',
      userId: `u-${personId}`,
      reader: { locale: 'id', timeZone: 'Asia/Jakarta' },
    });
  const inForce = async () => delegationMap(await store.activeAt(clock.now()));

  beforeAll(async () => {
    mongo = await testMongo('pandu-deputies');
    client = await MongoClient.connect(mongo.uri);
    db = client.db();
    store = new MongoDelegationStore(db);
  });
  afterAll(async () => {
    await client.close();
    await mongo.stop();
  });
  beforeEach(async () => {
    await db.collection('delegations').deleteMany({});
    sent.length = 0;
  });

  test('an external requester, the Menteri, or someone of another position is refused; nothing is stored', async () => {
    expect((await ask('rina', 'ulp-biro-umum 3')).lines[0]).toMatchObject({ key: 'wakil-external' });
    expect((await ask('rina', 'ulp-dukcapil 3')).lines[0]).toMatchObject({ key: 'wakil-external' });
    expect((await ask('rina', 'menteri 3')).lines[0]).toMatchObject({ key: 'wakil-not-allowed' });
    expect((await ask('rina', 'tuti 3')).lines[0]).toMatchObject({ key: 'wakil-not-allowed' });
    expect((await ask('rina', 'rina 3')).lines[0]).toEqual({ key: 'wakil-self' });
    expect([...(await inForce())]).toEqual([]);
    expect(sent).toEqual([]);
  });

  test('the same position in the same unit, or one the org file names, may stand in; the deputy is told', async () => {
    expect((await ask('rina', 'wati 3')).lines[0]?.key).toBe('wakil-set');
    expect((await ask('sari', 'yusuf 2')).lines[0]?.key).toBe('wakil-set');
    expect(await inForce()).toEqual(
      new Map([
        ['rina', 'wati'],
        ['sari', 'yusuf'],
      ]),
    );
    expect(sent.map((p) => [p.to, p.lines[0]?.key])).toEqual([
      ['wati', 'wakil-told'],
      ['yusuf', 'wakil-told'],
    ]);
  });

  test('no cycle, direct or longer', async () => {
    expect((await ask('bambang', 'dewi 3')).lines[0]?.key).toBe('wakil-set');
    expect((await ask('dewi', 'bambang 3')).lines[0]).toMatchObject({ key: 'wakil-cycle' });
    expect((await ask('dewi', 'agus 3')).lines[0]?.key).toBe('wakil-set');
    expect((await ask('agus', 'bambang 3')).lines[0]).toMatchObject({ key: 'wakil-cycle' });
    expect(await inForce()).toEqual(
      new Map([
        ['bambang', 'agus'],
        ['dewi', 'agus'],
      ]),
    );
  });

  test('the deputy declines: the delegation ends, the person is told, the audit trail has both', async () => {
    await ask('rina', 'fajar 3');
    clock.advance(60_000);
    expect((await ask('fajar', 'tolak rina')).lines).toEqual([
      { key: 'wakil-declined', params: { name: 'Rina Wulandari' } },
    ]);
    expect(await inForce()).toEqual(new Map());
    expect(sent.map((p) => [p.to, p.lines[0]?.key])).toEqual([
      ['fajar', 'wakil-told'],
      ['rina', 'wakil-declined-notice'],
    ]);
    // Someone not standing in cannot end another's delegation by declining.
    await ask('rina', 'fajar 3');
    expect((await ask('wati', 'tolak rina')).lines[0]?.key).toBe('wakil-nothing-to-decline');
    expect((await inForce()).get('rina')).toBe('fajar');
    const [latest, declined] = await store.historyOf('rina');
    expect(latest?.history.map((e) => [e.action, e.by])).toEqual([['set', 'rina']]);
    expect(declined?.history.map((e) => [e.action, e.by])).toEqual([
      ['set', 'rina'],
      ['declined', 'fajar'],
    ]);
  });

  test('an admin names and ends a deputy for someone else, within the same rules; others may not', async () => {
    expect((await ask('sari', 'rina fajar 3')).lines[0]?.key).toBe('wakil-admins-only');
    expect((await ask('hendra', 'rina ulp-biro-umum 3')).lines[0]?.key).toBe('wakil-external');
    expect((await ask('hendra', 'rina fajar 3')).lines[0]).toMatchObject({
      key: 'wakil-set-for',
      params: { person: 'Rina Wulandari', name: 'Fajar Nugroho' },
    });
    expect(sent.map((p) => [p.to, p.lines[0]?.key])).toEqual([
      ['fajar', 'wakil-told'],
      ['rina', 'wakil-set-by-admin'],
    ]);
    expect((await ask('sari', 'batal rina')).lines[0]?.key).toBe('wakil-admins-only');
    expect((await ask('hendra', 'batal rina')).lines).toEqual([{ key: 'wakil-ended' }]);
    const [trail] = await store.historyOf('rina');
    expect(trail?.setBy).toBe('hendra');
    expect(trail?.history.map((e) => [e.action, e.by])).toEqual([
      ['set', 'hendra'],
      ['ended', 'hendra'],
    ]);
  });
});
