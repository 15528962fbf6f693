import { z } from 'zod';

/** The org file: positions and their superior chain, units, and people. */

export const DEFAULT_POSITIONS = [
  { id: 'Menteri' },
  { id: 'Sekjen', superior: 'Menteri' },
  { id: 'Kapus', superior: 'Sekjen' },
  { id: 'Kabid', superior: 'Kapus' },
  { id: 'Kasubbid', superior: 'Kabid' },
  { id: 'Staf', superior: 'Kasubbid' },
  // The requesting unit's procurement unit: outside the centre's chain of command.
  { id: 'ULP' },
];

const personIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lowercase letters, digits, dots and dashes');

export const orgSchema = z
  .object({
    positions: z
      .array(z.object({ id: z.string().min(1), superior: z.string().min(1).optional() }).strict())
      .default(DEFAULT_POSITIONS),
    units: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes'),
            name: z.string().min(1),
            parent: z.string().optional(),
            timeZone: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
    people: z
      .array(
        z
          .object({
            id: personIdSchema,
            name: z.string().min(1),
            nip: z
              .string()
              .regex(/^\d{18}$/, 'NIP must be 18 digits')
              .optional(),
            position: z.string().min(1),
            unit: z.string().min(1),
            superior: personIdSchema.optional(),
            tags: z.array(z.string().min(1)).default([]),
            admin: z.boolean().default(false),
            /** Who else may stand in for this person (Plh) besides holders of the same position in the same unit. */
            deputies: z.array(personIdSchema).default([]),
            locale: z.enum(['id', 'en']).optional(),
            timeZone: z.string().optional(),
            /**
             * Chat accounts by platform id (`telegram: 123456789`, `slack: U0123ABCD`); normally
             * linked with an invite code instead. Each platform's adapter says what its ids look like.
             */
            chat: z
              .record(
                z.string().regex(/^[a-z][a-z0-9-]*$/, 'a platform id such as telegram'),
                z.union([z.string().trim().min(1), z.number().int().positive()]).transform(String),
              )
              .default({}),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type OrgFile = z.output<typeof orgSchema>;
export type OrgPerson = OrgFile['people'][number];
export type OrgUnit = OrgFile['units'][number];
