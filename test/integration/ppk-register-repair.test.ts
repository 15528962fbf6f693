import mongoose, { type Connection } from 'mongoose';
import type { Instance } from '../../src/core/engine/types.js';
import { MongoPpkRegisterStore } from '../../src/features/ppk/mongo-register-store.js';
import type { PpkRegisterStore } from '../../src/features/ppk/register-store.js';
import { testMongo } from '../support/mongo.js';
import { createPpkRig } from '../support/ppk-rig.js';
import { BUDI, HENDRA, SITI, csvOf } from '../unit/features/ppk/ppk-fixture-rows.js';

let connection: Connection;
let stopMongo: () => Promise<void>;

beforeAll(async () => {
  const mongo = await testMongo('pandu-ppk-repair');
  stopMongo = () => mongo.stop();
  connection = mongoose.createConnection(mongo.uri, { serverSelectionTimeoutMS: 10_000 });
  await connection.asPromise();
});

afterAll(async () => {
  await connection.close();
  await stopMongo();
});

beforeEach(async () => {
  await connection.collection('ppk_register').deleteMany({});
  await connection.collection('ppk_verified_lists').deleteMany({});
});

/**
 * The register of a process that dies right after the instance is saved: its writes never arrive
 * (every one throws, as the database would not hear from a killed process).
 */
function deadAfterSave(real: PpkRegisterStore): PpkRegisterStore {
  const dead = () => Promise.reject(new Error('process killed after the instance save'));
  return {
    lastVerified: (unitId) => real.lastVerified(unitId),
    unit: (unitId) => real.unit(unitId),
    units: () => real.units(),
    saveVerified: dead,
    saveUnit: dead,
  };
}

/** Step 5 to the end of step 7: the list uploaded, approved, every account authenticated. */
async function verifyAndAuthenticate(rig: ReturnType<typeof createPpkRig>): Promise<Instance> {
  const instance = await rig.toListStep();
  await rig.upload('fajar', 'daftar-ppk.csv', csvOf(BUDI, SITI, HENDRA), { instance });
  await rig.tap(instance, 'Selesai');
  await rig.tap(instance, 'Setujui');
  for (let guard = 0; guard < 10; guard++) {
    const current = await rig.harness.current(instance);
    if (current.runs.find((r) => !r.endedAt)?.stepId !== 'otentikasi-data') break;
    await rig.tap(current, '☐');
  }
  return rig.harness.current(instance);
}

describe('PPK register and verified list after a crash between the instance save and their update', () => {
  test('the next start applies the verification and the authentication the crash lost', async () => {
    const real = new MongoPpkRegisterStore(connection);
    const rig = createPpkRig({ register: deadAfterSave(real) });
    const done = await verifyAndAuthenticate(rig);
    expect(done.runs.find((r) => r.stepId === 'otentikasi-data')?.outcome).toBe('completed');
    // The crash: the instance is saved at step 8, the register and the verified list are not.
    expect(await real.lastVerified('biro-umum')).toBeUndefined();
    expect(await real.unit('biro-umum')).toBeUndefined();

    await rig.restart(real);

    const verified = await real.lastVerified('biro-umum');
    expect(verified?.instanceId).toBe(done.id);
    expect(verified?.verifiedBy).toBe('dewi');
    expect(verified?.entries.map((e) => e.nip)).toEqual([BUDI.nip, SITI.nip, HENDRA.nip]);
    const unit = await real.unit('biro-umum');
    expect(unit?.source.instanceId).toBe(done.id);
    expect(unit?.accounts.map((a) => a.nip)).toEqual([BUDI.nip, SITI.nip, HENDRA.nip]);
    // The performer's file goes out under the run's one prompt id (the outbox keeps one per id).
    const fileIds = new Set(rig.sent.filter((p) => p.file).map((p) => p.id));
    expect([...fileIds]).toEqual([expect.stringMatching(/:authenticated-list$/) as string]);
  });

  test('a second start, and a start with nothing lost, change nothing', async () => {
    const real = new MongoPpkRegisterStore(connection);
    const rig = createPpkRig({ register: real });
    await verifyAndAuthenticate(rig);
    const unit = await real.unit('biro-umum');
    const verified = await real.lastVerified('biro-umum');
    const sent = rig.sent.length;

    await rig.restart(real);
    await rig.restart(real);

    expect(await real.unit('biro-umum')).toEqual(unit);
    expect(await real.lastVerified('biro-umum')).toEqual(verified);
    expect(rig.sent).toHaveLength(sent);
  });
});
