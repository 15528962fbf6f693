import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { DeliveryLog } from '../../chat/ports.js';
import type { Logger } from '../../logger.js';

/**
 * The key a delivery is remembered by: an Events API event by its `event_id` (a Slack retry,
 * X-Slack-Retry-Num, carries the same id), a button click by its `action_ts` and user.
 */
export function deliveryKey(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  if (body['type'] === 'event_callback' && typeof body['event_id'] === 'string') {
    return `slack:event:${body['event_id']}`;
  }
  if (body['type'] === 'block_actions') {
    const user = isRecord(body['user']) ? body['user']['id'] : undefined;
    const actions = Array.isArray(body['actions']) ? (body['actions'] as unknown[]) : [];
    const first = actions[0];
    const actionTs = isRecord(first) ? first['action_ts'] : undefined;
    if (typeof user === 'string' && typeof actionTs === 'string') return `slack:action:${actionTs}:${user}`;
  }
  return undefined;
}

/** Global middleware: a delivery already handled is acknowledged and goes no further. */
export function onceOnly(deliveries: DeliveryLog, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const key = deliveryKey(args.body);
    if (key && !(await deliveries.firstTime(key))) {
      logger.info({ key, retryNum: args.context.retryNum }, 'slack: delivery already handled, ignored');
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      return;
    }
    await args.next();
  };
}

/** Keeps track of the listeners still running, so stopping waits for them. */
export class InFlight {
  private readonly running = new Set<Promise<void>>();

  readonly middleware: Middleware<AnyMiddlewareArgs> = async ({ next }) => {
    const work = next();
    this.running.add(work);
    try {
      await work;
    } finally {
      this.running.delete(work);
    }
  };

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
