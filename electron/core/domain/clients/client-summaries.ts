import type { EntityManager } from 'typeorm';
import type { ClientSummary, CurrentResidence } from '../../contract/types/client-types';
import type { CasePhase, ResidenceType } from '../../contract/case-domain';
import { EXPIRY_WARNING_DAYS } from '../../contract/case-domain';
import type { Office } from '../../contract/offices';
import { daysBetween } from '../../contract/dates';

/** The columns every client list needs: the client, its open case and that case's manager, in one query. */
export const SUMMARY_SELECT = `
  SELECT c.id, c.office, c.family_name, c.given_names, c.birth_date, c.birth_date_placeholder, c.nationalities,
         c.current_status_type, c.current_status_basis, c.current_status_until, c.updated_at,
         k.id AS case_id, k.phase AS case_phase, k.case_manager_id, a.display_name AS case_manager_name
  FROM client c
  LEFT JOIN kim_case k ON k.client_id = c.id AND k.closed_on IS NULL
  LEFT JOIN account a ON a.id = k.case_manager_id`;

export interface SummaryRow {
  id: string;
  office: string;
  family_name: string;
  given_names: string;
  birth_date: string | null;
  birth_date_placeholder: number;
  nationalities: string;
  current_status_type: string | null;
  current_status_basis: string | null;
  current_status_until: string | null;
  updated_at: string;
  case_id: string | null;
  case_phase: string | null;
  case_manager_id: string | null;
  case_manager_name: string | null;
}

export function currentResidence(
  type: string | null,
  basis: string | null,
  until: string | null,
  today: string,
): CurrentResidence | null {
  if (!type) return null;
  const daysLeft = until ? daysBetween(today, until) : null;
  return {
    type: type as ResidenceType,
    legalBasis: basis,
    validUntil: until,
    daysLeft,
    expiringSoon: daysLeft !== null && daysLeft <= EXPIRY_WARNING_DAYS,
  };
}

export function toSummary(r: SummaryRow, today: string): ClientSummary {
  return {
    id: r.id,
    office: r.office as Office,
    familyName: r.family_name,
    givenNames: r.given_names,
    birthDate: r.birth_date,
    birthDatePlaceholder: Boolean(r.birth_date_placeholder),
    nationalities: JSON.parse(r.nationalities) as string[],
    currentResidence: currentResidence(r.current_status_type, r.current_status_basis, r.current_status_until, today),
    openCase: r.case_id
      ? { id: r.case_id, phase: r.case_phase as CasePhase, caseManagerId: r.case_manager_id!, caseManagerName: r.case_manager_name ?? '' }
      : null,
    updatedAt: r.updated_at,
  };
}

/** Summaries for the given ids, in the given order. */
export async function loadSummaries(m: EntityManager, ids: string[], today: string): Promise<ClientSummary[]> {
  if (ids.length === 0) return [];
  const rows = (await m.query(`${SUMMARY_SELECT} WHERE c.id IN (${ids.map(() => '?').join(',')})`, ids)) as SummaryRow[];
  const byId = new Map(rows.map((r) => [r.id, toSummary(r, today)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
