import type { FlowStep } from '../flow/model.js';
import type { Channel, PersonId } from '../ids.js';
import type { MessageRef } from '../i18n.js';
import type { EngineContext } from './engine-context.js';
import type { Decision } from './decision.js';
import { stepTypeSpec } from '../flow/step-types.js';
import { requesterCardLines } from './requester-card.js';
import { closedTaskLines, documentPrompts } from './task-messages.js';
import { awaitedInput, instanceHeader, stepOf, taskActions, taskLines } from './task-prompts.js';
import type { AuditEvent, Instance, Prompt, StepRun } from './types.js';

const KEPT_KEYS = 200;

/** The run id under which the requester's card is sent and edited (it belongs to no step run). */
export const REQUESTER_CARD = 'card';

/**
 * A working copy of an instance while a command is applied: collects the events, prompts and
 * timer changes, then yields a Decision. The instance passed in is never mutated.
 */
export class InstanceDraft {
  readonly state: Instance;
  private readonly events: AuditEvent[] = [];
  private readonly prompts: Prompt[] = [];
  private readonly started: StepRun[] = [];
  private readonly ended_: StepRun[] = [];
  private readonly nowIso: string;

  constructor(
    private readonly ctx: EngineContext,
    original: Instance,
    private readonly channel: Channel,
  ) {
    this.state = structuredClone(original);
    this.nowIso = ctx.now.toISOString();
  }

  get now(): string {
    return this.nowIso;
  }

  /** While set, events by this delegate record the person they act for. */
  actingFor: { delegate: PersonId; onBehalfOf: PersonId } | undefined;

  record(type: string, actorId: PersonId, details: Partial<AuditEvent> = {}): void {
    const event: AuditEvent = {
      seq: this.state.events.length + 1,
      at: this.nowIso,
      type,
      actorId,
      channel: this.channel,
      ...(this.actingFor && this.actingFor.delegate === actorId
        ? { onBehalfOf: this.actingFor.onBehalfOf }
        : {}),
      ...details,
    };
    this.state.events.push(event);
    this.events.push(event);
  }

  /** Key in `bindings` for a performer slot: the position, with its tag when it has one. */
  static slot(step: FlowStep): string {
    return step.performer.tag ? `${step.performer.position}#${step.performer.tag}` : step.performer.position;
  }

  /**
   * When a run of the step that starts now is due: its standard time from now, in office time
   * (`ctx.dueAt`); null for a step without a standard time.
   */
  dueAtFromNow(step: FlowStep): string | null {
    return step.standardMs === null
      ? null
      : this.ctx.dueAt(this.ctx.now, step.standardMs, this.ctx.flow).toISOString();
  }

  /**
   * Starts a new run of a step: finds its performer (or their delegate), sets its due time, sends
   * the task. With `inheritFrom` (a reassignment) the new run keeps that run's work (ticks,
   * failures, files), but its clock starts afresh like any new run's: a new due time, no
   * reminder or escalation yet, stopped if a disruption is declared.
   */
  startRun(step: FlowStep, options: { assignTo?: PersonId; inheritFrom?: StepRun } = {}): StepRun {
    const { assignTo, inheritFrom } = options;
    const { org } = this.ctx;
    const bound = this.state.bindings[InstanceDraft.slot(step)];
    const intended =
      assignTo ??
      bound ??
      org.holders(step.performer.position, this.state.handlingUnitId, step.performer.tag)[0]?.id ??
      null;
    const delegate = intended ? this.ctx.delegateOf?.(intended, this.ctx.now) : undefined;
    const count = this.state.runs.filter((r) => r.stepId === step.id).length;
    const run: StepRun = {
      runId: `${step.id}#${count + 1}`,
      stepId: step.id,
      assigneeId: delegate ?? intended,
      ...(delegate && intended ? { delegatedFrom: intended } : {}),
      startedAt: this.nowIso,
      dueAt: this.dueAtFromNow(step),
      checked: inheritFrom ? [...inheritFrom.checked] : [],
      ...(inheritFrom?.failed ? { failed: inheritFrom.failed.map((f) => ({ ...f })) } : {}),
      files: inheritFrom ? [...inheritFrom.files] : [],
      escalationLevel: 0,
      escalatedTo: [],
      ...(this.ctx.disruptedSince && step.standardMs !== null ? { pausedAt: this.nowIso } : {}),
    };
    this.state.runs.push(run);
    this.started.push(run);
    this.record('step-started', 'system', {
      stepId: step.id,
      runId: run.runId,
      data: {
        assigneeId: run.assigneeId,
        dueAt: run.dueAt,
        ...(delegate ? { delegatedFrom: intended } : {}),
      },
    });
    // The request itself (intake) is no task: its performer gets the status card instead.
    if (!stepTypeSpec(step.type).interactive) return run;
    if (run.assigneeId) this.sendTask(run, 'task');
    else
      this.tellAdmins({
        key: 'notice-no-performer',
        params: { position: step.performer.position, step: { text: step.title } },
      });
    return run;
  }

