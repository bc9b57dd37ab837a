import type { EntityManager } from 'typeorm';
import { DATA_CATEGORIES, type DataCategory } from '../../contract/data-categories';
import type { DataHolderView } from '../../contract/types/referral-types';
import { consentStatus } from '../consent/consent-service';
import { berlinDate } from '../../contract/dates';

interface ConsentRow {
  id: string;
  partner_ids: string;
  categories: string;
  valid_from: string;
  valid_until: string | null;
  revoked_on: string | null;
}

interface MinutesRow {
  conference_id: string;
  at: string;
  fields: string | null;
}

interface ReferralRow {
  id: string;
  partner_id: string;
  categories: string;
  sent_on: string;
}

/**
 * Which directory partners hold (or may receive) which data of a person: consents that name them (in force or
 * not, flagged), referrals sent to them, and conference minutes printed for them (the print's audit entry is the
 * record of that hand-over: it names the recipient and the categories printed). Partners ordered by name; categories in vocabulary order; sources
 * newest first. Only categories a source in force or a sent referral names count for the partner's summary.
 */
export async function dataHolders(m: EntityManager, clientId: string, today: string): Promise<DataHolderView[]> {
  const consents = (await m.query(
    `SELECT id, partner_ids, categories, valid_from, valid_until, revoked_on FROM consent WHERE client_id = ? AND partner_ids <> '[]'`,
    [clientId],
  )) as ConsentRow[];
  const referrals = (await m.query(
    `SELECT id, partner_id, categories, sent_on FROM referral WHERE client_id = ? AND deleted_at IS NULL AND sent_on IS NOT NULL`,
    [clientId],
  )) as ReferralRow[];
  const minutes = (await m.query(
    `SELECT a.entity_id AS conference_id, a.at, a.fields FROM audit_entry a
     WHERE a.action = 'conferences.printMinutes' AND a.outcome = 'ok' AND a.entity = 'case-conference'
       AND a.entity_id IN (SELECT id FROM case_conference WHERE client_id = ?)`,
    [clientId],
  )) as MinutesRow[];
  const byPartner = new Map<string, DataHolderView['sources']>();
  const add = (partnerId: string, source: DataHolderView['sources'][number]) => byPartner.set(partnerId, [...(byPartner.get(partnerId) ?? []), source]);
  for (const c of consents) {
    const active = consentStatus({ revokedOn: c.revoked_on, validFrom: c.valid_from, validUntil: c.valid_until }, today) === 'active';
    const categories = JSON.parse(c.categories) as DataCategory[];
    for (const p of JSON.parse(c.partner_ids) as string[]) add(p, { kind: 'consent', id: c.id, on: c.valid_from, categories, active });
  }
  for (const r of referrals) add(r.partner_id, { kind: 'referral', id: r.id, on: r.sent_on, categories: JSON.parse(r.categories) as DataCategory[], active: true });
  for (const p of minutes) {
    const fields = (p.fields ? JSON.parse(p.fields) : []) as string[];
    const recipient = fields.find((f) => f.startsWith('recipient:'))?.slice('recipient:'.length);
    if (!recipient || recipient === 'own-file') continue;
    const categories = DATA_CATEGORIES.filter((c) => fields.includes(`category:${c}`));
    add(recipient, { kind: 'minutes', id: p.conference_id, on: berlinDate(new Date(p.at)), categories, active: true });
  }
  if (!byPartner.size) return [];
  const ids = [...byPartner.keys()];
  const names = new Map(
    ((await m.query(`SELECT id, name FROM partner WHERE id IN (${ids.map(() => '?').join(',')})`, ids)) as { id: string; name: string }[]).map((p) => [p.id, p.name]),
  );
  return ids
    .map((partnerId) => {
      const sources = byPartner.get(partnerId)!.sort((a, b) => (a.on === b.on ? a.id.localeCompare(b.id) : b.on.localeCompare(a.on)));
      const held = new Set(sources.filter((s) => s.active).flatMap((s) => s.categories));
      return { partnerId, partnerName: names.get(partnerId) ?? '', categories: DATA_CATEGORIES.filter((c) => held.has(c)), sources };
    })
    .sort((a, b) => a.partnerName.localeCompare(b.partnerName, 'de') || a.partnerId.localeCompare(b.partnerId));
}
