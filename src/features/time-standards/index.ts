import type { App } from '../../app.js';
import { createDelegationCommand } from './delegation-command.js';
import { sharedRead } from '../../storage/batching.js';
import { delegationMap, MongoDelegationStore, type DelegationStore } from './delegations.js';
import { createDisruptionChatCommand } from './disruption-command.js';
import { DisruptionControl } from './disruption-control.js';
import { MongoDisruptionStore, type DisruptionStore } from './disruptions.js';
import { registerEscalationActions } from './escalation-actions.js';
import { resolveSchedulerOptions, type SchedulerOptions } from './scheduler-options.js';
import { TimeStandardsScheduler } from './time-standards-scheduler.js';
import type { Feature } from '../index.js';

/** What the feature added to an app (for tests, the benchmark and the CLI). */
export interface TimeStandards {
  scheduler: TimeStandardsScheduler;
  delegations: DelegationStore;
  disruptions: DisruptionControl;
}

const installed = new WeakMap<App, TimeStandards>();

export function timeStandardsOf(app: App): TimeStandards | undefined {
  return installed.get(app);
}

/**
 * Time standards (Mutu Baku waktu): reminders and escalations on Agenda, escalation buttons,
 * delegations (`/wakil`) and disruptions (`/gangguan`, `pandu disruption`). Timers start running
 * when the app starts (a CLI that only builds the app runs none) and drain when it stops.
 */
export function createTimeStandardsFeature(
  options: Partial<SchedulerOptions> = {},
  stores: { delegations?: DelegationStore; disruptions?: DisruptionStore } = {},
): Feature {
  return (app) => {
    const db = app.storage.connection.db;
    if (!db) throw new Error('time standards: the database is not connected');
    const logger = app.logger.child({ feature: 'time-standards' });
    const scheduler = new TimeStandardsScheduler({
      db,
      service: app.service,
      logger,
      policy: {
        reminderShare: app.config.REMINDER_SHARE,
        escalationRepeatFactors: app.config.ESCALATION_REPEAT_FACTORS,
      },
      options: resolveSchedulerOptions(options),
    });
    app.useTimers(scheduler.timers);

    const delegations = stores.delegations ?? new MongoDelegationStore(db);
    // Every decision reads who stands in for whom and whether a disruption is on; the decisions
    // made at the same moment (a burst of escalations) share one read of each.
    app.useDelegations(sharedRead(async () => delegationMap(await delegations.activeAt(app.clock.now()))));

    const disruptions = new DisruptionControl({
      store: stores.disruptions ?? new MongoDisruptionStore(db),
      service: app.service,
      clock: app.clock,
      logger,
    });
    app.useDisruption(sharedRead(() => disruptions.since()));

    registerEscalationActions(app.chat);
    app.chatCommands['wakil'] = createDelegationCommand({
      store: delegations,
      org: () => app.service.org,
      clock: app.clock,
    });
    app.chatCommands['gangguan'] = createDisruptionChatCommand({
      control: disruptions,
      org: () => app.service.org,
    });

    const startApp = app.start.bind(app);
    app.start = async () => {
      await startApp();
      await disruptions.heal();
      await scheduler.start();
    };
    app.onStop(() => scheduler.stop());
    installed.set(app, { scheduler, delegations, disruptions });
    return Promise.resolve();
  };
}

export const timeStandardsFeature: Feature = createTimeStandardsFeature();
