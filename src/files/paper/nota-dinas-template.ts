/**
 * The flow's nota dinas template (`flows/templates/nota-dinas.docx`): a Word document with `{placeholder}`
 * tags, checked once at start-up and filled with docxtemplater for every letter. A broken file, a tag
 * that is not closed, an unknown placeholder or a missing one is a `NotaDinasTemplateError` that names
 * the file and the placeholder.
 */
import { readFile } from 'node:fs/promises';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import {
  notaDinasFields,
  OPTIONAL_PLACEHOLDERS,
  REQUIRED_PLACEHOLDERS,
  type NotaDinasData,
} from './nota-dinas-data.js';

export interface TemplateProblem {
  /** The placeholder (or `(file)` for the file as a whole). */
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

/** A template that passed the checks. */
export interface NotaDinasTemplate {
  file: string;
  bytes: Uint8Array;
  placeholders: readonly string[];
}

// errorLogging off: problems are reported through NotaDinasTemplateError, not console.log.
const OPTIONS = { paragraphLoop: true, linebreaks: true, errorLogging: false } as const;

interface DocxtemplaterErrorLike {
  properties?: { id?: string; explanation?: string; xtag?: string; errors?: DocxtemplaterErrorLike[] };
  message?: string;
}

function templateProblems(error: unknown): TemplateProblem[] {
  const top = error as DocxtemplaterErrorLike;
  const list = top.properties?.errors ?? [top];
  return list.map((item) => ({
    field: item.properties?.xtag ? `{${item.properties.xtag}}` : '(file)',
    message: item.properties?.explanation ?? item.message ?? 'the template cannot be read',
  }));
}

function openZip(bytes: Uint8Array, file: string): PizZip {
  try {
    return new PizZip(bytes);
  } catch (error) {
    throw new NotaDinasTemplateError(
      file,
      [{ field: '(file)', message: 'not a Word document (.docx): the file is not a ZIP archive' }],
      { cause: error },
    );
  }
}

/** Compiles the template; `onTag` hears every tag docxtemplater's parser meets (compile time). */
function compile(zip: PizZip, file: string, onTag?: (tag: string) => void): Docxtemplater {
  if (!zip.file('word/document.xml')) {
    throw new NotaDinasTemplateError(file, [
      { field: '(file)', message: 'not a Word document (.docx): word/document.xml is missing' },
    ]);
  }
  try {
    if (!onTag) return new Docxtemplater(zip, OPTIONS);
    return new Docxtemplater(zip, {
      ...OPTIONS,
      parser: (tag: string) => {
        onTag(tag.trim());
        return { get: () => '' };
      },
    });
  } catch (error) {
    throw new NotaDinasTemplateError(file, templateProblems(error), { cause: error });
  }
}

/** Checks a template's bytes; `file` names it in errors. */
export function checkNotaDinasTemplate(bytes: Uint8Array, file: string): NotaDinasTemplate {
  const seen = new Set<string>();
  compile(openZip(bytes, file), file, (tag) => seen.add(tag));
  const placeholders = [...seen];
  const allowed = new Set<string>([...REQUIRED_PLACEHOLDERS, ...OPTIONAL_PLACEHOLDERS]);
  const problems: TemplateProblem[] = [
    ...placeholders
      .filter((tag) => !allowed.has(tag))
      .map((tag) => ({
        field: `{${tag}}`,
        message: `unknown placeholder; the template may use ${[...allowed].map((name) => `{${name}}`).join(', ')}`,
      })),
    ...REQUIRED_PLACEHOLDERS.filter((tag) => !placeholders.includes(tag)).map((tag) => ({
      field: `{${tag}}`,
      message: 'missing: every nota dinas template must contain this placeholder',
    })),
  ];
  if (problems.length > 0) throw new NotaDinasTemplateError(file, problems);
  return { file, bytes, placeholders };
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

/** The letter as a DOCX: the template with every placeholder filled. */
export function fillNotaDinasDocx(template: NotaDinasTemplate, data: NotaDinasData): Uint8Array {
  const zip = openZip(template.bytes, template.file);
  const doc = compile(zip, template.file);
  try {
    doc.render(notaDinasFields(data));
  } catch (error) {
    throw new NotaDinasTemplateError(template.file, templateProblems(error), { cause: error });
  }
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}
