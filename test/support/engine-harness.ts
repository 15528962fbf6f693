import { loadFlowFile } from '../../src/config/flow-files.js';
import { loadOrgFile } from '../../src/config/org-file.js';
import type { Command } from '../../src/core/engine/commands.js';
import { checklistItems } from '../../src/core/engine/task-prompts.js';
import type { FileRef, Instance, StepRun } from '../../src/core/engine/types.js';
import type { Flow, FlowStep } from '../../src/core/flow/model.js';
import { hasItems, stepTypeSpec } from '../../src/core/flow/step-types.js';
import type { OrgDirectory } from '../../src/core/org/org-directory.js';
import { FlowRegistry } from '../../src/core/service/flow-registry.js';
import { SopService, type ServiceResult, type SopServiceDeps } from '../../src/core/service/sop-service.js';
import { MemoryInstanceStore } from './fakes/memory-instance-store.js';
import { ManualClock, MemoryAgendaBook, MemoryOutbox } from './fakes/memory-ports.js';
import { EXAMPLE_ORG_FILE, SPSE_FLOW_FILE } from './paths.js';

/** The SPSE flow and the example org with in-memory ports: the engine's unit-test rig. */
export function createEngineHarness(overrides: Partial<SopServiceDeps> = {}) {
  const org: OrgDirectory = loadOrgFile(EXAMPLE_ORG_FILE);
  const flow: Flow = loadFlowFile(SPSE_FLOW_FILE, org.positions);
  const clock = new ManualClock(new Date('2026-11-23T02:00:00.000Z')); // Monday 09:00 WIB
  const store = new MemoryInstanceStore();
  const outbox = new MemoryOutbox();
  const agendaBook = new MemoryAgendaBook();
  const service = new SopService({
    flows: new FlowRegistry([flow]),
    org: () => org,
    store,
    agendaBook,
    outbox,
    clock,
    ...overrides,
  });
  let keys = 0;
  const key = () => `key-${++keys}`;

  async function start(subject = 'Pemanfaatan SPSE untuk pengadaan 2027', requesterId = 'ulp-biro-umum') {
    const result = await service.start({
      flowId: flow.id,
      requesterId,
      subject,
      channel: 'telegram',
      idempotencyKey: key(),
    });
    if (!result.ok) throw new Error(`start refused: ${result.refusal.code}`);
    return result.instance;
  }

  function openRun(instance: Instance): StepRun {
    const run = instance.runs.find((r) => !r.endedAt);
    if (!run) throw new Error('no open run');
    return run;
  }

  /** Runs a command on the instance's open step as its assignee unless told otherwise. */
  async function act(
    instance: Instance,
    command: DistributiveOmit<Command, 'instanceId' | 'runId' | 'actorId' | 'channel' | 'idempotencyKey'> &
      Partial<Pick<Command, 'actorId' | 'runId' | 'idempotencyKey'>>,
  ) {
    const latest = await current(instance);
    const run = openRun(latest);
    return service.act({
      instanceId: instance.id,
      runId: command.runId ?? run.runId,
      actorId: command.actorId ?? run.assigneeId ?? '',
      channel: 'telegram',
      idempotencyKey: command.idempotencyKey ?? key(),
      ...command,
    });
  }

  async function current(instance: Instance): Promise<Instance> {
    return (await store.get(instance.id)) as Instance;
  }

  /**
   * Does the open step the plain way, as its step type says (the step-type table): a disposition
   * to the usual person, an upload then submit, an approval, every item ticked, or a plain
   * complete. Fails naming the refusal.
   */
  async function doOpenStep(instance: Instance): Promise<void> {
    const latest = await current(instance);
    const run = openRun(latest);
    const step = flow.steps.find((s) => s.id === run.stepId);
    if (!step) throw new Error(`no step ${run.stepId}`);
    const spec = stepTypeSpec(step.type);
    const must = async (command: Parameters<typeof act>[1]) =>
      accepted(await act(latest, command), command.type);
    if (spec.accepts.includes('dispose')) {
      await must({
        type: 'dispose',
        recipientIds: [DISPOSE_TO[step.id] ?? ''],
        instructionId: 'tindak-lanjut',
      });
    } else if (spec.accepts.includes('approve')) {
      await must({ type: 'approve' });
    } else if (hasItems(step.type)) {
      for (const item of checklistItems(latest, step))
        await must({ type: 'check', itemId: item.id, checked: true });
    } else {
      if (spec.awaits === 'file') await must({ type: 'attach', file: walkerFile(step) });
      await must({ type: 'complete' });
    }
  }

  /** Walks the instance along its flow until `stepId` is open (or, with null, to its end). */
  async function advanceTo(instance: Instance, stepId: string | null): Promise<Instance> {
    for (let guard = 0; guard < 40; guard++) {
      const latest = await current(instance);
      const run = latest.runs.find((r) => !r.endedAt);
      if (!run) {
        if (stepId === null) return latest;
        throw new Error(`the instance ended before ${stepId}`);
      }
      if (run.stepId === stepId) return latest;
      await doOpenStep(latest);
    }
    throw new Error(`never reached ${String(stepId)}`);
  }

  return {
    org,
    flow,
    clock,
    store,
    outbox,
    agendaBook,
    service,
    start,
    act,
    openRun,
    current,
    key,
    doOpenStep,
    advanceTo,
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Who the walker disposes to at the SPSE flow's two disposition steps. */
export const DISPOSE_TO: Record<string, string> = { 'disposisi-kapus': 'sari', 'disposisi-kabid': 'dewi' };

/** The file the walker uploads at a step that takes one (its first accepted extension). */
export function walkerFile(step: FlowStep, uploadedBy = 'fajar'): FileRef {
  const name = `${step.id}.${step.output.file?.accept[0] ?? 'pdf'}`;
  return {
    fileId: `f-${name}`,
    name,
    size: 1200,
    mimeType: 'application/octet-stream',
    sha256: 'cd'.repeat(32),
    uploadedBy,
    uploadedAt: '2026-11-23T02:00:00.000Z',
  };
}

/** The result of an action that must succeed (the test fails naming the refusal otherwise). */
export function accepted(result: ServiceResult, action: string): Extract<ServiceResult, { ok: true }> {
  if (!result.ok) throw new Error(`${action} refused: ${result.refusal.code}`);
  return result;
}

/** The refusal code of an action that must be refused. */
export function refusalOf(result: ServiceResult, action: string): string {
  if (result.ok) throw new Error(`${action} was not refused: ${result.reply.key}`);
  return result.refusal.code;
}
