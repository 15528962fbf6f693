import { chromium, type Browser } from 'playwright-core';
import type { App } from '../../../src/app.js';
import type { FileRef, Instance } from '../../../src/core/engine/types.js';
import { initDataHash } from '../../../src/features/reports/telegram-init-data.js';
import { reportsFeature } from '../../../src/features/reports/reports-app.js';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../../src/storage/embedded-mongo.js';
import { instance, run, wib } from '../../unit/features/reports/support/hand-instances.js';
import { startTestApp } from '../app-rig.js';
import { TELEGRAM_TEST_TOKEN } from '../e2e/index.js';
import { ManualClock } from '../fakes/memory-ports.js';

/** Where the Debian package puts Chromium (`.ci/run` installs it when missing). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

export interface DashboardRig {
  mongo: EmbeddedMongo;
  app: App;
  base: string;
  /** The letters by name: `server` (open, in Sari's division, overdue), `undangan` (open, Tata Usaha's). */
  letters: Record<'server' | 'undangan', Instance>;
  /** The file attached to each. */
  files: Record<'server' | 'undangan', FileRef>;
  signInLink(personId: string): Promise<string>;
  stop(): Promise<void>;
}

/** Telegram Mini App init data for a user, signed with the test bot token (or `token`). */
export function signedInitData(userId: number, authDate: Date, token = TELEGRAM_TEST_TOKEN): string {
  const fields: Record<string, string> = {
    auth_date: String(Math.floor(authDate.getTime() / 1000)),
    query_id: 'AAH-test',
    user: JSON.stringify({ id: userId, first_name: 'Sari', language_code: 'id' }),
  };
  return new URLSearchParams({ ...fields, hash: initDataHash(fields, token) }).toString();
}

/**
 * The service with the reports feature on the embedded database, a Mini App bot token, a clock at
 * Monday 30 November 2026 10:00 WIB, and a few letters: one open and overdue in Sari's division
 * (Bidang Aplikasi), one open at Tata Usaha (outside it), and finished runs for the compliance page.
 */
export async function startDashboardRig(database: string): Promise<DashboardRig> {
  const mongo = await startEmbeddedMongo({ database });
  const clock = new ManualClock(new Date(wib('2026-11-30 10:00')));
  const app = await startTestApp({
    env: { TELEGRAM_BOT_TOKEN: TELEGRAM_TEST_TOKEN, PUBLIC_URL: 'http://127.0.0.1' },
    features: [reportsFeature()],
    mongoUri: mongo.uri,
    extra: { clock },
  });
  const put = (name: string, who: string) =>
    app.storage.files.put(Buffer.from(`isi ${name}`), {
      name,
      mimeType: 'application/pdf',
      uploadedBy: who,
      uploadedAt: new Date(wib('2026-11-26 09:00')),
    });
  const files = {
    server: await put('nota-dinas-server.pdf', 'ulp-biro-umum'),
    undangan: await put('undangan.pdf', 'ulp-biro-umum'),
  };
  const server: Instance = {
    ...instance([
      run('agenda-surat-masuk', 1, '2026-11-26 08:00', '2026-11-26 08:04'),
      run('disposisi-kapus', 1, '2026-11-26 08:04', '2026-11-26 08:07', {
        assigneeId: 'hendra',
        disposition: { recipientIds: ['sari'], instructionId: 'proses', note: 'segera' },
      }),
      run('input-data-ppk', 1, '2026-11-26 08:07', undefined, {
        assigneeId: 'rina',
        dueAt: wib('2026-11-26 08:37'),
        escalationLevel: 1,
      }),
    ]),
    subject: 'Pengadaan server aplikasi',
    agendaNumbers: { incoming: '010/ND-M/PUSDATINKOMTEL/XI/2026' },
    attachments: [files.server],
  };
  const undangan: Instance = {
    ...instance([
      run('agenda-surat-masuk', 1, '2026-11-30 08:00', undefined, { dueAt: wib('2026-11-30 08:05') }),
    ]),
    subject: 'Undangan rapat Tata Usaha',
    agendaNumbers: { incoming: '011/ND-M/PUSDATINKOMTEL/XI/2026' },
    attachments: [files.undangan],
  };
  const finished = [
    instance([run('verifikasi-data', 1, '2026-11-24 09:00', '2026-11-24 09:10', { assigneeId: 'bambang' })]),
    instance([run('verifikasi-data', 1, '2026-11-25 09:00', '2026-11-25 09:45', { assigneeId: 'bambang' })]),
    instance([run('agenda-surat-masuk', 1, '2026-11-26 09:00', '2026-11-26 09:03', { assigneeId: 'tuti' })]),
  ];
  for (const letter of [server, undangan, ...finished]) await app.storage.instances.create(letter, []);
  await app.feature(reportsFeature())?.reconcile();
  await app.storage.identities.link('sari', { channel: 'telegram', userId: '5301', chatId: '5301' });
  const base = `http://127.0.0.1:${app.port()}`;
  return {
    mongo,
    app,
    base,
    letters: { server, undangan },
    files,
    signInLink: async (personId) => {
      const token = await app.feature(reportsFeature())?.dashboardSessions.issueSignIn(personId);
      return `${base}/dasbor/masuk?t=${token ?? ''}`;
    },
    stop: async () => {
      await app.stop();
      await mongo.stop();
    },
  };
}
