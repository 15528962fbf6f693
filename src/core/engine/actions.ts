import type { Command, CommandType } from './commands.js';
import type { FileRef } from './types.js';

/**
 * What a button means. A prompt action id is `<kind>` or `<kind>:<argument>` (`check:kertas`,
 * `esc-reassign-to:rina`); the kind names an entry here: the command it stands for, the argument
 * it carries and the input the person must give first. The chat layer turns a tap into a command
 * through this table only; the engine then authorizes and applies it.
 */
export type ActionInput =
  /** A written reason, asked for with `ask` (e.g. why a step is returned). */
  | { kind: 'reason'; ask: string; missing: string }
  /** A file to upload to the run. */
  | { kind: 'file'; ask: string }
  /** Recipients, an instruction and a note. */
  | { kind: 'disposition' }
  /** A person among the candidates; each choice is the action `choose` with their id as argument. */
  | { kind: 'person'; choose: string };

export interface ActionSpec {
  command: CommandType;
  /** What the argument after the colon is. */
  arg?: 'itemId' | 'toPersonId';
  input?: ActionInput;
}

export const ACTIONS: Record<string, ActionSpec> = {
  complete: { command: 'complete' },
  approve: { command: 'approve' },
  return: {
    command: 'return',
    input: { kind: 'reason', ask: 'chat-ask-return-reason', missing: 'refusal-reason-required' },
  },
  dispose: { command: 'dispose', input: { kind: 'disposition' } },
  check: { command: 'check', arg: 'itemId' },
  fail: {
    command: 'fail',
    arg: 'itemId',
    input: { kind: 'reason', ask: 'chat-ask-fail-reason', missing: 'refusal-failure-reason-required' },
  },
  attach: { command: 'attach', input: { kind: 'file', ask: 'chat-ask-file' } },
  'esc-nudge': { command: 'nudge' },
  'esc-takeover': { command: 'take-over' },
  'esc-reassign': { command: 'reassign', input: { kind: 'person', choose: 'esc-reassign-to' } },
  'esc-reassign-to': { command: 'reassign', arg: 'toPersonId' },
};

export interface ParsedAction {
  kind: string;
  arg: string;
  spec: ActionSpec | undefined;
}

export function parseActionId(actionId: string): ParsedAction {
  const colon = actionId.indexOf(':');
  const kind = colon < 0 ? actionId : actionId.slice(0, colon);
  const arg = colon < 0 ? '' : actionId.slice(colon + 1);
  return { kind, arg, spec: Object.hasOwn(ACTIONS, kind) ? ACTIONS[kind] : undefined };
}

/** Who acts, on what, from where, under which idempotency key. */
export type CommandTarget = Pick<Command, 'instanceId' | 'runId' | 'actorId' | 'channel' | 'idempotencyKey'>;

/** What the person gave for the action's input. */
export interface ActionAnswer {
  reason?: string;
  file?: FileRef;
  disposition?: { recipientIds: string[]; instructionId: string; note?: string };
}

/**
 * The command an action stands for, with its argument and the person's answer; undefined when the
 * answer its input needs is missing (the caller asks for it first).
 */
export function commandFor(
  action: ParsedAction,
  target: CommandTarget,
  answer: ActionAnswer = {},
): Command | undefined {
  const spec = action.spec;
  if (!spec) return undefined;
  switch (spec.command) {
    case 'complete':
    case 'approve':
    case 'nudge':
    case 'take-over':
      return { ...target, type: spec.command };
    case 'check':
      return { ...target, type: 'check', itemId: action.arg };
    case 'return':
      return answer.reason === undefined ? undefined : { ...target, type: 'return', reason: answer.reason };
    case 'fail':
      return answer.reason === undefined
        ? undefined
        : { ...target, type: 'fail', itemId: action.arg, reason: answer.reason };
    case 'attach':
      return answer.file ? { ...target, type: 'attach', file: answer.file } : undefined;
    case 'dispose': {
      const given = answer.disposition;
      if (!given) return undefined;
      const note = given.note?.trim();
      return {
        ...target,
        type: 'dispose',
        recipientIds: given.recipientIds,
        instructionId: given.instructionId,
        ...(note ? { note } : {}),
      };
    }
    case 'reassign':
      return action.arg ? { ...target, type: 'reassign', toPersonId: action.arg } : undefined;
    default:
      return undefined;
  }
}
