import type { EntityManager } from 'typeorm';
import { OFFICES, type Office } from '../../contract/offices';
import type { SubjectRecords } from './subject-records';

/**
 * Where data not collected from the person came from (Art. 15(1)(g) DSGVO): another office whose workstations wrote
 * parts of the file (received by sync), partners' feedback on referrals, what partners contributed to case
 * conferences, and other persons who named the person in their household. Everything else in a file is recorded by
 * the keeping office from the person's own account and documents.
 */
export type SubjectSource =
  | { kind: 'office-sync'; office: Office }
  | { kind: 'referral-feedback'; partnerName: string; state: string }
  | { kind: 'conference'; on: string; partnerNames: string[] }
  | { kind: 'household-mention'; count: number };

/** Referral states that carry the partner's answer. */
const ANSWERED = new Set(['accepted', 'declined', 'done']);

/** The person's rows by sync entity (each read through the clock's primary key: entity, then id). */
const PERSON_ROWS: [entity: string, ids: string][] = [
  ['client', 'SELECT ?'],
  ['residence_status', 'SELECT id FROM residence_status WHERE client_id = ?'],
  ['household_member', 'SELECT id FROM household_member WHERE client_id = ?'],
  ['case', 'SELECT id FROM kim_case WHERE client_id = ?'],
  ['note', 'SELECT id FROM note WHERE client_id = ?'],
  ['document', 'SELECT id FROM document WHERE client_id = ?'],
  ['consent', 'SELECT id FROM consent WHERE client_id = ?'],
];

/** Offices other than the keeping one whose workstations last wrote a field of the person's rows (sync clocks). */
async function writingOffices(m: EntityManager, clientId: string, keeping: string): Promise<Office[]> {
  const parts = PERSON_ROWS.map(([entity, ids]) => `SELECT device FROM sync_clock WHERE entity = '${entity}' AND entity_id IN (${ids})`);
  const rows = (await m.query(
    `SELECT DISTINCT d.office FROM (${parts.join(' UNION ALL ')}) k JOIN sync_device d ON d.device_id = k.device WHERE d.office <> ?`,
    [...PERSON_ROWS.map(() => clientId), keeping],
  )) as { office: Office }[];
  const found = new Set(rows.map((r) => r.office));
  return OFFICES.filter((o) => found.has(o));
}

export async function subjectSources(m: EntityManager, records: SubjectRecords): Promise<SubjectSource[]> {
  const out: SubjectSource[] = (await writingOffices(m, records.client.id, records.client.office)).map((office) => ({ kind: 'office-sync', office }));
  for (const r of records.referrals) {
    // A decline by the client is the person's own statement, not the partner's.
    if (ANSWERED.has(r.state) && !(r.state === 'declined' && r.declinedBy === 'client')) out.push({ kind: 'referral-feedback', partnerName: r.partnerName, state: r.state });
  }
  for (const c of records.conferences) {
    const partners = (c.participants ?? []).filter((p) => p.kind === 'partner').map((p) => p.name);
    if (partners.length) out.push({ kind: 'conference', on: c.heldOn, partnerNames: partners });
  }
  if (records.mentions.length) out.push({ kind: 'household-mention', count: records.mentions.length });
  return out;
}
