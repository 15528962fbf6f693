import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../src/storage/embedded-mongo.js';
import { connectMongoStorage } from '../../src/storage/mongo-storage.js';
import { ppkCsv } from '../support/ppk-fixtures.js';
import { EXAMPLE_ORG_FILE, REPO_ROOT, SPSE_FLOW_FILE } from '../support/paths.js';

const run = promisify(execFile);
const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

async function pandu(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(TSX, ['src/cli/main.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', EMBEDDED_MONGODB_PORT: '1', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the pandu command line (real processes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pandu-cli-'));

  test('--help explains every group without a database, in Indonesian or English; a mistyped command is a usage error', async () => {
    const general = await pandu(['--help']);
    expect(general.code).toBe(0);
    expect(general.stdout).toContain('pandu disruption start|end|status');
    for (const group of ['flow', 'disruption', 'report']) {
      const help = await pandu([group, '--help', '--lang', 'en']);
      expect([group, help.code, help.stdout.startsWith(`pandu ${group}`)]).toEqual([group, 0, true]);
    }
    expect((await pandu(['org', '--help'])).stdout).toContain('Membuat kode undangan sekali pakai');
    const unknown = await pandu(['terbang']);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([
      2,
      '✖ Perintah tidak dikenal: terbang. Ketik pandu --help untuk daftar perintah.',
    ]);
    expect((await pandu(['flow', 'check', '--lang', 'jv'])).code).toBe(2);
  }, 120_000);

  test('flow check --json prints the 11 steps with their standard times', async () => {
    const result = await pandu(['flow', 'check', SPSE_FLOW_FILE, '--json']);
    expect(result.code).toBe(0);
    const flow = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as {
      steps: Array<{ id: string; performer: string; type: string; standardMinutes: number | null }>;
    };
    expect(flow.steps.map((s) => s.standardMinutes)).toEqual([null, 5, 5, 5, 30, 15, 15, 60, 5, 5, 30]);
    expect(flow.steps.map((s) => s.performer)).toEqual([
      'ULP',
      'Staf',
      'Kapus',
      'Kabid',
      'Staf',
      'Kasubbid',
      'Staf',
      'Staf',
      'Kasubbid',
      'Kapus',
      'Staf',
    ]);
  }, 60_000);

  test('a broken flow file exits 1 naming the file, the step and the field', async () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(
      broken,
      readFileSync(SPSE_FLOW_FILE, 'utf8').replace('standard: 15m', 'standard: lima belas menit'),
    );
    const result = await pandu(['flow', 'check', broken, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(broken);
    expect(result.stderr).toContain('step 6 "verifikasi-data"');
    expect(result.stderr).toContain('standard');
  }, 60_000);

  test('org check accepts the example and names the problem in a broken org', async () => {
    expect((await pandu(['org', 'check', EXAMPLE_ORG_FILE])).code).toBe(0);
    const broken = join(dir, 'org.yaml');
    writeFileSync(
      broken,
      readFileSync(EXAMPLE_ORG_FILE, 'utf8').replace(
        'position: Kabid\n    unit: bidang-aplikasi',
        'position: Direktur\n    unit: bidang-aplikasi',
      ),
    );
    const result = await pandu(['org', 'check', broken]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/people "sari".*position: unknown position "Direktur"/);
  }, 60_000);

  test('ppk check --json ends with the verdict as JSON', async () => {
    const good = join(dir, 'ppk.csv');
    writeFileSync(good, ppkCsv());
    const valid = await pandu(['ppk', 'check', good, '--json']);
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout.trim().split('\n').at(-1) ?? '')).toMatchObject({
      valid: true,
      rows: 2,
      errors: [],
    });
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      ppkCsv([['12345', 'X', 'Y', 'Raja', 'bukan-email', '0812', 'U', 'P', '1.5 M', '2027', 'SK']]),
    );
    const invalid = await pandu(['ppk', 'check', bad, '--json']);
    expect(invalid.code).toBe(1);
    const verdict = JSON.parse(invalid.stdout.trim().split('\n').at(-1) ?? '') as {
      valid: boolean;
      errors: Array<{ row: number; column: string; message: string }>;
    };
    expect(verdict.valid).toBe(false);
    expect(verdict.errors.map((e) => e.column)).toEqual(
      expect.arrayContaining(['NIP', 'Peran', 'Email', 'Pagu Anggaran (Rp)']),
    );
    expect(verdict.errors.every((e) => e.row === 2 && e.message.length > 0)).toBe(true);
  }, 60_000);

  describe('with a database', () => {
    let mongo: EmbeddedMongo;
    beforeAll(async () => {
      mongo = await startEmbeddedMongo();
    });
    afterAll(async () => {
      await mongo.stop();
    });

    test('org invite prints a one-time code that links exactly once', async () => {
      const result = await pandu(['org', 'invite', 'rina'], { MONGODB_URI: mongo.uri });
      expect(result.code).toBe(0);
      const code = result.stdout.trim().split('\n').at(-1) ?? '';
      expect(code).toMatch(/^[A-Z2-9]{10}$/);
      const storage = await connectMongoStorage(mongo.uri);
      try {
        expect(await storage.invites.redeem(code, new Date())).toEqual({ ok: true, personId: 'rina' });
        expect(await storage.invites.redeem(code, new Date())).toEqual({ ok: false, reason: 'used' });
      } finally {
        await storage.close();
      }
      expect((await pandu(['org', 'invite', 'nobody'], { MONGODB_URI: mongo.uri })).code).toBe(1);
    }, 60_000);

    test('feature commands exit 0 after success, every time (the database is closed only when its work is done)', async () => {
      for (let i = 0; i < 3; i++) {
        const status = await pandu(['disruption', 'status', '--lang', 'en'], { MONGODB_URI: mongo.uri });
        expect([status.code, status.stderr]).toEqual([0, '']);
        expect(status.stdout).toMatch(/^No SPSE disruption/m);
      }
      const invite = await pandu(['org', 'invite', 'rina', '--days', '3'], {
        MONGODB_URI: mongo.uri,
        TIME_ZONE: 'Asia/Makassar',
      });
      // The expiry in the configured zone, not a UTC ISO string.
      expect(invite.stdout).toMatch(/Berlaku sampai \w+, \d+ \w+ \d{4} \d\d:\d\d WITA/);
    }, 90_000);

    test('without MONGODB_URI and no running service, org invite says how to get a database', async () => {
      const result = await pandu(['org', 'invite', 'rina']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('MONGODB_URI');
    }, 60_000);
  });
});
