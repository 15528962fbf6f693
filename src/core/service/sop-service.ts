import { TZDate } from '@date-fns/tz';
import { mayNotAct, type CommandProbe } from '../engine/authorize.js';
import type { Command, StartRequest } from '../engine/commands.js';
import { decide } from '../engine/decide.js';
import type { Decision } from '../engine/decision.js';
import type { EngineContext } from '../engine/engine-context.js';
import { refuse, type Refusal } from '../engine/refusal.js';
import { startInstance } from '../engine/start-instance.js';
import type { AuditEvent, Instance, Prompt, StepRun } from '../engine/types.js';
import type { Flow } from '../flow/model.js';
import type { InstanceId, PersonId } from '../ids.js';
import type { MessageRef } from '../i18n.js';
import type { OrgDirectory } from '../org/org-directory.js';
import {
  DuplicateInstanceError,
  VersionConflictError,
  type AgendaBook,
  type Clock,
  type InstanceStore,
  type OpenTask,
  type Outbox,
} from '../ports.js';
import { formatAgendaNumber } from './agenda-number.js';
import type { FlowRegistry } from './flow-registry.js';
import { noStepTimers, type StepTimers } from './step-timers.js';

/** A change the service saved: what features that react to it (PPK lists, registers) see. */
export interface SavedChange {
  instance: Instance;
  events: AuditEvent[];
  startedRuns: StepRun[];
  endedRuns: StepRun[];
}

/** Called after each saved change. A listener handles its own errors; a throw is not the command's. */
export type SavedChangeListener = (change: SavedChange) => Promise<void>;

export type ServiceResult =
  { ok: true; reply: MessageRef; instance: Instance; duplicate: boolean } | { ok: false; refusal: Refusal };

export interface SopServiceDeps {
  flows: FlowRegistry;
  /** The current org (it can be reloaded while the service runs). */
  org: () => OrgDirectory;
  store: InstanceStore;
  agendaBook: AgendaBook;
  outbox: Outbox;
  clock: Clock;
  timers?: StepTimers;
  dueAt?: EngineContext['dueAt'];
  delegateOf?: EngineContext['delegateOf'];
  /** Who stands in for whom right now (out-of-office delegations), read before each decision. */
  delegations?: () => Promise<Map<PersonId, PersonId>>;
  /** The start of a declared disruption, if one is on (the SOP's 4th warning). */
  disruptedSince?: () => Promise<Date | undefined>;
  /** Zone of the agenda books' year and month. */
  timeZone?: string;
  /** Called after each saved change (features that react to it: PPK lists, registers). */
  onSaved?: SavedChangeListener;
  /** Facts about the letter an agenda number may print (`{klasifikasi}`), read before numbering. */
  agendaFields?: (instance: Instance) => Promise<{ klasifikasi?: string }>;
}

const MAX_ATTEMPTS = 8;

/**
 * The application service: loads an instance, lets the engine decide, saves with a version
 * check (retrying on a race), then hands prompts to the outbox and timers to the scheduler.
 */
export class SopService {
  private readonly timers: StepTimers;

  constructor(private readonly deps: SopServiceDeps) {
    this.timers = deps.timers ?? noStepTimers;
  }

  get org(): OrgDirectory {
    return this.deps.org();
  }

  flow(id: string): Flow | undefined {
    return this.deps.flows.get(id);
  }

  allFlows(): Flow[] {
    return this.deps.flows.all();
  }

  /** Flows this person may start: those whose intake step their position performs. */
  flowsForRequester(personId: PersonId): Flow[] {
    const person = this.deps.org().person(personId);
    return this.deps.flows.all().filter((f) => f.steps[0]?.performer.position === person?.position);
  }

