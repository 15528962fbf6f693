import type { FileProblem } from '../errors.js';
import type { Flow, FlowStep } from './model.js';

/**
 * Rules that span steps: ids unique, links pointing at real steps, forward `next` links (loops
 * only through returns), every step reachable, and the fields each step type needs.
 */
export function checkFlowGraph(flow: Flow, knownPositions?: readonly string[]): FileProblem[] {
  const problems: FileProblem[] = [];
  const at = (step: FlowStep, field: string, message: string): void => {
    problems.push({ file: flow.source, where: `step ${step.number} "${step.id}"`, field, message });
  };
  const indexOf = new Map<string, number>();
  for (const step of flow.steps) {
    if (indexOf.has(step.id)) at(step, 'id', `duplicate step id "${step.id}"`);
    else indexOf.set(step.id, step.number);
  }

  const first = flow.steps[0];
  if (first && first.type !== 'intake') at(first, 'type', 'the first step must be of type "intake"');
  for (const step of flow.steps.slice(1)) {
    if (step.type === 'intake') at(step, 'type', 'only the first step may be of type "intake"');
  }

  for (const step of flow.steps) {
    checkLinks(step, indexOf, at);
    checkTypeFields(step, at);
    if (knownPositions) checkPositions(step, knownPositions, at);
    const source = step.checklistFrom ? flow.steps.find((s) => s.id === step.checklistFrom) : undefined;
    if (source && !source.output.file)
      at(step, 'checklistFrom', `"${source.id}" has no output.file to take items from`);
  }
  checkReachable(flow, indexOf, at);
  return problems;
}

type At = (step: FlowStep, field: string, message: string) => void;

function checkLinks(step: FlowStep, indexOf: Map<string, number>, at: At): void {
  if (step.next !== undefined) {
    const target = indexOf.get(step.next);
    if (target === undefined) at(step, 'next', `no step with id "${step.next}"`);
    else if (target <= step.number)
      at(step, 'next', `"${step.next}" is not a later step (loops go through returnTo)`);
  }
  if (step.checklistFrom !== undefined) {
    const source = indexOf.get(step.checklistFrom);
    if (source === undefined) at(step, 'checklistFrom', `no step with id "${step.checklistFrom}"`);
    else if (source >= step.number)
      at(step, 'checklistFrom', `"${step.checklistFrom}" is not an earlier step`);
  }
  step.returnTo.forEach((id, i) => {
    const target = indexOf.get(id);
    if (target === undefined) at(step, `returnTo.${i}`, `no step with id "${id}"`);
    else if (target >= step.number) at(step, `returnTo.${i}`, `"${id}" is not an earlier step`);
  });
}

function checkTypeFields(step: FlowStep, at: At): void {
  const decides = step.type === 'review' || step.type === 'approval';
  if (decides && step.returnTo.length === 0)
    at(step, 'returnTo', `a ${step.type} step needs the step(s) it may return to`);
  if (!decides && step.returnTo.length > 0) at(step, 'returnTo', 'only review and approval steps can return');
  if (step.type === 'disposition' && !step.recipients)
    at(step, 'recipients', 'a disposition step needs the recipients position');
  if (step.type !== 'disposition' && step.recipients)
    at(step, 'recipients', 'only disposition steps have recipients');
  if (step.type === 'register' && !step.book)
    at(step, 'book', 'a register step needs book: incoming or outgoing');
  if (step.type !== 'register' && step.book) at(step, 'book', 'only register steps have an agenda book');
  if ((step.type === 'data-entry' || step.type === 'drafting') && !step.output.file) {
    at(step, 'output.file', `a ${step.type} step needs output.file (what the performer uploads)`);
  }
  if (
    step.type === 'checklist' &&
    step.checklist.length === 0 &&
    !step.output.file?.handler &&
    !step.checklistFrom
  ) {
    at(step, 'checklist', 'a checklist step needs at least one item (or checklistFrom)');
  }
  if (step.type !== 'checklist' && step.checklist.length > 0)
    at(step, 'checklist', 'only checklist steps have a checklist');
  if (step.type !== 'checklist' && step.checklistFrom)
    at(step, 'checklistFrom', 'only checklist steps take their items from a file');
  if (step.type === 'intake' && step.standardMs !== null)
    at(step, 'standard', 'the intake step has no standard time');
}

function checkPositions(step: FlowStep, known: readonly string[], at: At): void {
  if (!known.includes(step.performer.position)) {
    at(step, 'performer', `unknown position "${step.performer.position}" (known: ${known.join(', ')})`);
  }
  if (step.recipients && !known.includes(step.recipients)) {
    at(step, 'recipients', `unknown position "${step.recipients}" (known: ${known.join(', ')})`);
  }
}

function checkReachable(flow: Flow, indexOf: Map<string, number>, at: At): void {
  const reached = new Set<string>();
  let current = flow.steps[0];
  while (current && !reached.has(current.id)) {
    reached.add(current.id);
    const nextNumber = current.next ? indexOf.get(current.next) : undefined;
    current = nextNumber === undefined ? undefined : flow.steps[nextNumber - 1];
  }
  for (const step of flow.steps) {
    if (!reached.has(step.id))
      at(step, 'id', 'this step is never reached: no earlier step leads to it through next');
  }
}
