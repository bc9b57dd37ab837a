import type { DocumentCategory, LifeArea } from './case-domain';
import type { Office, Role } from './offices';

/**
 * Data categories of a client file: the unit of consent (Einwilligung / Schweigepflichtentbindung) and of field
 * visibility. Pure vocabulary, shared by core and renderer.
 */
export const DATA_CATEGORIES = ['master', 'residence', 'health', 'family', 'work-education', 'finances', 'conversation-notes'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/**
 * Categories that hold special categories of personal data (Art. 9 DSGVO): a consent to share them must name them
 * explicitly (Art. 9 Abs. 2 lit. a), so the printed consent form lists them apart.
 */
export const ART9_CATEGORIES = ['health'] as const satisfies readonly DataCategory[];

/** Who can be named in a consent: our offices (incl. the ABH) by office; external agencies by name only. */
export const CONSENT_PARTY_OFFICES: readonly Office[] = ['lunen', 'werne', 'selm', 'abh-lunen'];

export const CONSENT_FORMS = ['written', 'oral'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

/** Consents ending within this many days are flagged on the client screen. */
export const CONSENT_EXPIRY_WARNING_DAYS = 28;

/**
 * What each role may see of a client file it has access to at all (the role's own field visibility; consent narrows
 * it further for other offices). Roles missing here see no client data (separation of duties: IT-Admin,
 * Datenschutz, Koordination).
 */
export const ROLE_CATEGORIES: Partial<Record<Role, readonly DataCategory[]>> = {
  fallmanagement: DATA_CATEGORIES,
  // Back office keeps master data, status, family, work and benefits; health and conversation notes are not theirs.
  verwaltung: ['master', 'residence', 'family', 'work-education', 'finances'],
  // The ABH sees only what a consent names (and never writes); its ceiling is every category.
  abh: DATA_CATEGORIES,
};

/**
 * Categories whose fields are encrypted once more, under a category key that only accounts whose role may read the
 * category hold (see platform/vault/field-cipher.ts): a colleague of another role who copies the vault folder holds
 * the database key but not these.
 */
export const KEY_PROTECTED_CATEGORIES = ['health', 'conversation-notes'] as const satisfies readonly DataCategory[];
export type KeyProtectedCategory = (typeof KEY_PROTECTED_CATEGORIES)[number];

/** Whether accounts of `role` hold the key of a protected category (their role may read it somewhere). */
export function roleHoldsCategoryKey(role: Role, category: KeyProtectedCategory): boolean {
  return (ROLE_CATEGORIES[role] ?? []).includes(category);
}

/** The protected categories `role` reads whose key the account does not hold (yet): what it waits for. */
export function awaitedCategoryKeys(role: Role, holds: (category: KeyProtectedCategory) => boolean): KeyProtectedCategory[] {
  return KEY_PROTECTED_CATEGORIES.filter((c) => roleHoldsCategoryKey(role, c) && !holds(c));
}

/** Roles that keep client files of their own office (create and change them). */
export const OWNER_ROLES: readonly Role[] = ['fallmanagement', 'verwaltung'];

/** The office an account of this role belongs to: ABH clerks are always the Ausländerbehörde Lünen. */
export function officeForRole(role: Role, workstationOffice: Office): Office {
  if (role === 'abh') return 'abh-lunen';
  return workstationOffice === 'abh-lunen' ? 'lunen' : workstationOffice;
}

/** Which category a document belongs to; null: uncategorised, it stays within the owning office. */
export const DOCUMENT_DATA_CATEGORY: Record<DocumentCategory, DataCategory | null> = {
  identity: 'master',
  residence: 'residence',
  certificate: 'work-education',
  application: 'finances',
  notice: 'finances',
  medical: 'health',
  consent: 'master',
  other: null,
};

/** Which category an assessment area or goal belongs to. */
export const LIFE_AREA_DATA_CATEGORY: Record<LifeArea, DataCategory> = {
  language: 'work-education',
  work: 'work-education',
  education: 'work-education',
  housing: 'master',
  health: 'health',
  residence: 'residence',
  family: 'family',
  finances: 'finances',
};
