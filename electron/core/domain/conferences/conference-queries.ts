import type { EntityManager } from 'typeorm';
import type { LifeArea } from '../../contract/case-domain';
import type { ConferenceActionView, ConferenceParticipantView, ConferenceView } from '../../contract/types/conference-types';
import { AppError } from '../../contract/errors';
import type { ProtectedFields } from '../service-context';
import { conferenceActionPlace, conferenceResultsPlace, conferenceSituationPlace } from '../cases/protected-fields';
import { CaseConferenceEntity, type CaseConference } from './conference-entities';

export async function requireConference(m: EntityManager, id: string): Promise<CaseConference> {
  const found = await m.findOneBy(CaseConferenceEntity, { id });
  if (!found) throw new AppError('record.notFound', { entity: 'conference' });
  return found;
}

const inList = (n: number) => Array.from({ length: n }, () => '?').join(',');

/**
 * An action is done when the measure or Wiedervorlage it became is done: that record is the one source of truth, so
 * marking either side done (here, on the case screen or in "Meine Arbeit") shows on both.
 */
export const ACTION_DONE_SQL = `CASE WHEN a.measure_id IS NOT NULL THEN (SELECT m.status = 'done' FROM measure m WHERE m.id = a.measure_id)
  ELSE (SELECT f.done_at IS NOT NULL FROM follow_up f WHERE f.id = a.follow_up_id) END`;

/**
 * The conferences of a case (newest first), or one conference, in full: protected fields decrypted with the
 * session's keys (blank without a key; the caller's access cuts such categories anyway, see access/redaction.ts).
 */
export async function loadConferences(m: EntityManager, fields: ProtectedFields, where: { caseId: string } | { id: string }): Promise<ConferenceView[]> {
  const reveal = (c: 'health' | 'conversation-notes', v: string, place: string) => (fields.holds(c) ? fields.decrypt(c, v, place) : '');
  const rows = (await m.query(
    `SELECT c.*, a.display_name AS created_by_name FROM case_conference c LEFT JOIN account a ON a.id = c.created_by
     WHERE ${'caseId' in where ? 'c.case_id' : 'c.id'} = ? ORDER BY c.held_on DESC, c.held_at DESC, c.created_at DESC`,
    ['caseId' in where ? where.caseId : where.id],
  )) as Record<string, string | number | null>[];
  if (!rows.length) return [];
  const ids = rows.map((r) => String(r.id));
  const participants = (await m.query(
    `SELECT p.*, pa.name AS partner_name, pc.name AS contact_name, ac.display_name AS staff_name FROM case_conference_participant p
     LEFT JOIN partner pa ON pa.id = p.partner_id LEFT JOIN partner_contact pc ON pc.id = p.contact_id LEFT JOIN account ac ON ac.id = p.account_id
     WHERE p.conference_id IN (${inList(ids.length)}) ORDER BY p.position`,
    ids,
  )) as Record<string, string | number | null>[];
  const situations = (await m.query(`SELECT * FROM case_conference_situation WHERE conference_id IN (${inList(ids.length)})`, ids)) as {
    conference_id: string;
    area: LifeArea;
    text: string;
  }[];
  const actions = (await m.query(
    `SELECT a.*, ${ACTION_DONE_SQL} AS done, ac.display_name AS staff_name, pa.name AS partner_name, r.display_name AS responsible_name
     FROM case_conference_action a LEFT JOIN account ac ON ac.id = a.account_id LEFT JOIN partner pa ON pa.id = a.partner_id
     LEFT JOIN account r ON r.id = a.responsible_id
     WHERE a.conference_id IN (${inList(ids.length)}) ORDER BY a.due_date, a.created_at`,
    ids,
  )) as Record<string, string | number | null>[];
  const str = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));
  return rows.map((c): ConferenceView => {
    const id = String(c.id);
    return {
      id,
      caseId: String(c.case_id),
      clientId: String(c.client_id),
      heldOn: String(c.held_on),
      heldAt: str(c.held_at),
      clientPresent: Boolean(c.client_present),
      participants: participants
        .filter((p) => p.conference_id === id)
        .map(
          (p): ConferenceParticipantView => ({
            id: String(p.id),
            kind: p.kind === 'partner' ? 'partner' : 'staff',
            partnerId: str(p.partner_id),
            contactId: str(p.contact_id),
            accountId: str(p.account_id),
            name: str(p.kind === 'partner' ? p.partner_name : p.staff_name) ?? '',
            contactName: str(p.contact_name),
            role: str(p.role),
          }),
        ),
      interpreter: c.interpreter_language ? { language: String(c.interpreter_language), name: str(c.interpreter_name) } : null,
      consentId: str(c.consent_id),
      situations: situations
        .filter((s) => s.conference_id === id)
        .map((s) => ({ area: s.area, text: s.area === 'health' ? reveal('health', s.text, conferenceSituationPlace(id, s.area)) : s.text })),
      results: c.results === null ? null : reveal('conversation-notes', String(c.results), conferenceResultsPlace(id)),
      actions: actions
        .filter((a) => a.conference_id === id)
        .map(
          (a): ConferenceActionView => ({
            id: String(a.id),
            whoKind: a.who_kind === 'partner' ? 'partner' : 'staff',
            accountId: str(a.account_id),
            partnerId: str(a.partner_id),
            whoName: str(a.who_kind === 'partner' ? a.partner_name : a.staff_name) ?? '',
            what: a.area === 'health' ? reveal('health', String(a.what), conferenceActionPlace(String(a.id))) : String(a.what),
            dueDate: String(a.due_date),
            area: (str(a.area) as LifeArea | null) ?? null,
            goalId: str(a.goal_id),
            measureId: str(a.measure_id),
            followUpId: str(a.follow_up_id),
            responsibleId: String(a.responsible_id),
            responsibleName: str(a.responsible_name) ?? '',
            done: Boolean(a.done),
          }),
        ),
      nextOn: str(c.next_on),
      nextFollowUpId: str(c.next_follow_up_id),
      createdByName: str(c.created_by_name) ?? '',
      createdAt: String(c.created_at),
      version: Number(c.version),
    };
  });
}
