import type { Role } from './offices';

/**
 * Structural findings (Systemhinweise): barriers case managers meet in cases that are not the person's but the
 * system's (no course place with childcare, months of waiting for an ABH appointment, no Jobcenter contact for a
 * language). They carry no personal data and are counted across offices as input for KIM's strategic steering.
 */

/** What kind of barrier a finding names; codes, so findings group whatever each case manager's wording. */
export const BARRIER_KINDS = [
  'no-place',
  'waiting-time',
  'no-contact-person',
  'language-barrier',
  'no-childcare',
  'requirements-documents',
  'digital-access',
  'reachability',
  'information-gap',
  'housing-market',
  'recognition',
  'other',
] as const;
export type BarrierKind = (typeof BARRIER_KINDS)[number];

/** A finding says in which month it was met, never the day: nothing that points to one appointment or person. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Who does what with findings: case managers record what they meet (and see their own), Koordination sees them
 * across offices, counted and grouped, and may withdraw any (e.g. one that names a person after all).
 */
export const FINDING_ROLES = {
  record: ['fallmanagement'],
  /** Their own findings, or (Koordination) everyone's; withdrawing likewise. */
  list: ['fallmanagement', 'koordination'],
  overview: ['koordination'],
} as const satisfies Record<string, readonly Role[]>;
export type FindingPermission = keyof typeof FINDING_ROLES;

export function findingAllows(role: Role, what: FindingPermission): boolean {
  return (FINDING_ROLES[what] as readonly Role[]).includes(role);
}
