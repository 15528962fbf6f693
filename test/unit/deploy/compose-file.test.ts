import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DCLinter as UntypedLinter } from 'dclint';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../support/paths.js';

/**
 * docker-compose.yml checked for what the deployment promises (no Docker engine runs on the build
 * machine): valid against the Compose Specification schema (dclint ships it), MongoDB with
 * authentication on an internal network only, Pandu on the loopback interface by default, stop
 * grace periods longer than the 15 s drain, rotated logs, the backup service and health checks.
 */
interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  profiles?: string[];
  command?: string[] | string;
  entrypoint?: string[];
  environment?: Record<string, string>;
  env_file?: unknown;
  ports?: string[];
  volumes?: string[];
  networks?: string[];
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  logging?: { driver: string; options: Record<string, string> };
  user?: string;
  read_only?: boolean;
  cap_drop?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
}
interface ComposeFile {
  name: string;
  services: Record<string, Service>;
  networks: Record<string, { internal?: boolean } | null>;
  volumes: Record<string, unknown>;
}

// dclint's declaration files import without file extensions, which NodeNext cannot resolve:
// the part of its API used here, typed as its documentation gives it.
interface LintMessage {
  rule: string;
  message: string;
}
const DCLinter = UntypedLinter as unknown as new (config: {
  rules: Record<string, 0 | 1 | 2>;
  quiet: boolean;
  debug: boolean;
  exclude: string[];
}) => { lintFiles(paths: string[], recursive: boolean): Array<{ messages: LintMessage[] }> };

const composePath = join(REPO_ROOT, 'docker-compose.yml');
const compose = parse(readFileSync(composePath, 'utf8'), { merge: true }) as ComposeFile;
const { mongo, pandu, backup } = compose.services as Record<'mongo' | 'pandu' | 'backup', Service>;

/** `${NAME:-default}` → default; `${NAME:?message}` → undefined (must be set); plain text as is. */
function defaultOf(value: string): string | undefined {
  return value.replace(/\$\{(\w+)(:-|:\?)([^}]*)\}/g, (_all, _name, kind: string, rest: string) =>
    kind === ':-' ? rest : '\u0000',
  );
}

function seconds(duration: string | undefined): number {
  const match = /^(\d+)(s|m)$/.exec(duration ?? '');
  if (!match) throw new Error(`not a duration this test reads: ${String(duration)}`);
  return Number(match[1]) * (match[2] === 'm' ? 60 : 1);
}

