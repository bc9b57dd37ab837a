import { EntitySchema } from 'typeorm';

/** A client (Klient:in). List-like fields are JSON text; the current residence status is denormalised for lists. */
export interface Client {
  id: string;
  office: string;
  familyName: string;
  givenNames: string;
  alternativeNames: string;
  birthDate: string | null;
  birthDatePlaceholder: boolean;
  gender: string;
  nationalities: string;
  languages: string;
  arrivalDate: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  /** Sort key: folded "family given". */
  sortName: string;
  currentStatusType: string | null;
  currentStatusBasis: string | null;
  currentStatusUntil: string | null;
  /** Phase and manager of the current case (open, else latest), copied here for fast list filters. */
  casePhase: string | null;
  caseManagerId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const ClientEntity = new EntitySchema<Client>({
  name: 'Client',
  tableName: 'client',
  columns: {
    id: { type: 'text', primary: true },
    office: { type: 'text' },
    familyName: { type: 'text', name: 'family_name' },
    givenNames: { type: 'text', name: 'given_names' },
    alternativeNames: { type: 'text', name: 'alternative_names' },
    birthDate: { type: 'text', name: 'birth_date', nullable: true },
    birthDatePlaceholder: { type: 'boolean', name: 'birth_date_placeholder' },
    gender: { type: 'text' },
    nationalities: { type: 'text' },
    languages: { type: 'text' },
    arrivalDate: { type: 'text', name: 'arrival_date', nullable: true },
    street: { type: 'text', nullable: true },
    postalCode: { type: 'text', name: 'postal_code', nullable: true },
    city: { type: 'text', nullable: true },
    phone: { type: 'text', nullable: true },
    email: { type: 'text', nullable: true },
    sortName: { type: 'text', name: 'sort_name' },
    currentStatusType: { type: 'text', name: 'current_status_type', nullable: true },
    currentStatusBasis: { type: 'text', name: 'current_status_basis', nullable: true },
    currentStatusUntil: { type: 'text', name: 'current_status_until', nullable: true },
    casePhase: { type: 'text', name: 'case_phase', nullable: true },
    caseManagerId: { type: 'text', name: 'case_manager_id', nullable: true },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
    version: { type: 'integer' },
  },
});

/** Search keys of a client's names: folded tokens and consonant skeletons (see name-normalisation.ts). */
export interface ClientNameKey {
  clientId: string;
  key: string;
}

export const ClientNameKeyEntity = new EntitySchema<ClientNameKey>({
  name: 'ClientNameKey',
  tableName: 'client_name_key',
  columns: {
    key: { type: 'text', primary: true },
    clientId: { type: 'text', name: 'client_id', primary: true },
  },
});

export interface HouseholdMember {
  id: string;
  clientId: string;
  name: string;
  relation: string;
  birthYear: number | null;
  createdAt: string;
}

export const HouseholdMemberEntity = new EntitySchema<HouseholdMember>({
  name: 'HouseholdMember',
  tableName: 'household_member',
  columns: {
    id: { type: 'text', primary: true },
    clientId: { type: 'text', name: 'client_id' },
    name: { type: 'text' },
    relation: { type: 'text' },
    birthYear: { type: 'integer', name: 'birth_year', nullable: true },
    createdAt: { type: 'text', name: 'created_at' },
  },
});

export interface ResidenceStatus {
  id: string;
  clientId: string;
  type: string;
  legalBasis: string | null;
  validFrom: string | null;
  validUntil: string | null;
  createdAt: string;
}

export const ResidenceStatusEntity = new EntitySchema<ResidenceStatus>({
  name: 'ResidenceStatus',
  tableName: 'residence_status',
  columns: {
    id: { type: 'text', primary: true },
    clientId: { type: 'text', name: 'client_id' },
    type: { type: 'text' },
    legalBasis: { type: 'text', name: 'legal_basis', nullable: true },
    validFrom: { type: 'text', name: 'valid_from', nullable: true },
    validUntil: { type: 'text', name: 'valid_until', nullable: true },
    createdAt: { type: 'text', name: 'created_at' },
  },
});
