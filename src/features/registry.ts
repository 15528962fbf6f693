import type { ChatCommand, ChatContributions } from '../chat/contributions.js';
import type { Instance, StepRun } from '../core/engine/types.js';
import type { PersonId } from '../core/ids.js';
import type { SavedChange } from '../core/service/sop-service.js';
import type { StepTimers } from '../core/service/step-timers.js';
import type { HttpRoute } from '../http/routes.js';
import type { CliCommand, Contributions, Feature, FeatureHost } from './feature.js';

/**
 * The features' contributions, collected once while the app is built and read-only afterwards.
 * It merges what several features give (commands, buttons, handlers, routes) and refuses two
 * features claiming the same name, and it offers the composite ports the service reads
 * (step timers, the facts before a decision, the listeners after a save).
 */
export class FeatureRegistry {
  private readonly entries: Array<{ feature: Feature; contributions: Contributions }> = [];
  private sealed = false;

  async add(feature: Feature, host: FeatureHost): Promise<void> {
    if (this.sealed) throw new Error(`feature ${feature.id}: the registry is sealed once the app is built`);
    if (this.entries.some((e) => e.feature.id === feature.id))
      throw new Error(`feature ${feature.id} is installed twice`);
    this.entries.push({ feature, contributions: await feature.setup(host) });
  }

  /** After this, nothing may be added: the app is built. */
  seal(): void {
    this.sealed = true;
    this.chat(); // validates names now rather than at the first message
  }

  /** A feature's api, typed by the feature object itself. */
  api<Api>(feature: Feature<Api>): Api | undefined {
    return this.entries.find((e) => e.feature.id === feature.id)?.contributions.api as Api | undefined;
  }

  private all<K extends keyof Contributions>(key: K): Array<NonNullable<Contributions[K]>> {
    const found: Array<NonNullable<Contributions[K]>> = [];
    for (const { contributions } of this.entries) {
      const value = contributions[key];
      if (value !== undefined && value !== null) found.push(value);
    }
    return found;
  }

  chat(): ChatContributions {
    const commands: ChatCommand[] = [];
    const actions: NonNullable<ChatContributions['actions']> = {};
    const fileHandlers: NonNullable<ChatContributions['fileHandlers']> = {};
    let letterFacts: ChatContributions['letterFacts'];
    let letterFactsBatch: ChatContributions['letterFactsBatch'];
    for (const { feature, contributions } of this.entries) {
      const chat = contributions.chat ?? {};
      for (const command of chat.commands ?? []) {
        if (commands.some((c) => c.name === command.name))
          throw new Error(`feature ${feature.id}: chat command "${command.name}" is already taken`);
        commands.push(command);
      }
      for (const [kind, handler] of Object.entries(chat.actions ?? {})) {
        if (kind in actions)
          throw new Error(`feature ${feature.id}: button action "${kind}" is already taken`);
        actions[kind] = handler;
      }
      for (const [name, handler] of Object.entries(chat.fileHandlers ?? {})) {
        if (name in fileHandlers)
          throw new Error(`feature ${feature.id}: file handler "${name}" is already taken`);
        fileHandlers[name] = handler;
      }
      if (chat.letterFacts) {
        if (letterFacts) throw new Error(`feature ${feature.id}: letter facts are already given`);
        letterFacts = chat.letterFacts;
        letterFactsBatch = chat.letterFactsBatch;
      }
    }
    return {
      commands,
      actions,
      fileHandlers,
      ...(letterFacts ? { letterFacts } : {}),
      ...(letterFactsBatch ? { letterFactsBatch } : {}),
    };
  }

  /** Every feature's step timers, as one. */
  readonly stepTimers: StepTimers = {
    runsStarted: async (instance: Instance, runs: readonly StepRun[]) => {
      await Promise.all(this.all('stepTimers').map((timers) => timers.runsStarted(instance, runs)));
    },
    runsEnded: async (instance: Instance, runs: readonly StepRun[]) => {
      await Promise.all(this.all('stepTimers').map((timers) => timers.runsEnded(instance, runs)));
    },
  };

  /** Who stands in for whom, from the feature that knows (none: nobody). */
  readonly delegations = async (): Promise<Map<PersonId, PersonId>> => {
    const source = this.all('world').find((w) => w.delegations)?.delegations;
    return source ? source() : new Map();
  };

  readonly disruptedSince = async (): Promise<Date | undefined> => {
    const source = this.all('world').find((w) => w.disruptedSince)?.disruptedSince;
    return source ? source() : undefined;
  };

  /** The letter's facts for its agenda number, from the feature that knows them (none: no facts). */
  readonly agendaFields = async (instance: Instance): Promise<{ klasifikasi?: string }> => {
    const source = this.all('world').find((w) => w.agendaFields)?.agendaFields;
    return source ? source(instance) : {};
  };

  /** Every feature's listener, in feature order; each logs its own errors, and one failing stops no other. */
  readonly onSaved = async (change: SavedChange): Promise<void> => {
    for (const listener of this.all('onSaved'))
      await Promise.resolve()
        .then(() => listener(change))
        .catch(() => undefined);
  };

  routes(): HttpRoute[] {
    return this.all('routes').flat();
  }

  cli(): CliCommand[] {
    return this.all('cli').flat();
  }

  async health(): Promise<Record<string, unknown>> {
    const facts: Record<string, unknown> = {};
    for (const { feature, contributions } of this.entries)
      if (contributions.health) facts[feature.id] = await contributions.health();
    return facts;
  }

  async start(): Promise<void> {
    for (const { contributions } of this.entries) await contributions.start?.();
  }

  async stop(): Promise<void> {
    for (const { contributions } of [...this.entries].reverse()) await contributions.stop?.();
  }
}
