/**
 * Typed errors. Every error Pandu raises carries a stable code, so callers branch on the code
 * and users see a translated message, never a stack trace.
 */
export type PanduErrorCode =
  | 'config-invalid'
  | 'flow-invalid'
  | 'org-invalid'
  | 'calendar-invalid'
  | 'version-conflict'
  | 'not-found'
  | 'storage-failed'
  | 'channel-failed'
  | 'file-rejected';

export class PanduError extends Error {
  readonly code: PanduErrorCode;
  readonly details: Record<string, unknown>;

  constructor(
    code: PanduErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PanduError';
    this.code = code;
    this.details = options?.details ?? {};
  }
}

/** One problem found in a data file (flow, org, calendar): where it is and what is wrong. */
export interface FileProblem {
  file: string;
  /** The step (flows) or record (org) the problem is in, when there is one. */
  where?: string;
  /** Dotted path of the field, e.g. `steps.3.standard`. */
  field: string;
  message: string;
}

export function formatProblems(problems: readonly FileProblem[]): string {
  return problems
    .map((p) => `${p.file}${p.where ? ` [${p.where}]` : ''} ${p.field}: ${p.message}`)
    .join('\n');
}

export class DataFileError extends PanduError {
  readonly problems: readonly FileProblem[];

  constructor(
    code: 'flow-invalid' | 'org-invalid' | 'calendar-invalid',
    problems: readonly FileProblem[],
    cause?: unknown,
  ) {
    super(code, formatProblems(problems), { cause, details: { problems } });
    this.name = 'DataFileError';
    this.problems = problems;
  }
}
