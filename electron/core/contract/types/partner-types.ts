import type { ConflictSide } from './network-types';
import type { Rechtskreis } from '../case-domain';
import type { Office } from '../offices';
import type { PartnerKind, PartnerService, ProposalStatus } from '../partner-domain';

/** A partner organisation as lists show it: no contact persons. */
export interface PartnerSummary {
  id: string;
  name: string;
  kind: PartnerKind;
  rechtskreise: Rechtskreis[];
  city: string | null;
  languages: string[];
  services: PartnerService[];
  offices: Office[];
  archived: boolean;
  version: number;
}

export interface PartnerContactView {
  id: string;
  partnerId: string;
  name: string;
  function: string | null;
  phone: string | null;
  email: string | null;
}

export interface PartnerDetail extends PartnerSummary {
  street: string | null;
  postalCode: string | null;
  openingHours: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  contacts: PartnerContactView[];
  updatedAt: string;
}

/** The fields a partner proposal carries (same as partners.save without id and version). */
export interface PartnerFields {
  name: string;
  kind: PartnerKind;
  rechtskreise: Rechtskreis[];
  street: string | null;
  postalCode: string | null;
  city: string | null;
  openingHours: string | null;
  phone: string | null;
  email: string | null;
  languages: string[];
  services: PartnerService[];
  offices: Office[];
  notes: string | null;
}

export interface ContactFields {
  name: string;
  function: string | null;
  phone: string | null;
  email: string | null;
}

/** A proposed change with who proposed it, when, and how it was decided. */
export interface PartnerProposalView {
  id: string;
  target: 'partner' | 'contact';
  partnerId: string | null;
  /** The partner's name now (or the proposed name of a new partner). */
  partnerName: string;
  contactId: string | null;
  partner: PartnerFields | null;
  contact: ContactFields | null;
  comment: string | null;
  proposedByName: string;
  proposedAt: string;
  status: ProposalStatus;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

/**
 * Koordination on two workstations changed the same field of the directory without seeing each other's change:
 * the value in force (winner) and the other, for Koordination to keep one.
 */
export interface DirectoryConflictView {
  id: string;
  /** partner, partner_contact or partner_proposal */
  entity: string;
  entityId: string;
  partnerId: string | null;
  partnerName: string | null;
  /** The field's name (e.g. phone, openingHours, languages). */
  field: string;
  winner: ConflictSide;
  other: ConflictSide;
  detectedAt: string;
}
