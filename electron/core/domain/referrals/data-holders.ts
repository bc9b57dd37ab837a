import type { EntityManager } from 'typeorm';
import { DATA_CATEGORIES, type DataCategory } from '../../contract/data-categories';
import type { DataHolderView } from '../../contract/types/referral-types';
import { consentStatus } from '../consent/consent-service';

interface ConsentRow {
  id: string;
  partner_ids: string;
  categories: string;
  valid_from: string;
  valid_until: string | null;
  revoked_on: string | null;
}

interface ReferralRow {
  id: string;
  partner_id: string;
  categories: string;
  sent_on: string;
}

/**
 * Which directory partners hold (or may receive) which data of a person: consents that name them (in force or
 * not, flagged) and referrals sent to them. Partners ordered by name; categories in vocabulary order; sources
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
  const byPartner = new Map<string, DataHolderView['sources']>();
  const add = (partnerId: string, source: DataHolderView['sources'][number]) => byPartner.set(partnerId, [...(byPartner.get(partnerId) ?? []), source]);
  for (const c of consents) {
    const active = consentStatus({ revokedOn: c.revoked_on, validFrom: c.valid_from, validUntil: c.valid_until }, today) === 'active';
    const categories = JSON.parse(c.categories) as DataCategory[];
    for (const p of JSON.parse(c.partner_ids) as string[]) add(p, { kind: 'consent', id: c.id, on: c.valid_from, categories, active });
  }
  for (const r of referrals) add(r.partner_id, { kind: 'referral', id: r.id, on: r.sent_on, categories: JSON.parse(r.categories) as DataCategory[], active: true });
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
