/**
 * The zod schema for one row. Each cell arrives as `{ text, number? }`; each field's parser turns it into
 * the normalised value or a custom zod issue whose message is our error code, with its parameters.
 */
import { z } from 'zod';
import { parseFiscalYear } from './fiscal-year.js';
import type { FiscalYearRange } from './fiscal-year.js';
import { parseNip } from './nip.js';
import { parsePagu } from './pagu.js';
import { parsePhone } from './phone.js';
import { PPK_ROLES, normaliseRole } from './roles.js';
import type { PpkRole } from './roles.js';
import { MAX_PACKAGE_NAME_LENGTH, parseText, undoNeutralisation } from './text.js';
import type { FieldResult } from './types.js';

export interface CellInput {
  text: string;
  number?: number | undefined;
}

const cellSchema = z.object({ text: z.string(), number: z.number().optional() });

const isBlank = (cell: CellInput): boolean => cell.text === '' && cell.number === undefined;

/** Strips the apostrophe people type to keep Excel from turning a NIP or phone into a number. */
const withoutLeadingApostrophe = (cell: CellInput): CellInput => ({
  ...cell,
  text: cell.text.replace(/^'/, ''),
});

function required<T>(parse: (cell: CellInput) => FieldResult<T>) {
  return cellSchema.transform((raw, ctx): T => {
    const cell = { ...raw, text: undoNeutralisation(raw.text) };
    const result: FieldResult<T> = isBlank(cell) ? { ok: false, code: 'required' } : parse(cell);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.code, params: result.params ?? {} });
    return z.NEVER;
  });
}

/** Blank gives null; whether blank is allowed depends on the role and is checked across fields. */
function optional<T>(parse: (cell: CellInput) => FieldResult<T>) {
  return cellSchema.transform((raw, ctx): T | null => {
    const cell = { ...raw, text: undoNeutralisation(raw.text) };
    if (isBlank(cell)) return null;
    const result = parse(cell);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.code, params: result.params ?? {} });
    return z.NEVER;
  });
}

const emailSchema = z.email();

function parseEmail(cell: CellInput): FieldResult<string> {
  const email = cell.text
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase();
  return emailSchema.safeParse(email).success
    ? { ok: true, value: email }
    : { ok: false, code: 'email-invalid' };
}

function parseRole(cell: CellInput): FieldResult<PpkRole> {
  const role = normaliseRole(cell.text);
  if (role !== null) return { ok: true, value: role };
  return { ok: false, code: 'role-unknown', params: { value: cell.text, allowed: PPK_ROLES.join(', ') } };
}

export interface RowSchemaOptions {
  today: Date;
  fiscalYears: FiscalYearRange;
}

export function buildRowSchema(options: RowSchemaOptions) {
  const text = (cell: CellInput) => parseText(cell.text);
  return z.object({
    nip: required((cell) => parseNip(withoutLeadingApostrophe(cell), options.today)),
    name: required(text),
    position: required(text),
    role: required(parseRole),
    email: required(parseEmail),
    phone: required((cell) => parsePhone(withoutLeadingApostrophe(cell))),
    workUnit: required(text),
    packageName: optional((cell) => parseText(cell.text, MAX_PACKAGE_NAME_LENGTH)),
    pagu: optional(parsePagu),
    fiscalYear: required((cell) => parseFiscalYear(cell.text, options.fiscalYears)),
    decreeNumber: required(text),
  });
}

export type RowSchema = ReturnType<typeof buildRowSchema>;
export type RowInput = z.input<RowSchema>;
export type RowOutput = z.output<RowSchema>;