  async start(request: StartRequest): Promise<ServiceResult> {
    const flow = this.deps.flows.get(request.flowId);
    if (!flow) return { ok: false, refusal: refuse('unknown-flow', { flow: request.flowId }) };
    const id = this.deps.store.idForKey(`start:${request.idempotencyKey}`);
    const existing = await this.deps.store.get(id);
    if (existing) return this.duplicateOf(existing, request.idempotencyKey);
    const decision = startInstance(await this.context(flow), id, request);
    if (!decision.ok) return decision;
    try {
      await this.deps.store.create(decision.instance, decision.prompts);
    } catch (error) {
      if (!(error instanceof DuplicateInstanceError)) throw error;
      const winner = await this.deps.store.get(id);
      if (winner) return this.duplicateOf(winner, request.idempotencyKey);
      throw error;
    }
    await this.afterSave(decision);
    return { ok: true, reply: decision.reply, instance: decision.instance, duplicate: false };
  }

  async act(command: Command): Promise<ServiceResult> {
    for (let attempt = 1; ; attempt++) {
      // Who stands in for whom and whether a disruption is on are read while the instance is.
      const world = this.world();
      void world.catch(() => undefined); // awaited below; a refusal before that must not leave it unhandled
      const instance = await this.deps.store.get(command.instanceId);
      if (!instance) return { ok: false, refusal: refuse('unknown-task') };
      const flow = this.deps.flows.get(instance.flowId);
      if (!flow) return { ok: false, refusal: refuse('unknown-flow', { flow: instance.flowId }) };
      const prepared = await this.prepare(flow, instance, command);
      const decision = decide(await this.context(flow, world), instance, prepared);
      if (!decision.ok) return decision;
      if (decision.duplicate) return { ok: true, reply: decision.reply, instance, duplicate: true };
      try {
        await this.deps.store.save(decision.instance, instance.version, decision.events, decision.prompts);
      } catch (error) {
        if (error instanceof VersionConflictError && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
      await this.afterSave(decision);
      return { ok: true, reply: decision.reply, instance: decision.instance, duplicate: false };
    }
  }

  /** Hands the prompts of saved decisions that a crash left behind to the outbox. */
  async recoverPendingPrompts(): Promise<number> {
    const pending = await this.deps.store.pendingPrompts(500);
    if (pending.length === 0) return 0;
    await this.deps.outbox.enqueue(pending);
    await this.markQueued(pending);
    return pending.length;
  }

  /**
   * Why this person may not do this on the run now (the engine's rule), or undefined if they may.
   * Asked before a person is asked for input (a reason, a file, a disposition).
   */
  async check(probe: CommandProbe & { instanceId: InstanceId }): Promise<Refusal | undefined> {
    const instance = await this.deps.store.get(probe.instanceId);
    if (!instance) return refuse('unknown-task');
    return mayNotAct({ org: this.deps.org() }, instance, probe);
  }

  openTasksFor(personId: PersonId): Promise<OpenTask[]> {
    return this.deps.store.openTasksFor(personId);
  }

  get(instanceId: InstanceId): Promise<Instance | undefined> {
    return this.deps.store.get(instanceId);
  }

  findByAgendaNumber(agendaNumber: string): Promise<Instance | undefined> {
    return this.deps.store.findByAgendaNumber(agendaNumber.trim());
  }

  private duplicateOf(instance: Instance, key: string): ServiceResult {
    const reply = instance.processedKeys.find((k) => k.key === key)?.reply ?? {
      key: 'reply-request-started',
      params: { subject: instance.subject },
    };
    return { ok: true, reply, instance, duplicate: true };
  }

  /** A registration takes its number from the agenda book before the engine decides. */
  private async prepare(flow: Flow, instance: Instance, command: Command): Promise<Command> {
    if (command.type !== 'complete') return command;
    const run = instance.runs.find((r) => r.runId === command.runId);
    const step = run && flow.steps.find((s) => s.id === run.stepId);
    if (!run || run.endedAt || !step?.book || run.assigneeId !== command.actorId) return command;
    const local = new TZDate(this.deps.clock.now(), this.deps.timeZone ?? 'Asia/Jakarta');
    const year = local.getFullYear();
    const seq = await this.deps.agendaBook.claim(step.book, year, `${instance.id}:${run.runId}`);
    const fields = (await this.deps.agendaFields?.(instance)) ?? {};
    const agendaNumber = formatAgendaNumber(flow.agendaNumberFormat, {
      seq,
      book: step.book,
      month: local.getMonth() + 1,
      year,
      ...(fields.klasifikasi ? { klasifikasi: fields.klasifikasi } : {}),
    });
    return { ...command, agendaNumber };
  }

  /** The engine's view of the world for one decision (`world`: already being read). */
  async context(flow: Flow, world: Promise<World> = this.world()): Promise<EngineContext> {
    const { delegations, disruptedSince } = await world;
    const delegateOf = delegations ? (personId: PersonId) => delegations.get(personId) : this.deps.delegateOf;
    return {
      flow,
      org: this.deps.org(),
      now: this.deps.clock.now(),
      dueAt: this.deps.dueAt ?? ((start, ms) => new Date(start.getTime() + ms)),
      ...(delegateOf ? { delegateOf } : {}),
      ...(disruptedSince ? { disruptedSince } : {}),
    };
  }

  /** The delegations and the disruption in force, read at once. */
  private async world(): Promise<World> {
    const [delegations, disruptedSince] = await Promise.all([
      this.deps.delegations?.(),
      this.deps.disruptedSince?.(),
    ]);
    return { delegations, disruptedSince };
  }

  listActive(limit: number): Promise<Instance[]> {
    return this.deps.store.listActive(limit);
  }

  listForUnit(unitId: string, limit: number): Promise<Instance[]> {
    return this.deps.store.listForUnit(unitId, limit);
  }

  /**
   * What follows a saved change, each part started as soon as what it needs is done, not after
   * the others: the prompts go to the outbox; the step timers change meanwhile (they depend only on
   * the saved instance); once the prompts are queued, they leave the instance's pending list and the
   * features' listeners run (a listener's own prompts queue after the change's).
   */
  private async afterSave(decision: Extract<Decision, { ok: true }>): Promise<void> {
    const { instance, events, startedRuns, endedRuns } = decision;
    const timed = startedRuns.filter((r) => r.dueAt !== null && !r.endedAt);
    const timers = Promise.all([
      endedRuns.length > 0 ? this.timers.runsEnded(instance, endedRuns) : undefined,
      timed.length > 0 ? this.timers.runsStarted(instance, timed) : undefined,
    ]);
    const enqueued = decision.prompts.length > 0 ? this.deps.outbox.enqueue(decision.prompts) : undefined;
    // Awaited below; a failure to queue must not leave the timers' promise unhandled meanwhile.
    void timers.catch(() => undefined);
    await enqueued;
    // Not waited for: the store writes it with others soon after, and if that fails the prompts
    // stay on the pending list and are queued again at the next start (the outbox ignores repeats).
    void this.markQueued(decision.prompts).catch(() => undefined);
    const listener = this.deps.onSaved;
    await Promise.all([
      timers,
      // The change is saved: a failing listener (which logs its own errors) must not fail the command.
      listener
        ? Promise.resolve()
            .then(() => listener({ instance, events, startedRuns, endedRuns }))
            .catch(() => undefined)
        : undefined,
    ]);
  }

  /** The queued prompts leave their instances' pending lists (a crash before this re-queues them). */
  private async markQueued(prompts: Prompt[]): Promise<void> {
    if (prompts.length === 0) return;
    const byInstance = new Map<string, string[]>();
    for (const p of prompts) byInstance.set(p.instanceId, [...(byInstance.get(p.instanceId) ?? []), p.id]);
    await Promise.all(
      [...byInstance].map(([instanceId, ids]) => this.deps.store.markPromptsQueued(instanceId, ids)),
    );
  }
}

interface World {
  delegations: Map<PersonId, PersonId> | undefined;
  disruptedSince: Date | undefined;
}
