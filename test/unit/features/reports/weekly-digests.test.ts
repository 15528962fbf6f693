import { loadFlowFile } from '../../../../src/config/flow-files.js';
import { loadOrgFile } from '../../../../src/config/org-file.js';
import type { Prompt } from '../../../../src/core/engine/types.js';
import { DEFAULT_OFFICE_CALENDAR } from '../../../../src/core/time/index.js';
import { InstancesInMemory } from '../../../../src/features/reports/compliance-source.js';
import { InMemoryDigestSettings } from '../../../../src/features/reports/digest-settings.js';
import type { ScopeFiguresSource } from '../../../../src/features/reports/scope-figures.js';
import {
  digestClaimKey,
  digestRecipients,
  sendWeeklyDigests,
} from '../../../../src/features/reports/weekly-digests.js';
import { loadTranslator } from '../../../../src/i18n/translator.js';
import { InMemoryWeeklyClaims } from '../../../../src/scheduling/weekly-claims.js';
import { EXAMPLE_ORG_FILE, LOCALES_DIR, SPSE_FLOW_FILE } from '../../../support/paths.js';
import { instance, run, wib } from './support/hand-instances.js';

const org = loadOrgFile(EXAMPLE_ORG_FILE);
const flow = loadFlowFile(SPSE_FLOW_FILE, org.positions);
const translator = loadTranslator(LOCALES_DIR);
const slot = { week: '2026-W49', at: new Date(wib('2026-11-30 07:30')) };
const now = new Date(wib('2026-11-30 07:30'));

const source: ScopeFiguresSource = {
  flows: () => [flow],
  org: () => org,
  facts: new InstancesInMemory([
    instance([run('verifikasi-data', 1, '2026-11-24 09:00', '2026-11-24 09:10', { assigneeId: 'bambang' })]),
  ]),
  openWork: { activeInstances: () => Promise.resolve([]) },
  calendarFor: () => DEFAULT_OFFICE_CALENDAR,
  timeZone: 'Asia/Jakarta',
};

function deps(overrides: { hasChat?: (id: string) => boolean; failFor?: string } = {}) {
  const sent: Prompt[] = [];
  return {
    sent,
    deps: {
      source,
      settings: new InMemoryDigestSettings(),
      claims: new InMemoryWeeklyClaims(),
      send: (prompts: Prompt[]) => {
        if (prompts.some((p) => p.to === overrides.failFor)) return Promise.reject(new Error('outbox down'));
        sent.push(...prompts);
        return Promise.resolve();
      },
      hasChat: (id: string) => Promise.resolve(overrides.hasChat?.(id) ?? true),
    },
  };
}

describe('who gets a weekly digest', () => {
  test('every leader with the scope they may see; no staff, no requester', () => {
    const recipients = Object.fromEntries(digestRecipients(org).map((r) => [r.personId, r.scope]));
    expect(recipients['hendra']).toEqual({ kind: 'all' });
    expect(recipients['sari']).toEqual({ kind: 'unit', unitId: 'bidang-aplikasi' });
    expect(recipients['bambang']).toEqual({ kind: 'unit', unitId: 'subbid-eproc' });
    for (const notLeader of ['rina', 'fajar', 'tuti', 'ulp-biro-umum']) {
      expect(recipients[notLeader]).toBeUndefined();
    }
  });
});

describe('sending the digests of a week', () => {
  test('one notice per leader with a chat account, in their scope; a second run sends none', async () => {
    const { deps: d, sent } = deps({ hasChat: (id) => !['menteri', 'sekjen'].includes(id) });
    const first = await sendWeeklyDigests(d, slot, now);
    const to = sent.map((p) => p.to).sort();
    expect(to).toEqual(['agus', 'bambang', 'dewi', 'hendra', 'sari', 'yusuf']);
    expect(first).toEqual({ sent: 6, failed: [] });
    const sari = sent.find((p) => p.to === 'sari');
    expect(sari).toMatchObject({ id: 'digest:2026-W49:sari', kind: 'notice', actions: [] });
    const text = (sari?.lines ?? []).map((ref) =>
      translator.format(ref, { locale: 'id', timeZone: 'Asia/Jakarta' }),
    );
    expect(text[0]).toBe(
      '📊 Ringkasan mingguan: Bidang Pengembangan Aplikasi dan Layanan e-Government beserta unit di bawahnya',
    );
    expect(text[2]).toBe(
      'Minggu lalu (2026-11-23 s.d. 2026-11-29): 1 langkah selesai, 100% dalam standar waktu, 0 eskalasi, 0 dikembalikan.',
    );
    expect(await sendWeeklyDigests(d, slot, now)).toEqual({ sent: 0, failed: [] });
    expect(sent).toHaveLength(6);
  });

  test('a leader who turned it off gets none', async () => {
    const { deps: d, sent } = deps();
    await d.settings.setWeekly('sari', false);
    await sendWeeklyDigests(d, slot, now);
    expect(sent.map((p) => p.to)).not.toContain('sari');
    expect(sent.map((p) => p.to)).toContain('dewi');
  });

  test('one that cannot be queued gives its claim back and stops no other; the next run sends it', async () => {
    const { deps: d, sent } = deps({ failFor: 'dewi' });
    const result = await sendWeeklyDigests(d, slot, now);
    expect(result.failed.map((f) => f.personId)).toEqual(['dewi']);
    expect(sent.map((p) => p.to)).toContain('sari');
    expect(await d.claims.claim(digestClaimKey(slot.week, 'dewi'))).toBe(true);
    await d.claims.release(digestClaimKey(slot.week, 'dewi'));
    const retried = await sendWeeklyDigests({ ...deps().deps, claims: d.claims }, slot, now);
    expect(retried.sent).toBe(1);
  });
});
