import type { SavedChange } from '../../../src/core/service/sop-service.js';
import { createEngineHarness } from '../../support/engine-harness.js';

describe('SopService.onSaved', () => {
  test('listeners see every saved change with its ended and started runs; a failing one does not fail the command', async () => {
    const h = createEngineHarness();
    const seen: SavedChange[] = [];
    h.service.onSaved((change) => {
      seen.push(change);
      return Promise.resolve();
    });
    h.service.onSaved(() => Promise.reject(new Error('listener broke')));
    h.service.onSaved(() => {
      throw new Error('listener broke synchronously');
    });
    const instance = await h.start();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.startedRuns.map((r) => r.stepId)).toEqual(['nota-dinas-masuk', 'agenda-surat-masuk']);

    const result = await h.act(instance, { type: 'complete' });
    expect(result.ok).toBe(true);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.endedRuns.map((r) => [r.stepId, r.outcome])).toEqual([
      ['agenda-surat-masuk', 'registered'],
    ]);
    expect(seen[1]?.instance.version).toBe(2);
    // A refused command saves nothing and tells nobody.
    await h.act(instance, { type: 'approve' });
    expect(seen).toHaveLength(2);
  });
});
