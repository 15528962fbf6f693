#!/usr/bin/env node
import { createConnection } from 'node:net';
import { loadConfig, type Config } from '../config/env.js';
import { loadTranslator } from '../i18n/translator.js';
import { createLogger } from '../logger.js';
import { connectMongoStorage } from '../storage/mongo-storage.js';
import { calendarCliDeps, runCalendarCheck, runCalendarNew } from './commands/calendar.js';
import { runFlowCheck } from './commands/flow-check.js';
import { runOrgCheck, runOrgInvite } from './commands/org-commands.js';
import { runPpkCheck } from './commands/ppk-check.js';
import type { CliOutput } from './output.js';

const USAGE = `pandu — the Pandu admin command line

  pandu flow check <file> [--json]        validate a flow file
  pandu org check <file>                  validate an org file
  pandu org invite <person-id> [--days N] issue a one-time invite code
  pandu ppk check <file> [--json]         validate a PPK list as an upload would
  pandu calendar check [DIR] [--json]     validate the office calendar, list each year's days off
  pandu calendar new YYYY [--out FILE]    write a provisional calendar file for a year (check it!)
  pandu disruption start|end [--note T]   declare or end an SPSE disruption
  pandu register export [--format xlsx|csv] [--out FILE]

Commands that touch data use MONGODB_URI, or the embedded database of a running \`npm start\`.`;

const out: CliOutput = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

async function main(argv: string[]): Promise<number> {
  const [group, action, ...rest] = argv;
  if (!group || group === 'help' || group === '--help') {
    out.stdout(USAGE);
    return group ? 0 : 2;
  }
  const config = loadConfig();
  switch (`${group} ${action ?? ''}`) {
    case 'flow check':
      return runFlowCheck(rest, out, config.ORG_FILE);
    case 'calendar check':
      return runCalendarCheck(rest, out, calendarCliDeps(config, rest));
    case 'calendar new':
      return runCalendarNew(rest, out, calendarCliDeps(config, rest));
    case 'org check':
      return runOrgCheck(rest, out);
    case 'org invite':
      return withStorage(config, (storage) =>
        runOrgInvite(rest, out, {
          orgFile: config.ORG_FILE,
          invites: storage.invites,
          defaultDays: config.INVITE_TTL_DAYS,
          now: new Date(),
        }),
      );
    case 'ppk check': {
      const translator = loadTranslator(config.LOCALES_DIR);
      const locale = rest.includes('--en') ? 'en' : config.DEFAULT_LOCALE;
      return runPpkCheck(
        rest.filter((a) => a !== '--en'),
        out,
        (key, params) =>
          translator.format({ key, ...(params ? { params } : {}) }, { locale, timeZone: config.TIME_ZONE }),
      );
    }
    default:
      return runAppCommand(config, group, action, rest);
  }
}

/** Commands the features contribute (disruptions, the register export): run on the service built without channels. */
async function runAppCommand(
  config: Config,
  group: string,
  action: string | undefined,
  rest: string[],
): Promise<number> {
  const uri = await databaseUri(config);
  if (!uri) return 1;
  const { createApp } = await import('../app.js');
  const app = await createApp(
    { ...config, MONGODB_URI: uri },
    { logger: createLogger('warn'), channels: [] },
  );
  try {
    const command = app.cliCommands().find((c) => c.group === group);
    if (!command) {
      out.stderr(`unknown command: ${group} ${action ?? ''}\n\n${USAGE}`);
      return 2;
    }
    return await command.run([action ?? '', ...rest], out);
  } finally {
    await app.stop().catch(() => undefined);
  }
}

async function withStorage(
  config: Config,
  run: (storage: Awaited<ReturnType<typeof connectMongoStorage>>) => Promise<number>,
): Promise<number> {
  const uri = await databaseUri(config);
  if (!uri) return 1;
  const storage = await connectMongoStorage(uri);
  try {
    return await run(storage);
  } finally {
    await storage.close();
  }
}

/** MONGODB_URI, or the embedded database of a service running on this machine. */
async function databaseUri(config: Config): Promise<string | undefined> {
  if (config.MONGODB_URI) return config.MONGODB_URI;
  const port = config.EMBEDDED_MONGODB_PORT;
  if (await reachable('127.0.0.1', port)) {
    return `mongodb://127.0.0.1:${port}/pandu?serverMonitoringMode=poll&directConnection=true`;
  }
  out.stderr(
    `✖ No database: set MONGODB_URI, or start the service first (npm start) so its embedded database listens on port ${port}.`,
  );
  return undefined;
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    out.stderr(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
