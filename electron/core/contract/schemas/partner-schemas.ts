import { z } from 'zod';
import { RECHTSKREISE } from '../case-domain';
import { OFFICES } from '../offices';
import { PARTNER_KINDS, PARTNER_SERVICES } from '../partner-domain';

/** Input schemas of the partner directory (pure zod, shared with the renderer's forms). */

const text = (max: number) => z.string().trim().max(max);
/** Optional free text: missing, null or blank all mean "none" (stored as null). */
const optionalText = (max: number) => text(max).nullable().optional().transform((v) => (v ? v : null));
const languageCode = z.string().regex(/^[a-z]{2,3}$/);
const phone = z.string().trim().regex(/^[+0-9 ()/-]{5,30}$/);
const optionalPhone = z.union([z.literal('').transform(() => null), phone]).nullable().optional().transform((v) => v ?? null);
const optionalEmail = z.union([z.literal('').transform(() => null), z.email().max(160)]).nullable().optional().transform((v) => v ?? null);

/** An organisation's fields as Koordination enters them (or a case manager proposes them). */
export const partnerFieldsSchema = z.strictObject({
  name: text(160).min(2),
  kind: z.enum(PARTNER_KINDS),
  rechtskreise: z.array(z.enum(RECHTSKREISE)).max(RECHTSKREISE.length).default([]),
  street: optionalText(160),
  postalCode: z.union([z.literal('').transform(() => null), z.string().regex(/^\d{5}$/)]).nullable().optional().transform((v) => v ?? null),
  city: optionalText(80),
  openingHours: optionalText(500),
  phone: optionalPhone,
  email: optionalEmail,
  languages: z.array(languageCode).max(20).default([]),
  services: z.array(z.enum(PARTNER_SERVICES)).max(PARTNER_SERVICES.length).default([]),
  /** Our offices that work with this partner ("which office works with whom"). */
  offices: z.array(z.enum(OFFICES)).max(OFFICES.length).default([]),
  notes: optionalText(1000),
});

export const partnerSaveInput = partnerFieldsSchema.extend({
  /** Absent for a new partner. */
  id: z.uuid().optional(),
  /** The version the editor started from (for an existing partner): a concurrent edit is refused, not overwritten. */
  version: z.int().min(1).optional(),
}).refine((p) => !p.id || p.version !== undefined, { path: ['version'], message: 'required' });

export const partnerSearchInput = z.strictObject({
  query: text(100).optional().transform((v) => v || undefined),
  /** Every listed service must be offered. */
  services: z.array(z.enum(PARTNER_SERVICES)).max(PARTNER_SERVICES.length).default([]),
  language: languageCode.optional(),
  office: z.enum(OFFICES).optional(),
  kind: z.enum(PARTNER_KINDS).optional(),
  includeArchived: z.boolean().default(false),
});

export const partnerIdInput = z.strictObject({ id: z.uuid() });

export const partnerArchiveInput = z.strictObject({ id: z.uuid(), version: z.int().min(1), archived: z.boolean() });

/** A contact person: minimal fields (name, function, how to reach them), nothing else about the person. */
export const contactFieldsSchema = z.strictObject({
  name: text(120).min(2),
  function: optionalText(120),
  phone: optionalPhone,
  email: optionalEmail,
});

export const contactSaveInput = contactFieldsSchema.extend({
  partnerId: z.uuid(),
  /** Absent for a new contact person. */
  id: z.uuid().optional(),
});

export const contactRemoveInput = z.strictObject({ id: z.uuid() });

/** A proposed change: a partner's fields (new or changed partner), or a contact person of an existing partner. */
export const proposalInput = z.discriminatedUnion('target', [
  z.strictObject({
    target: z.literal('partner'),
    partnerId: z.uuid().nullable().default(null),
    partner: partnerFieldsSchema,
    comment: optionalText(1000),
  }),
  z.strictObject({
    target: z.literal('contact'),
    partnerId: z.uuid(),
    contactId: z.uuid().nullable().default(null),
    contact: contactFieldsSchema,
    comment: optionalText(1000),
  }),
]);

export const proposalListInput = z.strictObject({ status: z.enum(['open', 'decided', 'all']).default('open') });

export const proposalDecideInput = z.strictObject({
  id: z.uuid(),
  accept: z.boolean(),
  note: optionalText(500),
});
