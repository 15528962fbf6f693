import type { FileProblem } from '../errors.js';
import type { Flow, FlowStep } from './model.js';
import { STEP_TYPES, stepTypeSpec, TYPED_FIELDS_TABLE, type TypedField } from './step-types.js';

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

  const firstTypes = STEP_TYPES.filter((type) => stepTypeSpec(type).first);
  const first = flow.steps[0];
  if (first && !stepTypeSpec(first.type).first)
    at(first, 'type', `the first step must be of type ${firstTypes.map((t) => `"${t}"`).join(' or ')}`);
  for (const step of flow.steps.slice(1)) {
    if (stepTypeSpec(step.type).first) at(step, 'type', `only the first step may be of type "${step.type}"`);
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

/** The fields each step type needs and may have, from the step-type table. */
function checkTypeFields(step: FlowStep, at: At): void {
  const spec = stepTypeSpec(step.type);
  const present = new Set(TYPED_FIELDS.filter((field) => hasField(step, field)));
  for (const rule of spec.requires) {
    const anyOf = Array.isArray(rule) ? rule : [rule];
    if (anyOf.some((field) => present.has(field))) continue;
    const [first, ...others] = anyOf as [TypedField, ...TypedField[]];
    const alternatives = others.length > 0 ? ` (or ${others.join(', ')})` : '';
    at(step, first, `a ${step.type} step needs ${TYPED_FIELDS_TABLE[first].needs}${alternatives}`);
  }
  const allowed = new Set([...spec.requires.flat(), ...spec.allows]);
  for (const field of present) {
    if (!allowed.has(field))
      at(step, field, `only ${typesWith(field)} steps ${TYPED_FIELDS_TABLE[field].only}`);
  }
  if (!spec.timed && step.standardMs !== null)
    at(step, 'standard', `the ${step.type} step has no standard time`);
}

const TYPED_FIELDS = Object.keys(TYPED_FIELDS_TABLE) as TypedField[];

function hasField(step: FlowStep, field: TypedField): boolean {
  switch (field) {
    case 'returnTo':
      return step.returnTo.length > 0;
    case 'recipients':
      return step.recipients !== undefined;
    case 'book':
      return step.book !== undefined;
    case 'output.file':
      return step.output.file !== undefined;
    case 'checklist':
      return step.checklist.length > 0;
    case 'checklistFrom':
      return step.checklistFrom !== undefined;
  }
}

/** "review and approval": the step types that may have the field. */
function typesWith(field: TypedField): string {
  const types = STEP_TYPES.filter((type) => {
    const spec = stepTypeSpec(type);
    return spec.allows.includes(field) || spec.requires.flat().includes(field);
  });
  return types.length > 1 ? `${types.slice(0, -1).join(', ')} and ${types.at(-1)}` : (types[0] ?? 'no');
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