  sendTask(run: StepRun, kind: 'task' | 'task-update'): void {
    if (!run.assigneeId) return;
    const { flow, org } = this.ctx;
    const awaits = awaitedInput(flow, org, run);
    this.prompts.push({
      id: this.promptId(),
      to: run.assigneeId,
      instanceId: this.state.id,
      runId: run.runId,
      kind,
      lines: taskLines(flow, org, this.state, run),
      actions: taskActions(flow, run, this.state),
      ...(awaits ? { awaits } : {}),
    });
    if (kind === 'task') {
      const step = stepOf(flow, run);
      this.prompts.push(
        ...documentPrompts(flow, this.state, step, run, run.assigneeId, () => this.promptId()),
      );
    }
  }

  /** Ends a run with an outcome; every message of the task is edited to say so and loses its buttons. */
  endRun(run: StepRun, outcome: NonNullable<StepRun['outcome']>, actorId: PersonId): void {
    run.endedAt = this.nowIso;
    run.outcome = outcome;
    run.actorId = actorId;
    this.ended_.push(run);
    const { flow, org } = this.ctx;
    const step = stepOf(flow, run);
    const interactive = stepTypeSpec(step.type).interactive;
    const lines = interactive ? closedTaskLines(flow, org, this.state, run, this.nowIso) : [];
    for (const to of new Set([run.assigneeId, run.delegatedFrom].filter((p): p is string => Boolean(p)))) {
      if (!interactive) break;
      this.prompts.push({
        id: this.promptId(),
        to,
        instanceId: this.state.id,
        runId: run.runId,
        kind: 'task-closed',
        lines,
        actions: [],
      });
    }
    // Later steps of the same slot go to whoever did this one, unless a superior took it over.
    const holder = run.delegatedFrom ?? actorId;
    if (org.person(holder)?.position === step.performer.position) {
      this.state.bindings[InstanceDraft.slot(step)] = holder;
    }
  }

  /** Adds a prompt as given (id and instance filled in). */
  push(prompt: Omit<Prompt, 'id' | 'instanceId'>): void {
    this.prompts.push({ id: this.promptId(), instanceId: this.state.id, ...prompt });
  }

  /** The run's timers must be cleared (its clock stopped) without the run ending. */
  ended(run: StepRun): void {
    this.ended_.push(run);
  }

  /** The run's timers must be set again (its clock restarted). */
  restarted(run: StepRun): void {
    this.started.push(run);
  }

  notify(to: PersonId, line: MessageRef, extra: Partial<Prompt> = {}): void {
    const { flow, org } = this.ctx;
    this.prompts.push({
      id: this.promptId(),
      to,
      instanceId: this.state.id,
      kind: 'notice',
      lines: [instanceHeader(flow, org, this.state), line],
      actions: [],
      ...extra,
    });
  }

  /** A notice of several lines after the instance header. */
  notifyLines(to: PersonId, lines: MessageRef[]): void {
    const { flow, org } = this.ctx;
    this.prompts.push({
      id: this.promptId(),
      to,
      instanceId: this.state.id,
      kind: 'notice',
      lines: [instanceHeader(flow, org, this.state), ...lines],
      actions: [],
    });
  }

  tellAdmins(line: MessageRef): void {
    for (const admin of this.ctx.org.allPeople().filter((p) => p.admin)) this.notify(admin.id, line);
  }

  finish(idempotencyKey: string, reply: MessageRef): Decision {
    // The requester's card follows every move of the request (a step done, returned, reassigned,
    // a clock stopped or restarted); the first one is sent, the later ones edit it.
    if (this.started.length > 0 || this.ended_.length > 0) {
      const { flow, org } = this.ctx;
      this.prompts.push({
        id: this.promptId(),
        to: this.state.requesterId,
        instanceId: this.state.id,
        runId: REQUESTER_CARD,
        kind: 'card',
        lines: requesterCardLines(flow, org, this.state),
        actions: [],
      });
    }
    this.state.version += 1;
    this.state.updatedAt = this.nowIso;
    this.state.processedKeys = [...this.state.processedKeys, { key: idempotencyKey, reply }].slice(
      -KEPT_KEYS,
    );
    return {
      ok: true,
      duplicate: false,
      instance: this.state,
      events: this.events,
      prompts: this.prompts,
      startedRuns: this.started,
      endedRuns: this.ended_,
      reply,
    };
  }

  private issued = 0;

  /** Deterministic: the n-th prompt of the decision that makes version v (`<instance>:<v>:<n>`). */
  private promptId(): string {
    this.issued += 1;
    return `${this.state.id}:${this.state.version + 1}:${this.issued}`;
  }
}
