#!/usr/bin/env node
import { loadConfig, type Config } from '../config/env.js';
import { DataFileError, formatProblems, PanduError } from '../core/errors.js';
import { isLocale, type Locale } from '../core/i18n.js';
import { loadTranslator } from '../i18n/translator.js';
import { createLogger } from '../logger.js';
import { connectMongoStorage } from '../storage/mongo-storage.js';
import { calendarCliDeps, runCalendarCheck, runCalendarNew } from './commands/calendar.js';
import { runFlowCheck } from './commands/flow-check.js';
import { runOrgCheck, runOrgInvite } from './commands/org-commands.js';
import { runOutboxCommand } from './commands/outbox.js';
import { runPpkCheck } from './commands/ppk-check.js';
import { databaseUri } from './database.js';
import type { CliOutput, CliTexts } from './output.js';

/**
 * `pandu`, the admin command line. Its words come from `locales/<lang>/cli.ftl` (`--lang id|en`,
 * default DEFAULT_LOCALE; `--en` as before); `pandu <group> --help` explains a command without
 * touching any data. It exits 0 after success, 1 when something was refused or failed, 2 on a
 * usage error, and prints expected errors as one line, never a stack trace.
 */
const out: CliOutput = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

/** Groups with a help text: the command line's own and those features add (`cli-help-<group>`). */
const GROUPS = [
  'flow',
  'org',
  'ppk',
  'calendar',
  'outbox',
  'disruption',
  'register',
  'report',
  'agenda',
  'verify',
  'archive',
];

interface Invocation {
  group: string | undefined;
  action: string | undefined;
  rest: string[];
  locale: Locale | undefined;
  help: boolean;
}

/** Takes `--lang X` / `--en` and `--help` / `-h` out of the words, wherever they are. */
export function parseInvocation(argv: readonly string[]): Invocation | { badLang: string } {
  const words: string[] = [];
  let locale: Locale | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--lang' || word.startsWith('--lang=')) {
      const value = word === '--lang' ? argv[++i] : word.slice('--lang='.length);
      if (!isLocale(value)) return { badLang: value ?? '' };
      locale = value;
    } else if (word === '--en') locale = 'en';
    else if (word === '--help' || word === '-h') help = true;
    else words.push(word);
  }
  const [group, action, ...rest] = words;
  return {
    group: group === 'help' ? undefined : group,
    action,
    rest,
    locale,
    help: help || group === 'help',
  };
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseInvocation(argv);
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    out.stderr(`✖ ${(error as Error).message}`);
    return 1;
  }
  const translator = loadTranslator(config.LOCALES_DIR);
  const locale = 'badLang' in parsed ? config.DEFAULT_LOCALE : (parsed.locale ?? config.DEFAULT_LOCALE);
  const reader = { locale, timeZone: config.TIME_ZONE };
  const t: CliTexts = (key, params) => translator.format({ key, ...(params ? { params } : {}) }, reader);
  if ('badLang' in parsed) {
    out.stderr(t('cli-bad-lang', { lang: parsed.badLang }));
    return 2;
  }
  const { group, action, rest, help } = parsed;
  if (!group) {
    out.stdout(t('cli-usage'));
    return help ? 0 : 2;
  }
  if (help) {
    if (!GROUPS.includes(group)) {
      out.stderr(t('cli-unknown-command', { command: group }));
      return 2;
    }
    out.stdout(t(`cli-help-${group}`));
    return 0;
  }
  try {
    return await run(config, locale, t, group, action, rest);
  } catch (error) {
    out.stderr(describeFailure(error, t));
    return 1;
  }
}

async function run(
  config: Config,
  locale: Locale,
  t: CliTexts,
  group: string,
  action: string | undefined,
  rest: string[],
): Promise<number> {
  const english = locale === 'en' ? ['--en'] : [];
  switch (`${group} ${action ?? ''}`) {
    case 'flow check':
      return runFlowCheck(rest, out, config.ORG_FILE, t);
    case 'calendar check':
      return runCalendarCheck(rest, out, calendarCliDeps(config, [...rest, ...english]));
    case 'calendar new':
      return runCalendarNew(rest, out, calendarCliDeps(config, [...rest, ...english]));
    case 'org check':
      return runOrgCheck(rest, out, t);
    case 'org invite':
      return withStorage(config, t, (storage) =>
        runOrgInvite(rest, out, {
          orgFile: config.ORG_FILE,
          invites: storage.invites,
          defaultDays: config.INVITE_TTL_DAYS,
          now: new Date(),
          t,
          locale,
          timeZone: config.TIME_ZONE,
        }),
      );
    case 'outbox list':
    case 'outbox retry':
      return withStorage(config, t, (storage) =>
        runOutboxCommand(action, rest, out, { models: storage.models, t }),
      );
    case 'ppk check': {
      const translator = loadTranslator(config.LOCALES_DIR);
      return runPpkCheck(rest, out, (key, params) =>
        translator.format({ key, ...(params ? { params } : {}) }, { locale, timeZone: config.TIME_ZONE }),
      );
    }
    default:
      if (['flow', 'org', 'ppk', 'calendar', 'outbox'].includes(group)) {
        out.stderr(t(`cli-help-${group}`));
        return 2;
      }
      return runAppCommand(config, locale, t, group, action, rest);
  }
}

/** Commands the features contribute (disruptions, the register, reports): on the service built without channels. */
async function runAppCommand(
  config: Config,
  locale: Locale,
  t: CliTexts,
  group: string,
  action: string | undefined,
  rest: string[],
): Promise<number> {
  if (!GROUPS.includes(group)) {
    out.stderr(t('cli-unknown-command', { command: group }));
    return 2;
  }
  const uri = await databaseUri(config);
  if (!uri) {
    out.stderr(t('cli-no-database', { port: config.EMBEDDED_MONGODB_PORT }));
    return 1;
  }
  const { createApp } = await import('../app.js');
  const app = await createApp(
    { ...config, MONGODB_URI: uri },
    { logger: createLogger('warn'), channels: [] },
  );
  try {
    const command = app.cliCommands().find((c) => c.group === group);
    if (!command) {
      out.stderr(t('cli-unknown-command', { command: group }));
      return 2;
    }
    return await command.run([action ?? '', ...rest], out, { locale });
  } finally {
    await app.stop().catch(() => undefined);
  }
}

async function withStorage(
  config: Config,
  t: CliTexts,
  work: (storage: Awaited<ReturnType<typeof connectMongoStorage>>) => Promise<number>,
): Promise<number> {
  const uri = await databaseUri(config);
  if (!uri) {
    out.stderr(t('cli-no-database', { port: config.EMBEDDED_MONGODB_PORT }));
    return 1;
  }
  const storage = await connectMongoStorage(uri);
  try {
    return await work(storage);
  } finally {
    await storage.close();
  }
}

/** An expected failure in one line (a bad file names file and field); anything else with its cause. */
function describeFailure(error: unknown, t: CliTexts): string {
  if (error instanceof DataFileError) return `✖ ${formatProblems(error.problems)}`;
  if (error instanceof PanduError) return `✖ ${error.message}`;
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return t('cli-failed', { message: `${error instanceof Error ? error.message : String(error)}${cause}` });
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    out.stderr(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
