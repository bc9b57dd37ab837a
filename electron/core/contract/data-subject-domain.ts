import type { Role } from './offices';

/**
 * Data-subject rights (Art. 15 DSGVO, issue 12 item 3): the report of everything stored about one person, who
 * received it and who saw it. Written at the person's request by the case manager or by the data protection officer
 * of the office that keeps the file.
 *
 * Datenschutz sees no client data anywhere else (ROLE_CATEGORIES in data-categories.ts leaves it out: separation of
 * duties). Answering an Art. 15 request is the one task the DSGVO gives exactly that role (Art. 38, 39), so this is
 * a deliberate, narrow exception: only the report and its preview, only for files its own office keeps, each call
 * audited under the person's file. Category-protected contents (Gesundheit, Gesprächsnotizen) stay encrypted under
 * keys Datenschutz does not hold; its report lists those records and says the case management adds their text.
 */
export const DATA_SUBJECT_ROLES: readonly Role[] = ['fallmanagement', 'datenschutz'];

export function dataSubjectAllows(role: Role): boolean {
  return DATA_SUBJECT_ROLES.includes(role);
}
