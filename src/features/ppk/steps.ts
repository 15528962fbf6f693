import type { Flow, FlowStep } from '../../core/flow/model.js';

/** The file handler name flows give the step where the PPK list is uploaded. */
export const PPK_LIST_HANDLER = 'ppk-list';

/** Steps whose output is a PPK list (step 5 of the SPSE SOP). */
export function isListStep(step: FlowStep | undefined): boolean {
  return step?.output.file?.handler === PPK_LIST_HANDLER;
}

/** The PPK list step a review or approval verifies (the step it returns to), if any (step 6). */
export function verifiedListStep(flow: Flow, step: FlowStep): FlowStep | undefined {
  if (step.type !== 'review' && step.type !== 'approval') return undefined;
  return step.returnTo.map((id) => flow.steps.find((s) => s.id === id)).find(isListStep);
}

/** The PPK list step a checklist authenticates account by account (step 7), if any. */
export function authenticatedListStep(flow: Flow, step: FlowStep): FlowStep | undefined {
  if (step.type !== 'checklist' || !step.checklistFrom) return undefined;
  const source = flow.steps.find((s) => s.id === step.checklistFrom);
  return isListStep(source) ? source : undefined;
}
