import { z } from 'zod';
import {
  CASE_PHASES,
  CLOSURE_REASONS,
  DOCUMENT_CATEGORIES,
  DOCUMENT_MIME_TYPES,
  GENDERS,
  GOAL_STATUSES,
  HOUSEHOLD_RELATIONS,
  LIFE_AREAS,
  MEASURE_STATUSES,
  NEED_LEVELS,
  NOTE_KINDS,
  RECHTSKREISE,
  RESIDENCE_TYPES,
  SPECIAL_NATIONALITIES,
} from '../case-domain';
import { OFFICES } from '../offices';
import { passphraseSchema } from './common-schemas';

/** Input schemas of client files and cases, shared with the renderer's forms (pure zod, no Node). */

const id = z.uuid();
const text = (max: number) => z.string().trim().max(max);
/** Optional free text: missing, null or blank all mean "none" (stored as null). */
const optionalText = (max: number) => text(max).nullable().optional().transform((v) => (v ? v : null));

/** A calendar date YYYY-MM-DD that exists (no 31.02.). */
export const isoDateSchema = z.iso.date();

/** A date that may be known only partly: YYYY, YYYY-MM or YYYY-MM-DD (refugees' documents often give only a year). */
export const partialDateSchema = z.union([z.string().regex(/^\d{4}$/), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), z.iso.date()]);

export const nationalitySchema = z.union([z.string().regex(/^[A-Z]{2}$/), z.enum(SPECIAL_NATIONALITIES)]);

export const languageSchema = z.strictObject({
  /** ISO 639-1/-3 code (e.g. ar, fa, uk, prs, ti). */
  code: z.string().regex(/^[a-z]{2,3}$/),
  interpreterNeeded: z.boolean(),
});

export const clientFieldsSchema = z.strictObject({
  familyName: text(120).min(1),
  givenNames: text(160).min(1),
  /** Former or alternative spellings (other documents, other transliteration). */
  alternativeNames: z.array(text(160).min(1)).max(10).default([]),
  birthDate: partialDateSchema.nullable().default(null),
  /** True when the date is a registry placeholder such as 01.01.YYYY. */
  birthDatePlaceholder: z.boolean().default(false),
  gender: z.enum(GENDERS).default('unknown'),
  nationalities: z.array(nationalitySchema).max(4).default([]),
  languages: z.array(languageSchema).max(8).default([]),
  arrivalDate: partialDateSchema.nullable().default(null),
  street: optionalText(160),
  postalCode: z.string().regex(/^\d{5}$/).nullable().default(null),
  city: optionalText(80),
  phone: z.string().trim().regex(/^[+0-9 ()/-]{5,30}$/).nullable().default(null),
  email: z.email().max(160).nullable().default(null),
});

export const clientCreateInput = clientFieldsSchema.extend({ office: z.enum(OFFICES).optional() });
export const clientUpdateInput = clientFieldsSchema.extend({ id, version: z.int().min(1) });
export const idInput = z.strictObject({ id });
/** Deleting personal data re-authenticates: the caller's own passphrase, checked by the core (never stored). */
export const confirmedDeleteInput = z.strictObject({ id, passphrase: passphraseSchema });

export const duplicateCheckInput = z.strictObject({
  familyName: text(120).min(1),
  givenNames: text(160).default(''),
  birthDate: partialDateSchema.nullable().default(null),
  excludeId: id.optional(),
});

export const searchInput = z.strictObject({
  query: text(200).min(1),
  limit: z.int().min(1).max(100).default(20),
});

export const CLIENT_SORTS = ['name', 'birthDate', 'statusExpiry', 'updated'] as const;
export const clientListInput = z.strictObject({
  office: z.enum(OFFICES).optional(),
  phase: z.enum(CASE_PHASES).optional(),
  caseManagerId: id.optional(),
  expiringOnly: z.boolean().default(false),
  sort: z.enum(CLIENT_SORTS).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).max(200).default(100),
});

export const householdMemberInput = z.strictObject({
  clientId: id,
  name: text(160).min(1),
  relation: z.enum(HOUSEHOLD_RELATIONS),
  birthYear: z.int().min(1900).max(2100).nullable().default(null),
});

export const residenceStatusInput = z
  .strictObject({
    clientId: id,
    type: z.enum(RESIDENCE_TYPES),
    /** Legal basis, e.g. "§ 25 Abs. 2 AufenthG". */
    legalBasis: optionalText(80),
    validFrom: isoDateSchema.nullable().default(null),
    validUntil: isoDateSchema.nullable().default(null),
  })
  .refine((s) => !s.validFrom || !s.validUntil || s.validFrom <= s.validUntil, { path: ['validUntil'], message: 'before_from' });

export const documentUploadInput = z.strictObject({
  clientId: id,
  caseId: id.optional(),
  fileName: text(200).min(1),
  mimeType: z.enum(DOCUMENT_MIME_TYPES),
  category: z.enum(DOCUMENT_CATEGORIES),
  /** Base64 of the file; the size limit is checked on the decoded bytes. */
  contentBase64: z.string().max(Math.ceil((20 * 1024 * 1024 * 4) / 3) + 8),
});

export const caseOpenInput = z.strictObject({
  clientId: id,
  caseManagerId: id.optional(),
  rechtskreise: z.array(z.enum(RECHTSKREISE)).max(RECHTSKREISE.length).default([]),
  openedOn: isoDateSchema.optional(),
});

export const casePhaseInput = z.strictObject({ id, version: z.int().min(1), phase: z.enum(CASE_PHASES), on: isoDateSchema.optional() });

export const assessmentInput = z.strictObject({
  caseId: id,
  area: z.enum(LIFE_AREAS),
  need: z.enum(NEED_LEVELS),
  note: optionalText(2000),
});

export const goalInput = z.strictObject({
  caseId: id,
  area: z.enum(LIFE_AREAS),
  title: text(300).min(1),
});
export const goalStatusInput = z.strictObject({ id, status: z.enum(GOAL_STATUSES), outcomeNote: optionalText(2000) });

export const measureInput = z.strictObject({
  goalId: id,
  title: text(300).min(1),
  owner: text(160).min(1),
  dueDate: isoDateSchema.nullable().default(null),
});
export const measureStatusInput = z.strictObject({ id, status: z.enum(MEASURE_STATUSES) });

export const noteInput = z.strictObject({
  caseId: id,
  occurredOn: isoDateSchema,
  kind: z.enum(NOTE_KINDS),
  participants: optionalText(300),
  text: text(20_000).min(1),
  internal: z.boolean().default(false),
});

export const followUpInput = z.strictObject({
  caseId: id,
  title: text(300).min(1),
  dueDate: isoDateSchema,
  assigneeId: id.optional(),
});

export const caseCloseInput = z.strictObject({
  id,
  version: z.int().min(1),
  reason: z.enum(CLOSURE_REASONS),
  closedOn: isoDateSchema.optional(),
  summary: optionalText(4000),
  /** Final status of every open goal. */
  goalOutcomes: z.array(z.strictObject({ goalId: id, status: z.enum(GOAL_STATUSES), outcomeNote: optionalText(2000) })).default([]),
});
