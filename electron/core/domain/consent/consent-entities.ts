import { EntitySchema } from 'typeorm';

/**
 * A consent as the client gave it: parties (our offices by code, external agencies by name), categories, purpose,
 * validity, form (written with the signed form attached, or oral with a record of how), and its revocation.
 * Lists are JSON text; `consent_grant` holds the office × category pairs that access checks read.
 */
export interface Consent {
  id: string;
  clientId: string;
  /** The office that keeps the client file and recorded the consent. */
  office: string;
  parties: string;
  agencies: string;
  /** Directory partners the consent names (JSON array of partner ids). */
  partnerIds: string;
  categories: string;
  purpose: string;
  validFrom: string;
  validUntil: string | null;
  form: string;
  documentId: string | null;
  oralRecord: string | null;
  recordedBy: string;
  revokedOn: string | null;
  revocationForm: string | null;
  revocationNote: string | null;
  revokedBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const ConsentEntity = new EntitySchema<Consent>({
  name: 'Consent',
  tableName: 'consent',
  columns: {
    id: { type: 'text', primary: true },
    clientId: { type: 'text', name: 'client_id' },
    office: { type: 'text' },
    parties: { type: 'text' },
    agencies: { type: 'text' },
    partnerIds: { type: 'text', name: 'partner_ids' },
    categories: { type: 'text' },
    purpose: { type: 'text' },
    validFrom: { type: 'text', name: 'valid_from' },
    validUntil: { type: 'text', name: 'valid_until', nullable: true },
    form: { type: 'text' },
    documentId: { type: 'text', name: 'document_id', nullable: true },
    oralRecord: { type: 'text', name: 'oral_record', nullable: true },
    recordedBy: { type: 'text', name: 'recorded_by' },
    revokedOn: { type: 'text', name: 'revoked_on', nullable: true },
    revocationForm: { type: 'text', name: 'revocation_form', nullable: true },
    revocationNote: { type: 'text', name: 'revocation_note', nullable: true },
    revokedBy: { type: 'text', name: 'revoked_by', nullable: true },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
    version: { type: 'integer' },
  },
});

/** One office × category pair a consent opens; the index (party, category, client_id) serves every access check. */
export interface ConsentGrant {
  consentId: string;
  party: string;
  category: string;
  clientId: string;
}

export const ConsentGrantEntity = new EntitySchema<ConsentGrant>({
  name: 'ConsentGrant',
  tableName: 'consent_grant',
  columns: {
    consentId: { type: 'text', name: 'consent_id', primary: true },
    party: { type: 'text', primary: true },
    category: { type: 'text', primary: true },
    clientId: { type: 'text', name: 'client_id' },
  },
});
