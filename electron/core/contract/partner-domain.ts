import type { Role } from './offices';

/** The partner directory (Netzwerkpartner): vocabularies shared by core, the UI and its filters. */

/** What kind of organisation a partner is. */
export const PARTNER_KINDS = [
  'jobcenter',
  'sozialamt',
  'jugendamt',
  'auslaenderbehoerde',
  'agentur-fuer-arbeit',
  'migrationsberatung',
  'sprachkurstraeger',
  'wohlfahrtsverband',
  'ehrenamt',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/**
 * Offers (Angebote) a partner provides; codes, so a search for "Integrationskurs mit Kinderbetreuung" finds every
 * partner that entered it, whatever its own wording. Labels live in i18n.
 */
export const PARTNER_SERVICES = [
  'integration-course',
  'childcare-during-course',
  'language-course-job',
  'migration-counselling-adults',
  'youth-migration-service',
  'asylum-counselling',
  'social-counselling',
  'job-placement',
  'benefits',
  'housing',
  'health-counselling',
  'psychosocial-support',
  'family-support',
  'recognition-of-qualifications',
  'legal-advice',
  'interpreting',
  'volunteer-mentoring',
  'women-counselling',
  'other',
] as const;
export type PartnerService = (typeof PARTNER_SERVICES)[number];

/** Proposal states: a proposal is decided once. */
export const PROPOSAL_STATUSES = ['open', 'accepted', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * Who may do what in the directory. It is no client data, but contact persons are personal data, so only roles
 * that work with partners see it: case managers, back office and ABH read it (they refer clients and call
 * contacts); Koordination keeps it (the KI/steering posts own the network); case managers, who meet outdated entries
 * first, propose changes. IT administers machines and Datenschutz checks the trail: neither needs contact persons.
 */
export const DIRECTORY_ROLES = {
  read: ['fallmanagement', 'verwaltung', 'abh', 'koordination'],
  edit: ['koordination'],
  propose: ['fallmanagement'],
  /** Koordination sees every proposal; a case manager sees the ones they made. */
  proposals: ['koordination', 'fallmanagement'],
} as const satisfies Record<string, readonly Role[]>;
export type DirectoryPermission = keyof typeof DIRECTORY_ROLES;

/** Whether `role` may do `what` in the directory (core's gate and the UI's buttons read the same table). */
export function directoryAllows(role: Role, what: DirectoryPermission): boolean {
  return (DIRECTORY_ROLES[what] as readonly Role[]).includes(role);
}
