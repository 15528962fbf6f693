/**
 * The table of step types: for each type, the flow fields it needs and may have, the decisions its
 * task offers, the commands the engine accepts on it and the input it waits for. The flow schema,
 * the graph checks, the task prompts, the engine and the chat layer all read this table, so a new
 * step type that reuses existing actions is one entry here (plus its messages in `locales/`).
 */

export const STEP_TYPES = [
  'intake',
  'register',
  'disposition',
  'data-entry',
  'review',
  'checklist',
  'drafting',
  'approval',
] as const;
export type StepType = (typeof STEP_TYPES)[number];

/** Flow fields that belong to some step types only. */
export type TypedField = 'returnTo' | 'recipients' | 'book' | 'output.file' | 'checklist' | 'checklistFrom';

/** Commands that decide a step (the others — ticks, uploads, timers, reassignment — apply to any). */
export type DecidingCommand = 'complete' | 'dispose' | 'approve' | 'return' | 'fail';

/** A decision button on a task: its action id (see core/engine/actions.ts), label and look. */
export interface TaskDecision {
  action: 'complete' | 'dispose' | 'approve' | 'return';
  label: string;
  style?: 'primary' | 'danger';
}

export interface StepTypeSpec {
  /** Fields the type needs; a list means "at least one of these". */
  requires: Array<TypedField | TypedField[]>;
  /** Fields the type may have besides those it requires; any other typed field is an error. */
  allows: TypedField[];
  /** The decision buttons of its task, after the kelengkapan toggles and checklist items. */
  decisions: TaskDecision[];
  /** Commands that decide a run of this type. */
  accepts: DecidingCommand[];
  /** What the task waits for besides taps: a file to upload, a disposition to compose. */
  awaits?: 'file' | 'disposition';
  /** The step's own clock: false for the request that starts an instance. */
  timed: boolean;
  /** Only the first step of a flow, and the first step always, has this type. */
  first?: boolean;
  /** False for a step its performer does not act on in chat (the request that starts an instance). */
  interactive: boolean;
}

const submit: TaskDecision = { action: 'complete', label: 'action-submit', style: 'primary' };
const decide: TaskDecision[] = [
  { action: 'approve', label: 'action-approve', style: 'primary' },
  { action: 'return', label: 'action-return', style: 'danger' },
];

export const STEP_TYPE_TABLE: Record<StepType, StepTypeSpec> = {
  intake: {
    requires: [],
    allows: ['output.file'],
    decisions: [],
    accepts: [],
    timed: false,
    first: true,
    interactive: false,
  },
  register: {
    requires: ['book'],
    allows: ['output.file'],
    decisions: [{ action: 'complete', label: 'action-register', style: 'primary' }],
    accepts: ['complete'],
    timed: true,
    interactive: true,
  },
  disposition: {
    requires: ['recipients'],
    allows: ['output.file'],
    decisions: [{ action: 'dispose', label: 'action-dispose', style: 'primary' }],
    accepts: ['dispose'],
    awaits: 'disposition',
    timed: true,
    interactive: true,
  },
  'data-entry': {
    requires: ['output.file'],
    allows: [],
    decisions: [submit],
    accepts: ['complete'],
    awaits: 'file',
    timed: true,
    interactive: true,
  },
  drafting: {
    requires: ['output.file'],
    allows: [],
    decisions: [submit],
    accepts: ['complete'],
    awaits: 'file',
    timed: true,
    interactive: true,
  },
  review: {
    requires: ['returnTo'],
    allows: ['output.file'],
    decisions: decide,
    accepts: ['approve', 'return'],
    timed: true,
    interactive: true,
  },
  approval: {
    requires: ['returnTo'],
    allows: ['output.file'],
    decisions: decide,
    accepts: ['approve', 'return'],
    timed: true,
    interactive: true,
  },
  checklist: {
    requires: [['checklist', 'checklistFrom']],
    allows: ['checklist', 'checklistFrom', 'output.file'],
    decisions: [],
    accepts: ['complete', 'fail'],
    timed: true,
    interactive: true,
  },
};

export function stepTypeSpec(type: StepType): StepTypeSpec {
  return STEP_TYPE_TABLE[type];
}

/** Whether runs of the type have items to tick one by one (a checklist, or items from a file). */
export function hasItems(type: StepType): boolean {
  const spec = STEP_TYPE_TABLE[type];
  return [...spec.requires.flat(), ...spec.allows].some((f) => f === 'checklist' || f === 'checklistFrom');
}

/** Whether the engine accepts this deciding command on a run of the type. */
export function accepts(type: StepType, command: DecidingCommand): boolean {
  return STEP_TYPE_TABLE[type].accepts.includes(command);
}

/** For messages about each typed field: what a type that needs it lacks, and who may have it. */
export const TYPED_FIELDS_TABLE: Record<TypedField, { needs: string; only: string }> = {
  returnTo: { needs: 'the step(s) it may return to', only: 'can return' },
  recipients: { needs: 'the recipients position', only: 'have recipients' },
  book: { needs: 'book: incoming or outgoing', only: 'have an agenda book' },
  'output.file': { needs: 'output.file (what the performer uploads)', only: 'have an output file' },
  checklist: { needs: 'at least one item', only: 'have a checklist' },
  checklistFrom: { needs: 'checklistFrom', only: 'take their items from a file' },
};
