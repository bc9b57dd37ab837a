import { EntitySchema } from 'typeorm';

/** A partner organisation of the directory; list fields are JSON arrays of codes (see migration 0012). */
export interface Partner {
  id: string;
  name: string;
  kind: string;
  rechtskreise: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  openingHours: string | null;
  phone: string | null;
  email: string | null;
  languages: string;
  services: string;
  offices: string;
  notes: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const PartnerEntity = new EntitySchema<Partner>({
  name: 'Partner',
  tableName: 'partner',
  columns: {
    id: { type: 'text', primary: true },
    name: { type: 'text' },
    kind: { type: 'text' },
    rechtskreise: { type: 'text' },
    street: { type: 'text', nullable: true },
    postalCode: { type: 'text', name: 'postal_code', nullable: true },
    city: { type: 'text', nullable: true },
    openingHours: { type: 'text', name: 'opening_hours', nullable: true },
    phone: { type: 'text', nullable: true },
    email: { type: 'text', nullable: true },
    languages: { type: 'text' },
    services: { type: 'text' },
    offices: { type: 'text' },
    notes: { type: 'text', nullable: true },
    archivedAt: { type: 'text', name: 'archived_at', nullable: true },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
    version: { type: 'integer' },
  },
});

/** A contact person at a partner: personal data, kept to name, function and reachability. */
export interface PartnerContact {
  id: string;
  partnerId: string;
  name: string;
  function: string | null;
  phone: string | null;
  email: string | null;
  createdAt: string;
  updatedAt: string;
}

export const PartnerContactEntity = new EntitySchema<PartnerContact>({
  name: 'PartnerContact',
  tableName: 'partner_contact',
  columns: {
    id: { type: 'text', primary: true },
    partnerId: { type: 'text', name: 'partner_id' },
    name: { type: 'text' },
    function: { type: 'text', nullable: true },
    phone: { type: 'text', nullable: true },
    email: { type: 'text', nullable: true },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
});

/** A change a case manager proposed; `payload` holds the proposed fields as JSON. */
export interface PartnerProposal {
  id: string;
  target: string;
  partnerId: string | null;
  contactId: string | null;
  payload: string;
  /** The record's fields when the proposal was made (null for a new partner or contact). */
  base: string | null;
  comment: string | null;
  proposedBy: string;
  proposedAt: string;
  status: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export const PartnerProposalEntity = new EntitySchema<PartnerProposal>({
  name: 'PartnerProposal',
  tableName: 'partner_proposal',
  columns: {
    id: { type: 'text', primary: true },
    target: { type: 'text' },
    partnerId: { type: 'text', name: 'partner_id', nullable: true },
    contactId: { type: 'text', name: 'contact_id', nullable: true },
    payload: { type: 'text' },
    base: { type: 'text', nullable: true },
    comment: { type: 'text', nullable: true },
    proposedBy: { type: 'text', name: 'proposed_by' },
    proposedAt: { type: 'text', name: 'proposed_at' },
    status: { type: 'text' },
    decidedBy: { type: 'text', name: 'decided_by', nullable: true },
    decidedAt: { type: 'text', name: 'decided_at', nullable: true },
    decisionNote: { type: 'text', name: 'decision_note', nullable: true },
  },
});
