import type { InstanceId } from '../ids.js';
import type { StartRequest } from './commands.js';
import type { Decision } from './decision.js';
import type { EngineContext } from './engine-context.js';
import { InstanceDraft } from './instance-draft.js';
import { refuse } from './refusal.js';
import type { Instance } from './types.js';

/**
 * A unit's ULP sends a nota dinas: the instance is created, the intake step is recorded as done
 * by the requester, and the next step starts.
 */
export function startInstance(ctx: EngineContext, instanceId: InstanceId, request: StartRequest): Decision {
  const { flow, org } = ctx;
  const requester = org.person(request.requesterId);
  if (!requester) return { ok: false, refusal: refuse('unknown-person') };
  const intake = flow.steps[0];
  if (!intake) return { ok: false, refusal: refuse('unknown-flow', { flow: flow.id }) };
  if (requester.position !== intake.performer.position) {
    return { ok: false, refusal: refuse('not-requester', { position: intake.performer.position }) };
  }
  const subject = request.subject.trim();
  if (!subject) return { ok: false, refusal: refuse('subject-required') };

  const now = ctx.now.toISOString();
  const empty: Instance = {
    id: instanceId,
    flowId: flow.id,
    flowVersion: flow.version,
    version: 0,
    subject,
    requesterId: requester.id,
    requesterUnitId: requester.unit,
    handlingUnitId: flow.handlingUnit,
    status: 'active',
    createdAt: now,
    updatedAt: now,
    agendaNumbers: {},
    attachments: request.attachment ? [request.attachment] : [],
    bindings: {},
    runs: [],
    events: [],
    processedKeys: [],
  };
  const draft = new InstanceDraft(ctx, empty, request.channel);
  draft.record('instance-started', requester.id, {
    data: { subject, unitId: requester.unit, flowId: flow.id, attachment: request.attachment?.name ?? null },
  });
  // The intake is the requester's own act: never the first holder of the position in the org.
  const intakeRun = draft.startRun(intake, { assignTo: requester.id });
  if (request.attachment) intakeRun.files.push(request.attachment);
  draft.endRun(intakeRun, 'submitted', requester.id);
  draft.record('step-completed', requester.id, { stepId: intake.id, runId: intakeRun.runId });
  const next = intake.next ? flow.steps.find((s) => s.id === intake.next) : undefined;
  if (next) draft.startRun(next);
  return draft.finish(request.idempotencyKey, { key: 'reply-request-started', params: { subject } });
}
