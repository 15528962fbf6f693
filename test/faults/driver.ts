/**
 * Drives requests through Telegram the way people do: the ULP sends `/ajukan <subject>` and the
 * nota dinas, then each performer taps their task's button, some at once, some only after the
 * reminder or an escalation came (so that kills fall among timers as well as taps). Nothing is
 * ever sent twice by the driver: a tap the service lost stays lost and shows in the checks.
 */
import { EventEmitter } from 'node:events';
import { inlineButtons, type TelegramBotApiStandIn } from '../support/telegram/index.js';
import { sleep } from '../support/e2e/waiting.js';
import { kindOf, ofRequest, sentMessages, taskMessage } from './stand-in-view.js';
import { TIMED_STEPS, type TimedStep, type World } from './world.js';

/** What the performer waited for before tapping. */
export type Patience = 'none' | 'reminder' | 'level-1' | 'level-2';

export interface RequestLog {
  subject: string;
  requester: string;
  patience: Partial<Record<TimedStep['id'], Patience>>;
  /** What never came within its wait (a lost task, timer or tap). */
  missing: string[];
}

export interface DriverOptions {
  standIn: TelegramBotApiStandIn;
  world: World;
  random: () => number;
  /** How long to wait for something the service owes (a lock of a killed process lasts 30 s). */
  patienceMs: number;
  /** Whether the request has reached its end (read from the database). */
  isDone(subject: string): Promise<boolean>;
}

const PATIENCE: Patience[] = ['none', 'reminder', 'level-1', 'level-2'];

export class Driver extends EventEmitter {
  constructor(private readonly options: DriverOptions) {
    super();
  }

  private user(personId: string) {
    const user = this.options.world.users.get(personId);
    if (!user) throw new Error(`${personId} is not in the org`);
    return user;
  }

  /** One request, from `/ajukan` to its approval. */
  async request(index: number, label: string): Promise<RequestLog> {
    const subject = `Uji gangguan ${label}-${String(index).padStart(3, '0')}`;
    const lane = (index % this.options.world.lanes) + 1;
    const requester = `ulp-${lane}`;
    const log: RequestLog = { subject, requester, patience: {}, missing: [] };
    const { standIn } = this.options;
    // Both updates at once: the service handles one chat's updates in order.
    standIn.userSends(this.user(requester), `/ajukan ${subject}`);
    standIn.userSendsDocument(this.user(requester), {
      fileName: 'nota-dinas.pdf',
      mimeType: 'application/pdf',
      bytes: Buffer.from(`%PDF-1.4 ${subject}`),
    });
    for (const step of TIMED_STEPS) {
      const performer = this.user(step.performer(lane));
      const task = await this.until(() => taskMessage(standIn, performer.id, subject, step));
      if (!task) {
        log.missing.push(`${step.id}: no task for ${step.performer(lane)}`);
        return log;
      }
      const patience = PATIENCE[Math.floor(this.options.random() * PATIENCE.length)] ?? 'none';
      log.patience[step.id] = patience;
      if (!(await this.until(() => this.waited(subject, step, patience))))
        log.missing.push(`${step.id}: ${patience} never came`);
      const current = standIn.message(task) ?? task;
      const button = inlineButtons(current.replyMarkup).find((b) => b.text.includes(step.button));
      if (!button) {
        log.missing.push(`${step.id}: no "${step.button}" button`);
        return log;
      }
      standIn.userTapsButton(performer, current, button.text);
      this.emit('tap', { subject, step: step.id });
    }
    if (!(await this.until(() => this.options.isDone(subject)))) log.missing.push('never done');
    return log;
  }

  /** Whether what the performer waits for has been sent (a reminder skipped after an escalation counts). */
  private waited(subject: string, step: TimedStep, patience: Patience): boolean {
    if (patience === 'none') return true;
    const kinds = ofRequest(sentMessages(this.options.standIn), subject)
      .map((m) => kindOf(m, step))
      .filter((k) => k !== undefined);
    const level = Math.max(0, ...kinds.map((k) => (k.kind === 'escalation' ? k.level : 0)));
    if (patience === 'reminder') return level > 0 || kinds.some((k) => k.kind === 'reminder');
    return level >= (patience === 'level-1' ? 1 : 2);
  }

  private async until<T>(
    check: () => T | undefined | false | Promise<T | undefined | false>,
  ): Promise<T | undefined> {
    const until = Date.now() + this.options.patienceMs;
    while (Date.now() < until) {
      const value = await check();
      if (value !== undefined && value !== false) return value;
      await sleep(150);
    }
    return undefined;
  }
}
