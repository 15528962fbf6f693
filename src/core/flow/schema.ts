import { z } from 'zod';
import { officeCalendarOverrideSchema } from '../time/office-calendar.js';
import { STEP_TYPES } from './step-types.js';

/**
 * The shape of a flow file (`flows/*.yaml`): one SOP, its header and its steps.
 * Parsed with zod into typed values; graph rules that span steps live in `graph-checks.ts`.
 */

export const localizedTextSchema = z.strictObject({
  id: z.string().trim().min(1, 'teks Bahasa Indonesia wajib diisi (Indonesian text is required)'),
  en: z.string().trim().min(1, 'teks bahasa Inggris wajib diisi (English text is required)'),
});

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes (e.g. "agenda-masuk")');

/** Standard times are written `5m`, `1h`, `1h30m`, or `45s` (seconds are meant for test flows). */
const DURATION_PATTERN = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

export function parseStandardTime(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match || text.trim() === '') return undefined;
  const [, h, m, s] = match;
  const ms = (Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0)) * 1000;
  return ms > 0 ? ms : undefined;
}

const standardSchema = z.union([z.null(), z.string()]).transform((value, ctx) => {
  if (value === null) return null;
  const ms = parseStandardTime(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration such as 5m, 1h or 1h30m` });
    return z.NEVER;
  }
  return ms;
});

const kelengkapanItemSchema = z.strictObject({
  id: idSchema,
  label: localizedTextSchema,
  /** `check`: an item the performer ticks; `document`: a file that must be attached to the step. */
  kind: z.enum(['check', 'document']).default('check'),
  /** Required items must be ticked (or attached) before the step can be completed. */
  required: z.boolean().optional(),
});

const outputSchema = z.strictObject({
  label: localizedTextSchema,
  /** When set, the step's output is a file the performer uploads (a list, a draft). */
  file: z
    .strictObject({
      required: z.boolean().default(true),
      accept: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
      /** A content handler applied to the upload, e.g. `ppk-list`. */
      handler: z.string().optional(),
    })
    .optional(),
});

const performerSchema = z.union([
  z.string().min(1),
  z.strictObject({
    position: z.string().min(1),
    /** Narrows the performer to people with this tag in the org file, e.g. `tata-usaha`. */
    tag: z.string().min(1).optional(),
  }),
]);

export const stepSchema = z
  .object({
    id: idSchema,
    title: localizedTextSchema,
    instruction: localizedTextSchema.optional(),
    performer: performerSchema,
    type: z.enum(STEP_TYPES),
    kelengkapan: z.array(kelengkapanItemSchema).default([]),
    /** For checklist steps: the tasks to mark done one by one; the step completes when all are. */
    checklist: z.array(z.strictObject({ id: idSchema, label: localizedTextSchema })).default([]),
    /**
     * For checklist steps: an earlier step whose latest uploaded file gives the items (its content's
     * `checklist`, e.g. one item per account of a PPK list). The static checklist is used until it does.
     */
    checklistFrom: idSchema.optional(),
    standard: standardSchema.default(null),
    output: outputSchema,
    /** The step that follows; omitted on the last step. */
    next: idSchema.optional(),
    /** For review and approval: the earlier steps it may return to (the first is the default). */
    returnTo: z.array(idSchema).optional(),
    /** For disposition: the position of the people the disposition goes to. */
    recipients: z.string().min(1).optional(),
    /** For register: which agenda book gives the number. */
    book: z.enum(['incoming', 'outgoing']).optional(),
    /**
     * What the step acts on (default: the request's memo and the latest version of every earlier
     * step's output file) and whether its task comes with them (default: the step type's choice).
     */
    documents: z
      .strictObject({
        /** `request` (the memo the request came with) and/or ids of earlier steps with an output file. */
        from: z.array(z.union([z.literal('request'), idSchema])).optional(),
        send: z.boolean().optional(),
      })
      .optional(),
    note: z.string().optional(),
  })
  .strict();

export const flowHeaderSchema = z.strictObject({
  number: z.string().min(1),
  ministry: z.string().min(1),
  issuer: z.string().min(1),
  name: localizedTextSchema,
  approvedBy: z.string().optional(),
  dates: z
    .strictObject({
      created: z.string().optional(),
      revised: z.string().optional(),
      approved: z.string().optional(),
    })
    .optional(),
  legalBases: z.array(z.string()).default([]),
  qualifications: z.array(z.string()).default([]),
  equipment: z.array(z.string()).default([]),
  relatedSops: z.array(z.string()).default([]),
  records: z.array(localizedTextSchema).default([]),
  warnings: z.array(localizedTextSchema).default([]),
});

export const flowSchema = z
  .object({
    id: idSchema,
    version: z.number().int().positive().default(1),
    header: flowHeaderSchema,
    /** The unit that handles instances of this flow (an id from the org file). */
    handlingUnit: z.string().min(1),
    /** Disposition instructions offered to the performer (the first is the default). */
    instructions: z
      .array(z.strictObject({ id: idSchema, label: localizedTextSchema }))
      .min(1)
      .optional(),
    agendaNumber: z
      .strictObject({
        /**
         * Tokens: {seq}, {seq:3} (zero-padded), {book} (M/K), {month} (1–12), {monthRoman}, {year},
         * {klasifikasi} (the letter's klasifikasi arsip code, "-" when none is known).
         */
        format: z.string().min(1),
      })
      .optional(),
    /** Overrides of the office calendar for this flow (zone, hours, holidays). */
    calendar: officeCalendarOverrideSchema.optional(),
    steps: z.array(stepSchema).min(1),
  })
  .strict();

export type FlowFile = z.input<typeof flowSchema>;
export type ParsedFlow = z.output<typeof flowSchema>;
export type ParsedStep = z.output<typeof stepSchema>;
