import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { DataFileError, type FileProblem } from '../errors.js';
import { checkFlowGraph } from './graph-checks.js';
import { DEFAULT_AGENDA_NUMBER_FORMAT, DEFAULT_INSTRUCTIONS, type Flow, type FlowStep } from './model.js';
import { flowSchema, type ParsedFlow } from './schema.js';

/**
 * Parses and validates one flow file. Every problem names the file, the step (by id when it has
 * one, else by number) and the field; the first error does not hide the others.
 */
export function parseFlow(text: string, file: string, knownPositions?: readonly string[]): Flow {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const where = error instanceof YAMLParseError ? `line ${error.linePos?.[0]?.line ?? '?'}` : undefined;
    throw new DataFileError(
      'flow-invalid',
      [
        {
          file,
          ...(where ? { where } : {}),
          field: '(yaml)',
          message: (error as Error).message.split('\n')[0] ?? '',
        },
      ],
      error,
    );
  }
  const result = flowSchema.safeParse(raw);
  if (!result.success) {
    throw new DataFileError('flow-invalid', zodProblems(result.error, raw, file), result.error);
  }
  const flow = normaliseFlow(result.data, file);
  const graphProblems = checkFlowGraph(flow, knownPositions);
  if (graphProblems.length > 0) throw new DataFileError('flow-invalid', graphProblems);
  return flow;
}

function zodProblems(error: z.ZodError, raw: unknown, file: string): FileProblem[] {
  // An unknown key is one problem per key, named in the field (a typo must be easy to find).
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => problemAt([...issue.path.map(String), key], 'unknown field', raw, file))
      : [problemAt(issue.path.map(String), issue.message, raw, file)],
  );
}

function problemAt(path: string[], message: string, raw: unknown, file: string): FileProblem {
  const problem: FileProblem = { file, field: path.join('.') || '(root)', message };
  if (path[0] === 'steps' && path[1] !== undefined) {
    problem.where = `step ${stepLabel(raw, Number(path[1]))}`;
    problem.field = path.slice(2).join('.') || '(step)';
  }
  return problem;
}

function stepLabel(raw: unknown, index: number): string {
  const steps = (raw as { steps?: unknown[] } | null)?.steps;
  const step = Array.isArray(steps) ? (steps[index] as { id?: unknown } | undefined) : undefined;
  return typeof step?.id === 'string' ? `${index + 1} "${step.id}"` : `${index + 1}`;
}

function normaliseFlow(parsed: ParsedFlow, source: string): Flow {
  const steps: FlowStep[] = parsed.steps.map((step, index) => {
    const performer = typeof step.performer === 'string' ? { position: step.performer } : step.performer;
    return {
      id: step.id,
      number: index + 1,
      title: step.title,
      ...(step.instruction ? { instruction: step.instruction } : {}),
      performer: performer.tag
        ? { position: performer.position, tag: performer.tag }
        : { position: performer.position },
      type: step.type,
      kelengkapan: step.kelengkapan.map((item) => ({
        id: item.id,
        label: item.label,
        kind: item.kind,
        required: item.required ?? item.kind === 'document',
      })),
      checklist: step.checklist,
      ...(step.checklistFrom ? { checklistFrom: step.checklistFrom } : {}),
      standardMs: step.standard,
      output: {
        label: step.output.label,
        ...(step.output.file
          ? {
              file: {
                required: step.output.file.required,
                accept: step.output.file.accept,
                ...(step.output.file.handler ? { handler: step.output.file.handler } : {}),
              },
            }
          : {}),
      },
      ...(step.next ? { next: step.next } : {}),
      returnTo: step.returnTo ?? [],
      ...(step.recipients ? { recipients: step.recipients } : {}),
      ...(step.book ? { book: step.book } : {}),
    };
  });
  return {
    id: parsed.id,
    version: parsed.version,
    source,
    header: parsed.header,
    handlingUnit: parsed.handlingUnit,
    instructions: parsed.instructions ?? DEFAULT_INSTRUCTIONS,
    agendaNumberFormat: parsed.agendaNumber?.format ?? DEFAULT_AGENDA_NUMBER_FORMAT,
    ...(parsed.calendar ? { calendar: parsed.calendar } : {}),
    steps,
  };
}
