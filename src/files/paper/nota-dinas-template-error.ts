/** Problems with a nota dinas template: each names the placeholder (or the file as a whole). */
export interface TemplateProblem {
  /** The placeholder, e.g. `{hal}`, or `(file)` for the file as a whole. */
  field: string;
  message: string;
}

export class NotaDinasTemplateError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly TemplateProblem[],
    options?: ErrorOptions,
  ) {
    super(
      `Invalid nota dinas template ${file}:\n${problems.map((p) => `  - ${p.field}: ${p.message}`).join('\n')}`,
      options,
    );
    this.name = 'NotaDinasTemplateError';
  }
}

interface DocxtemplaterErrorLike {
  properties?: { id?: string; explanation?: string; xtag?: string; errors?: DocxtemplaterErrorLike[] };
  message?: string;
}

/** docxtemplater's own errors (a "multi error" listing each broken tag) as problems. */
export function templateProblems(error: unknown): TemplateProblem[] {
  const top = error as DocxtemplaterErrorLike;
  const list = top.properties?.errors ?? [top];
  return list.map((item) => ({
    field: item.properties?.xtag ? `{${item.properties.xtag}}` : '(file)',
    message: item.properties?.explanation ?? item.message ?? 'the template cannot be read',
  }));
}
