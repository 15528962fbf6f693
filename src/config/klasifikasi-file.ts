/**
 * Loads the klasifikasi arsip list with its retention schedule (JRA) from a YAML file such as
 * `flows/klasifikasi.yaml`. A problem names the file and the field (`codes[2].retention.active`).
 *
 * ```yaml
 * codes:
 *   - code: '000.8.3.3'
 *     name: { id: Nota dinas, en: Internal memos }
 *     retention: { active: 2, inactive: 3, disposition: musnah }
 * ```
 */
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import {
  KLASIFIKASI_CODE_PATTERN,
  RETENTION_DISPOSITIONS,
  type KlasifikasiList,
} from '../files/paper/klasifikasi.js';

const textSchema = z.string().trim().min(1, 'must not be empty');

const codeSchema = z.unknown().transform((value, ctx) => {
  if (typeof value === 'number') {
    ctx.addIssue({
      code: 'custom',
      message: `write the code in quotes, e.g. '000.8.3.3': unquoted, YAML reads it as the number ${String(value)} and drops its leading zeros`,
    });
    return z.NEVER;
  }
  if (typeof value !== 'string' || !KLASIFIKASI_CODE_PATTERN.test(value.trim())) {
    ctx.addIssue({
      code: 'custom',
      message: `"${String(value)}" is not a klasifikasi code: three digits, then groups of digits after dots, e.g. '000.8.3.3'`,
    });
    return z.NEVER;
  }
  return value.trim();
});

const yearsSchema = z
  .number({ message: 'must be a whole number of years' })
  .int('must be a whole number of years')
  .min(0, 'must not be negative')
  .max(100, 'must be at most 100 years');

const entrySchema = z.strictObject({
  code: codeSchema,
  name: z.strictObject({ id: textSchema, en: textSchema }),
  retention: z.strictObject({
    active: yearsSchema,
    inactive: yearsSchema,
    disposition: z.enum(RETENTION_DISPOSITIONS, {
      message: `must be one of: ${RETENTION_DISPOSITIONS.join(', ')}`,
    }),
  }),
});

export const klasifikasiFileSchema = z
  .strictObject({ codes: z.array(entrySchema).min(1, 'the list must have at least one code') })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.codes.forEach((entry, index) => {
      const first = seen.get(entry.code);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['codes', index, 'code'],
          message: `${entry.code} is also codes[${first}]`,
        });
      }
      seen.set(entry.code, index);
    });
  });

export interface KlasifikasiFileIssue {
  /** The field, e.g. `codes[3].retention.disposition`; empty for the whole file. */
  readonly field: string;
  readonly message: string;
}

/** A klasifikasi file that cannot be read, is not YAML, or does not match the format. */
export class KlasifikasiFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly KlasifikasiFileIssue[],
    options?: ErrorOptions,
  ) {
    const lines = issues.map((issue) => `  - ${issue.field ? `${issue.field}: ` : ''}${issue.message}`);
    super(`Invalid klasifikasi file ${file}:\n${lines.join('\n')}`, options);
    this.name = 'KlasifikasiFileError';
  }
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

function toIssues(error: z.ZodError): KlasifikasiFileIssue[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: fieldName([...issue.path, key]), message: 'unknown field' }));
    }
    return [{ field: fieldName(issue.path), message: issue.message }];
  });
}

/** Parses the text of a klasifikasi file; `file` names the source in errors and in the list. */
export function parseKlasifikasiFile(text: string, file: string): KlasifikasiList {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    throw new KlasifikasiFileError(
      file,
      document.errors.map((error) => ({ field: '', message: error.message })),
    );
  }
  const result = klasifikasiFileSchema.safeParse(document.toJS() ?? {});
  if (!result.success) throw new KlasifikasiFileError(file, toIssues(result.error), { cause: result.error });
  return {
    source: file,
    entries: result.data.codes.map((entry) => ({
      code: entry.code,
      name: entry.name,
      retention: {
        activeYears: entry.retention.active,
        inactiveYears: entry.retention.inactive,
        disposition: entry.retention.disposition,
      },
    })),
  };
}

/** Reads and parses one klasifikasi file. */
export async function loadKlasifikasiFile(path: string): Promise<KlasifikasiList> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new KlasifikasiFileError(path, [{ field: '', message: `cannot read: ${message}` }], {
      cause: error,
    });
  }
  return parseKlasifikasiFile(text, path);
}
