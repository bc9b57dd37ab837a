import { z } from 'zod';
import { LIFE_AREAS } from '../case-domain';
import { BARRIER_KINDS, MONTH_PATTERN } from '../finding-domain';
import { OFFICES } from '../offices';
import { PARTNER_KINDS } from '../partner-domain';

/** Input schemas of structural findings (pure zod, shared with the renderer's form). */

const month = z.string().regex(MONTH_PATTERN);

export const findingFieldsSchema = z.strictObject({
  area: z.enum(LIFE_AREAS),
  barrier: z.enum(BARRIER_KINDS),
  /** The partner of the directory the barrier is met at, if it is one partner. */
  partnerId: z.uuid().nullable().default(null),
  /** Or the kind of agency (e.g. every Jobcenter), when no single partner is meant. */
  partnerKind: z.enum(PARTNER_KINDS).nullable().default(null),
  description: z.string().trim().min(10).max(1000),
  /** YYYY-MM */
  observedIn: month,
});

export const findingRecordInput = findingFieldsSchema.extend({
  /**
   * The case the finding was met in, only so the core can refuse a text that names its client; it is not stored
   * with the finding.
   */
  caseId: z.uuid().nullable().default(null),
});

export const findingFilterSchema = z
  .strictObject({
    from: month.optional(),
    to: month.optional(),
    office: z.enum(OFFICES).optional(),
    area: z.enum(LIFE_AREAS).optional(),
    barrier: z.enum(BARRIER_KINDS).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'before_from' });

export const findingListInput = findingFilterSchema;
export const findingSummaryInput = findingFilterSchema;

export const findingWithdrawInput = z.strictObject({ id: z.uuid(), version: z.int().min(1) });
