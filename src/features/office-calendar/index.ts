import type { MessageRef } from '../../core/i18n.js';
import type { Contributions, Feature, FeatureHost } from '../feature.js';
import { calendarNoticePrompt, remindAdminsOfCalendar } from './admin-reminder.js';
import { calendarHealth } from './health.js';
import { MongoWeeklyClaims } from '../../scheduling/mongo-weekly-claims.js';
import { logCalendarAtStart } from './start-log.js';
import { isoWeekKey, type WeeklyClaims } from '../../scheduling/weekly-claims.js';

/** How often each process looks whether this week's reminder is due (the claim makes it once a week). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface OfficeCalendarApi {
  /** Runs the weekly check now (what the hourly timer does). */
  checkNow(): Promise<void>;
}

/**
 * The office calendar's warnings, where people see them: the start log lists the files and each
 * warning (a year without its checked file, from 1 November next year's), `/healthz` reports the
 * calendar as provisional, and the admins get a chat message once a week until the files are added.
 */
export function officeCalendarFeature(
  options: { claims?: WeeklyClaims; checkEveryMs?: number } = {},
): Feature<OfficeCalendarApi> {
  return { id: 'office-calendar', setup: (host) => setup(host, options) };
}

function setup(
  host: FeatureHost,
  options: { claims?: WeeklyClaims; checkEveryMs?: number },
): Contributions<OfficeCalendarApi> {
  const { calendars, clock, logger, config } = host;
  const claims = options.claims ?? new MongoWeeklyClaims(host.connection);
  // Operators read the log in English; people get their chat message in their own language.
  const inEnglish = (ref: MessageRef) =>
    host.translator.format(ref, { locale: 'en', timeZone: config.TIME_ZONE });
  let timer: NodeJS.Timeout | undefined;

  const checkNow = async (): Promise<void> => {
    const now = clock.now();
    const admins = host
      .org()
      .allPeople()
      .filter((p) => p.admin)
      .map((p) => p.id);
    const result = await remindAdminsOfCalendar({
      status: calendars.status(now),
      admins,
      weekKey: isoWeekKey(now, calendars.calendar.timeZone),
      claims,
      notify: (notices) => host.send(notices.map(calendarNoticePrompt)),
    });
    if (result.sent)
      logger.warn({ admins: result.notices.length }, 'office calendar: admins reminded this week');
  };
  const check = () =>
    checkNow().catch((error: unknown) =>
      logger.error({ err: error }, 'office calendar: weekly reminder failed'),
    );

  return {
    health: () => Promise.resolve({ ...calendarHealth(calendars.status(clock.now()), inEnglish) }),
    start() {
      logCalendarAtStart(logger, calendars, calendars.status(clock.now()), inEnglish);
      void check();
      timer = setInterval(() => void check(), options.checkEveryMs ?? CHECK_EVERY_MS);
      timer.unref();
      return Promise.resolve();
    },
    stop() {
      if (timer) clearInterval(timer);
      return Promise.resolve();
    },
    api: { checkNow },
  };
}
