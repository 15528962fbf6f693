import type { SavedChange } from '../../../src/core/service/sop-service.js';
import type { Feature, FeatureHost } from '../../../src/features/feature.js';
import { FeatureRegistry } from '../../../src/features/registry.js';
import { createEngineHarness } from '../../support/engine-harness.js';

describe("listeners after a save (features' onSaved)", () => {
  test('listeners see every saved change with its ended and started runs; a failing one does not fail the command', async () => {
    const seen: SavedChange[] = [];
    const later: SavedChange[] = [];
    const features: Feature[] = [
      {
        id: 'records',
        setup: () => ({
          onSaved: (change) => {
            seen.push(change);
            return Promise.resolve();
          },
        }),
      },
      { id: 'rejects', setup: () => ({ onSaved: () => Promise.reject(new Error('listener broke')) }) },
      {
        id: 'throws',
        setup: () => ({
          onSaved: () => {
            throw new Error('listener broke synchronously');
          },
        }),
      },
      {
        id: 'after-the-broken-ones',
        setup: () => ({
          onSaved: (change) => {
            later.push(change);
            return Promise.resolve();
          },
        }),
      },
    ];
    const registry = new FeatureRegistry();
    for (const feature of features) await registry.add(feature, {} as FeatureHost);
    registry.seal();
    const h = createEngineHarness({ onSaved: registry.onSaved });
    const instance = await h.start();
    expect(seen).toHaveLength(1);
    // A broken listener stops no other.
    expect(later).toHaveLength(1);
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
