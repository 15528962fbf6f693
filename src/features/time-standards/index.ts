import { sharedRead } from '../../storage/batching.js';
import type { Contributions, Feature, FeatureHost } from '../feature.js';
import { createDelegationCommand } from './delegation-command.js';
import { delegationMap, MongoDelegationStore, type DelegationStore } from './delegations.js';
import { createDisruptionChatCommand, runDisruptionCommand } from './disruption-command.js';
import { DisruptionControl } from './disruption-control.js';
import { MongoDisruptionStore, type DisruptionStore } from './disruptions.js';
import { DEFAULT_TIMER_RECONCILE_OPTIONS, type TimerReconcileOptions } from './scheduler-options.js';
import { TimeStandardsScheduler } from './time-standards-scheduler.js';
import { readTimeWorld, type TimeWorld } from './world-read.js';

/** What the feature offers tests, the benchmark and the CLI. */
export interface TimeStandards {
  scheduler: TimeStandardsScheduler;
  delegations: DelegationStore;
  disruptions: DisruptionControl;
}

/**
 * Time standards (Mutu Baku waktu): reminders and escalations on Agenda, delegations (`/wakil`)
 * and disruptions (`/gangguan`, `pandu disruption`). The escalation buttons (Ingatkan, Alihkan,
 * Ambil alih) are actions of the core's table. Timers start running when the app starts (a CLI
 * that only builds the app runs none) and drain when it stops.
 */
export function timeStandardsFeature(
  options: Partial<TimerReconcileOptions> = {},
  stores: { delegations?: DelegationStore; disruptions?: DisruptionStore } = {},
): Feature<TimeStandards> {
  return { id: 'time-standards', setup: (host) => setup(host, options, stores) };
}

function setup(
  host: FeatureHost,
  options: Partial<TimerReconcileOptions>,
  stores: { delegations?: DelegationStore; disruptions?: DisruptionStore },
): Contributions<TimeStandards> {
  const { db, service, clock, logger, config } = host;
  const scheduler = new TimeStandardsScheduler({
    scheduler: host.scheduler,
    service,
    logger,
    policy: {
      reminderShare: config.REMINDER_SHARE,
      escalationRepeatFactors: config.ESCALATION_REPEAT_FACTORS,
    },
    options: { ...DEFAULT_TIMER_RECONCILE_OPTIONS, ...options },
  });
  const delegations = stores.delegations ?? new MongoDelegationStore(db);
  const disruptions = new DisruptionControl({
    store: stores.disruptions ?? new MongoDisruptionStore(db),
    service,
    clock,
    logger,
  });
  // Every decision reads who stands in for whom and whether a disruption is on; the decisions
  // made at the same moment (a burst of escalations) share one read. On the service's database
  // both come in one query; stores given instead (tests) are read each on its own.
  const world = sharedRead(async (): Promise<TimeWorld> =>
    stores.delegations || stores.disruptions
      ? {
          delegations: delegationMap(await delegations.activeAt(clock.now())),
          disruptedSince: await disruptions.since(),
        }
      : readTimeWorld(db, clock.now()),
  );
  return {
    world: {
      delegations: async () => (await world()).delegations,
      disruptedSince: async () => (await world()).disruptedSince,
    },
    stepTimers: scheduler.timers,
    chat: {
      commands: [
        {
          name: 'wakil',
          takesArgs: true,
          run: createDelegationCommand({
            store: delegations,
            org: host.org,
            clock,
            send: (prompts) => host.send(prompts),
            logger: host.logger,
          }),
        },
        {
          name: 'gangguan',
          audience: 'admins',
          takesArgs: true,
          run: createDisruptionChatCommand({ control: disruptions, org: host.org }),
        },
      ],
    },
    cli: [
      {
        group: 'disruption',
        run: (args, out, { locale }) =>
          runDisruptionCommand(args, out, {
            control: disruptions,
            translator: host.translator,
            locale,
            timeZone: config.TIME_ZONE,
          }),
      },
    ],
    async start() {
      await disruptions.heal();
      await scheduler.start();
    },
    stop: () => scheduler.stop(),
    api: { scheduler, delegations, disruptions },
  };
}