describe('docker-compose.yml', () => {
  test('is valid against the Compose Specification schema', () => {
    const linter = new DCLinter({
      // Style rules off; no-build-and-image and no-unbound-port-interfaces do not read a built
      // image's tag or an interpolated interface (the binding is checked below).
      rules: {
        'no-build-and-image': 0,
        'no-unbound-port-interfaces': 0,
        'service-keys-order': 0,
        'services-alphabetical-order': 0,
        'top-level-properties-order': 0,
      },
      quiet: true,
      debug: false,
      exclude: [],
    });
    const [result] = linter.lintFiles([composePath], false);
    expect(result?.messages).toEqual([]);
  });

  test('needs nothing newer than Compose v2 reads and says which version it needs', () => {
    const text = readFileSync(composePath, 'utf8');
    expect(text).toMatch(/Docker Compose v2/);
    expect(text).not.toContain('dockerfile_inline');
    expect(compose.name).toBe('pandu');
    expect(typeof pandu.env_file).toBe('string');
  });

  test('MongoDB requires authentication: the root user and the passwords must be set', () => {
    const env = mongo.environment ?? {};
    expect(env.MONGO_INITDB_ROOT_USERNAME).toBeDefined();
    for (const name of ['MONGO_INITDB_ROOT_PASSWORD', 'PANDU_DB_PASSWORD', 'MONGO_BACKUP_PASSWORD'])
      expect(env[name]).toMatch(/^\$\{\w+:\?[^}]+\}$/);
    expect(mongo.volumes).toContain('./deploy/mongo-init:/docker-entrypoint-initdb.d:ro');
    // Pandu connects as its own user, not as root.
    expect(pandu.environment?.MONGODB_URI).toMatch(
      /^mongodb:\/\/\$\{PANDU_DB_USERNAME:-pandu\}:\$\{PANDU_DB_PASSWORD:\?[^}]+\}@mongo:27017\//,
    );
  });

  test('MongoDB is reachable only on the internal network, and publishes no port', () => {
    expect(mongo.ports).toBeUndefined();
    expect(mongo.networks).toEqual(['database']);
    expect(compose.networks.database?.internal).toBe(true);
    expect(backup.networks).toEqual(['database']);
    // Pandu is on it too, and on a network with a way out (Telegram, Slack).
    expect(pandu.networks).toEqual(expect.arrayContaining(['database', 'outside']));
    expect(compose.networks.outside?.internal).not.toBe(true);
  });

  test('Pandu is published on 127.0.0.1 by default, and the binding is configurable', () => {
    expect(pandu.ports).toHaveLength(1);
    const port = pandu.ports?.[0] ?? '';
    expect(port).toContain('${PANDU_BIND_ADDRESS:-');
    expect(defaultOf(port)).toBe('127.0.0.1:3000:3000');
  });

  test("Pandu's container does not get the root or backup password that .env also holds", () => {
    expect(pandu.environment?.MONGO_ROOT_PASSWORD).toBe('');
    expect(pandu.environment?.MONGO_BACKUP_PASSWORD).toBe('');
    expect(pandu.read_only).toBe(true);
    expect(pandu.cap_drop).toEqual(['ALL']);
  });

  test('every service may take longer to stop than the 15 s drain, and rotates its logs', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect([name, seconds(service.stop_grace_period) > 15]).toEqual([name, true]);
      expect([name, service.logging?.driver]).toEqual([name, 'json-file']);
      expect(defaultOf(service.logging?.options['max-size'] ?? '')).toMatch(/^\d+[kmg]$/);
      expect(Number(defaultOf(service.logging?.options['max-file'] ?? ''))).toBeGreaterThan(1);
    }
  });

  test('the backup service runs the backup script daily against the backup user, into a volume', () => {
    expect(backup.entrypoint).toEqual(['bash', '/deploy/backup/pandu-backup.sh']);
    expect(backup.command).toEqual(['run']);
    expect(backup.volumes).toEqual(
      expect.arrayContaining([
        '${BACKUP_VOLUME:-mongo-backups}:/backups',
        './deploy/backup:/deploy/backup:ro',
      ]),
    );
    expect(compose.volumes).toHaveProperty('mongo-backups');
    const env = backup.environment ?? {};
    expect(env.MONGO_BACKUP_PASSWORD).toMatch(/:\?/);
    expect(env).not.toHaveProperty('MONGO_INITDB_ROOT_PASSWORD');
    expect(Number(defaultOf(env.BACKUP_KEEP_DAYS ?? ''))).toBeGreaterThan(0);
    expect(defaultOf(env.BACKUP_TIME_UTC ?? '')).toMatch(/^\d\d:\d\d$/);
  });

  test('health checks: MongoDB by ping, the backup by its age; Pandu by the image (Dockerfile)', () => {
    expect(mongo.healthcheck?.test.join(' ')).toContain('ping');
    // Not through 127.0.0.1, where the image's temporary set-up server also answers.
    expect(mongo.healthcheck?.test.join(' ')).toContain('--host "$$(hostname)"');
    expect(backup.healthcheck?.test).toEqual(['CMD', 'bash', '/deploy/backup/pandu-backup.sh', 'check']);
    expect(pandu.healthcheck).toBeUndefined();
    expect(pandu.depends_on).toEqual({ mongo: { condition: 'service_healthy' } });
    expect(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8')).toMatch(/^HEALTHCHECK .*\n.*\/healthz/m);
  });

  test('Pandu is built from the standalone Dockerfile; Caddy (TLS) runs only with --profile tls', () => {
    expect(pandu.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    expect(compose.services.caddy?.profiles).toEqual(['tls']);
    expect(compose.services.caddy?.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
  });

  test('every file the services mount from the repository exists', () => {
    for (const service of Object.values(compose.services))
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0] ?? '';
        if (source.startsWith('./'))
          expect([source, existsSync(join(REPO_ROOT, source))]).toEqual([source, true]);
      }
  });
});
