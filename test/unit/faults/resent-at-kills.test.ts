import { resentAtKills } from '../../faults/checks.js';

// The fault suite's one forgiven duplicate: a copy in flight when its process was killed.
const at = (...times: number[]) => times.map((t) => ({ at: t }));

describe('resentAtKills (the fault suite: which duplicates at-least-once delivery explains)', () => {
  it('forgives a copy that reached the Bot API just before a kill and came again after it', () => {
    expect(resentAtKills(at(10_000, 70_000), [10_050])).toBe(true);
  });

  it('forgives a copy written before the kill that reached the stand-in just after it', () => {
    // Seen in a CI run: the kill at …37.198, its message at the stand-in at …37.206.
    expect(resentAtKills(at(37_206, 96_457), [37_198])).toBe(true);
  });

  it('forgives a third copy only when each earlier copy had a kill of its own', () => {
    expect(resentAtKills(at(10_000, 70_000, 130_000), [10_100, 70_200])).toBe(true);
    expect(resentAtKills(at(10_000, 10_050, 70_000), [10_100])).toBe(false);
  });

  it('calls a copy far from any kill a duplicate', () => {
    expect(resentAtKills(at(10_000, 70_000), [11_000])).toBe(false);
    expect(resentAtKills(at(10_000, 70_000), [9_000])).toBe(false);
    expect(resentAtKills(at(10_000, 70_000), [])).toBe(false);
  });

  it('finds the in-flight copy whatever order the copies are listed in', () => {
    expect(resentAtKills(at(70_000, 10_000), [10_050])).toBe(true);
    // The last copy is the one that was recorded; a kill next to it explains nothing.
    expect(resentAtKills(at(10_000, 70_000), [70_050])).toBe(false);
  });

  it('is not asked about a single copy', () => {
    expect(resentAtKills(at(10_000), [10_050])).toBe(false);
  });
});
