import { z } from 'zod';
import { CONSENT_FORMS, CONSENT_PARTY_OFFICES, DATA_CATEGORIES } from '../data-categories';
import { isoDateSchema } from './client-schemas';
import { CONSENT_FORM_LANGUAGES } from '../types/print-types';

/** Input schemas of consents (pure zod, shared with the renderer's forms). */

const partyOffice = z.enum(CONSENT_PARTY_OFFICES as [string, ...string[]]);

export const consentAddInput = z
  .strictObject({
    clientId: z.uuid(),
    /** Our offices (incl. the ABH) that may receive the categories. */
    parties: z.array(partyOffice).max(CONSENT_PARTY_OFFICES.length).default([]),
    /** External agencies by name (Jobcenter, Sozialamt, …), documented for referrals and case conferences. */
    agencies: z.array(z.string().trim().min(2).max(120)).max(12).default([]),
    /** Partners of the directory, named specifically (what a referral to them relies on). */
    partnerIds: z.array(z.uuid()).max(24).default([]),
    categories: z.array(z.enum(DATA_CATEGORIES)).min(1).max(DATA_CATEGORIES.length),
    purpose: z.string().trim().min(3).max(500),
    validFrom: isoDateSchema,
    validUntil: isoDateSchema.nullable().default(null),
    form: z.enum(CONSENT_FORMS),
    /** The signed form (a document of the client, category "consent"); required for written consent. */
    documentId: z.uuid().nullable().default(null),
    /** How an oral consent was given and documented (who, where, interpreter); required for oral consent. */
    oralRecord: z.string().trim().max(1000).nullable().default(null),
  })
  .refine((c) => c.parties.length + c.agencies.length + c.partnerIds.length > 0, { path: ['parties'], message: 'no_party' })
  .refine((c) => !c.validUntil || c.validFrom <= c.validUntil, { path: ['validUntil'], message: 'before_from' })
  .refine((c) => c.form !== 'written' || c.documentId !== null, { path: ['documentId'], message: 'required' })
  .refine((c) => c.form !== 'oral' || (c.oralRecord ?? '').length >= 3, { path: ['oralRecord'], message: 'required' });

export const consentRevokeInput = z.strictObject({
  id: z.uuid(),
  version: z.int().min(1),
  /** When the client revoked (today or earlier); access ends with the call either way. */
  revokedOn: isoDateSchema,
  form: z.enum(CONSENT_FORMS),
  note: z.string().trim().max(1000).nullable().default(null),
});

export const consentPrintInput = z.strictObject({
  consentId: z.uuid(),
  /** 'de': German only; otherwise German with the translation side by side. */
  language: z.enum(['de', ...CONSENT_FORM_LANGUAGES]),
  /**
   * Whether the recipients may in turn inform the releasing office (gegenseitige Entbindung). The consent record
   * does not hold this, so it is a print option that the form states in words and the audit entry records.
   */
  mutual: z.boolean(),
});
