/**
 * Makes the README's pictures of the dashboard: `node --import tsx
 * test/support/dashboard/dashboard-screenshots.ts` writes docs/images/dashboard.png (Sari, a Kabid,
 * on her division's open work) and docs/images/compliance.png (the Kapus on the compliance page),
 * from the browser tests' letters and four weeks of finished runs, in headless Chromium.
 */
import { join } from 'node:path';
import { reportsFeature } from '../../../src/features/reports/reports-app.js';
import { instance, run, wib } from '../../unit/features/reports/support/hand-instances.js';
import { REPO_ROOT } from '../paths.js';
import { launchChromium, startDashboardRig } from './dashboard-rig.js';

const rig = await startDashboardRig('pandu-dashboard-pictures');
const steps = [
  ['agenda-surat-masuk', 'tuti', [2, 3, 4, 6, 9]],
  ['disposisi-kapus', 'hendra', [2, 4, 5, 7, 12]],
  ['disposisi-kabid', 'sari', [3, 4, 8, 5, 6]],
  ['input-data-ppk', 'rina', [20, 25, 28, 45, 31]],
  ['verifikasi-data', 'bambang', [10, 12, 14, 22, 9]],
] as const;
const days = [
  '2026-11-03',
  '2026-11-05',
  '2026-11-10',
  '2026-11-12',
  '2026-11-17',
  '2026-11-19',
  '2026-11-24',
];
for (const [d, day] of days.entries()) {
  for (let k = 0; k < 3; k += 1) {
    let minute = 0;
    const runs = steps.map(([stepId, who, takes]) => {
      const took = (takes[(d + k) % takes.length] ?? 5) + d;
      const start = `${day} ${String(9 + k).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
      minute += took;
      const end = `${day} ${String(9 + k + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      minute %= 60;
      return run(stepId, 1, start, end, { assigneeId: who });
    });
    await rig.app.storage.instances.create(
      { ...instance(runs), subject: `Permohonan akun SPSE ${d}-${k}` },
      [],
    );
  }
}
// A few more open steps in Sari's division, one due today and one not yet due.
const open = [
  ['disposisi-kabid', 'sari', '2026-11-30 09:40', '2026-11-30 09:45', 'Pengadaan lisensi basis data'],
  ['verifikasi-data', 'bambang', '2026-11-30 09:50', '2026-11-30 10:05', 'Akun SPSE panitia Dukcapil'],
  ['input-data-ppk', 'dewi', '2026-11-27 13:00', '2026-11-27 13:30', 'Pemutakhiran data PPK BPSDM'],
] as const;
for (const [i, [stepId, who, start, due, subject]] of open.entries()) {
  const letter = instance([run(stepId, 1, start, undefined, { assigneeId: who, dueAt: wib(due) })]);
  await rig.app.storage.instances.create(
    { ...letter, subject, agendaNumbers: { incoming: `01${i + 2}/ND-M/PUSDATINKOMTEL/XI/2026` } },
    [],
  );
}
await rig.app.feature(reportsFeature())?.reconcile();
const browser = await launchChromium();
try {
  const shoot = async (personId: string, path: string, file: string, width: number, height: number) => {
    const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
    await page.goto(await rig.signInLink(personId));
    await page.click('#sign-in');
    await page.waitForURL(`${rig.base}/dasbor`);
    await page.goto(`${rig.base}${path}`);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(REPO_ROOT, 'docs', 'images', file), fullPage: false });
  };
  await shoot('sari', '/dasbor', 'dashboard.png', 1100, 720);
  await shoot('hendra', '/dasbor/kepatuhan?from=2026-11-01&to=2026-11-30', 'compliance.png', 1100, 1500);
} finally {
  await browser.close();
  await rig.stop();
}
