/**
 * The flow's nota dinas template (`flows/templates/nota-dinas.docx`): a Word document with `{placeholder}`
 * tags, checked once at start-up and filled with docxtemplater for every letter. A broken file, a tag
 * that is not closed, an unknown placeholder, a missing one or one used in a way Pandu does not fill is
 * a `NotaDinasTemplateError` naming the file and the placeholder.
 *
 * `{body}` may be a simple placeholder (the text's paragraphs become line breaks in one paragraph) or,
 * better, a paragraph loop: a paragraph `{#body}`, one `{.}` (styled as the text should be), one
 * `{/body}`; each paragraph of the text then becomes a real paragraph of that style.
 */
import { readFile } from 'node:fs/promises';
import { compileTemplate, openZip, type TagUse } from './docx-template.js';
import {
  notaDinasFields,
  OPTIONAL_PLACEHOLDERS,
  REQUIRED_PLACEHOLDERS,
  type NotaDinasData,
} from './nota-dinas-data.js';
import {
  NotaDinasTemplateError,
  templateProblems,
  type TemplateProblem,
} from './nota-dinas-template-error.js';

export { NotaDinasTemplateError } from './nota-dinas-template-error.js';
export type { TemplateProblem } from './nota-dinas-template-error.js';

/** A template that passed the checks. */
export interface NotaDinasTemplate {
  file: string;
  bytes: Uint8Array;
  placeholders: readonly string[];
  /** `{#body}{.}{/body}`: the text goes in as one paragraph per paragraph. */
  bodyAsParagraphs: boolean;
}

const ALLOWED = new Set<string>([...REQUIRED_PLACEHOLDERS, ...OPTIONAL_PLACEHOLDERS]);

function useProblems(uses: ReadonlyMap<string, ReadonlySet<TagUse>>): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const [tag, kinds] of uses) {
    if (tag === '.') continue;
    if (!ALLOWED.has(tag)) {
      problems.push({
        field: `{${tag}}`,
        message: `unknown placeholder; the template may use ${[...ALLOWED].map((name) => `{${name}}`).join(', ')}`,
      });
    } else if (kinds.has('rawxml') || kinds.has('other')) {
      problems.push({ field: `{${tag}}`, message: `write it as a plain placeholder {${tag}}` });
    } else if (kinds.has('loop') && tag !== 'body') {
      problems.push({ field: `{${tag}}`, message: `only {body} may be a paragraph loop; write {${tag}}` });
    }
  }
  if (uses.has('.') && !uses.get('body')?.has('loop')) {
    problems.push({ field: '{.}', message: 'only allowed inside the {#body}…{/body} loop' });
  }
  for (const tag of REQUIRED_PLACEHOLDERS) {
    if (!uses.has(tag)) {
      problems.push({
        field: `{${tag}}`,
        message: 'missing: every nota dinas template must contain this placeholder',
      });
    }
  }
  return problems;
}

/** Checks a template's bytes; `file` names it in errors. */
export function checkNotaDinasTemplate(bytes: Uint8Array, file: string): NotaDinasTemplate {
  const uses = new Map<string, Set<TagUse>>();
  compileTemplate(openZip(bytes, file), file, (tag, use) => {
    const kinds = uses.get(tag) ?? new Set<TagUse>();
    kinds.add(use);
    uses.set(tag, kinds);
  });
  const problems = useProblems(uses);
  if (problems.length > 0) throw new NotaDinasTemplateError(file, problems);
  return {
    file,
    bytes,
    placeholders: [...uses.keys()].filter((tag) => tag !== '.'),
    bodyAsParagraphs: uses.get('body')?.has('loop') ?? false,
  };
}

/** Reads and checks a template file: the function the service calls at start-up. */
export async function loadNotaDinasTemplate(path: string): Promise<NotaDinasTemplate> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new NotaDinasTemplateError(path, [{ field: '(file)', message: `cannot read: ${message}` }], {
      cause: error,
    });
  }
  return checkNotaDinasTemplate(bytes, path);
}

/** The text's paragraphs: blank lines separate them, single line breaks stay inside one. */
export function bodyParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

/** The letter as a DOCX: the template with every placeholder filled. */
export function fillNotaDinasDocx(template: NotaDinasTemplate, data: NotaDinasData): Uint8Array {
  const zip = openZip(template.bytes, template.file);
  const doc = compileTemplate(zip, template.file);
  const fields = notaDinasFields(data);
  try {
    doc.render({ ...fields, body: template.bodyAsParagraphs ? bodyParagraphs(fields.body) : fields.body });
  } catch (error) {
    throw new NotaDinasTemplateError(template.file, templateProblems(error), { cause: error });
  }
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}
