/** Opening and compiling a DOCX template with docxtemplater, every failure as a NotaDinasTemplateError. */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { NotaDinasTemplateError, templateProblems } from './nota-dinas-template-error.js';

// errorLogging off: problems are reported through NotaDinasTemplateError, not console.log.
const OPTIONS = { paragraphLoop: true, linebreaks: true, errorLogging: false } as const;

/** How a tag is used: `{name}` (simple), `{#name}…{/name}` (loop), `{@name}` (raw XML). */
export type TagUse = 'simple' | 'loop' | 'rawxml' | 'other';

export function openZip(bytes: Uint8Array, file: string): PizZip {
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

function tagUse(meta: unknown): TagUse {
  const module = (meta as { tag?: { module?: unknown } } | undefined)?.tag?.module;
  if (module === undefined) return 'simple';
  if (module === 'loop') return 'loop';
  if (module === 'rawxml') return 'rawxml';
  return 'other';
}

/** Compiles the template; `onTag` hears every tag docxtemplater's parser meets, and how it is used. */
export function compileTemplate(
  zip: PizZip,
  file: string,
  onTag?: (tag: string, use: TagUse) => void,
): Docxtemplater {
  if (!zip.file('word/document.xml')) {
    throw new NotaDinasTemplateError(file, [
      { field: '(file)', message: 'not a Word document (.docx): word/document.xml is missing' },
    ]);
  }
  try {
    if (!onTag) return new Docxtemplater(zip, OPTIONS);
    return new Docxtemplater(zip, {
      ...OPTIONS,
      parser: (tag: string, meta?: unknown) => {
        onTag(tag.trim(), tagUse(meta));
        return { get: () => '' };
      },
    });
  } catch (error) {
    throw new NotaDinasTemplateError(file, templateProblems(error), { cause: error });
  }
}
