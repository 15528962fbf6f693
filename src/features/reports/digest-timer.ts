import type { AnyOfficeCalendar } from '../../core/time/index.js';
import type { Logger } from '../../logger.js';
import { firstOfficeHourOfWeek, nextWeeklyDigest, type WeeklySlot } from './digest-schedule.js';

/** The longest wait between two looks at the clock (a sleeping machine or a changed clock is caught up). */
const LONGEST_WAIT_MS = 6 * 60 * 60 * 1000;

/**
 * Runs the weekly digest at the first office hour of each week, in every process (the digests'
 * claims make each leader's one a week): on start, this week's if its hour has passed and it was
 * not sent (the service was down on Monday morning), then at each next week's hour.
 */
export class DigestTimer {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly deps: {
      calendar: AnyOfficeCalendar;
      now: () => Date;
      send: (slot: WeeklySlot) => Promise<number>;
      logger: Logger;
    },
  ) {}

  start(): void {
    const thisWeek = firstOfficeHourOfWeek(this.deps.calendar, this.deps.now());
    if (thisWeek && thisWeek.at.getTime() <= this.deps.now().getTime()) void this.run(thisWeek);
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private arm(): void {
    if (this.stopped) return;
    const slot = nextWeeklyDigest(this.deps.calendar, this.deps.now());
    const wait = Math.min(Math.max(slot.at.getTime() - this.deps.now().getTime(), 0), LONGEST_WAIT_MS);
    this.timer = setTimeout(() => {
      const due = slot.at.getTime() <= this.deps.now().getTime();
      void (due ? this.run(slot) : Promise.resolve()).finally(() => this.arm());
    }, wait);
    this.timer.unref();
  }

  private async run(slot: WeeklySlot): Promise<void> {
    try {
      const sent = await this.deps.send(slot);
      if (sent > 0) this.deps.logger.info({ week: slot.week, sent }, 'weekly digests sent');
    } catch (error) {
      this.deps.logger.error({ err: error, week: slot.week }, 'weekly digests failed');
    }
  }
}
