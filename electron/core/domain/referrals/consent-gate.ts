import type { EntityManager } from 'typeorm';
import { DATA_CATEGORIES, type DataCategory } from '../../contract/data-categories';
import type { ConsentGap } from '../../contract/referral-domain';

/** A consent as the gate reads it. */
export interface GateConsent {
  id: string;
  partnerIds: readonly string[];
  categories: readonly DataCategory[];
  validFrom: string;
  validUntil: string | null;
  revokedOn: string | null;
}

export type GateResult = { ok: true; consentIds: string[] } | { ok: false; gap: ConsentGap };

function statusOf(c: GateConsent, today: string): 'active' | 'revoked' | 'expired' | 'pending' {
  if (c.revokedOn) return 'revoked';
  if (c.validFrom > today) return 'pending';
  if (c.validUntil !== null && c.validUntil < today) return 'expired';
  return 'active';
}

/**
 * Whether a referral to `partnerId` may carry `categories` today: every category must be named for that partner by a
 * consent in force (given, not ended, not revoked). Passes with the consents it relies on (those in force naming the
 * partner for a sent category, in the given order); fails naming exactly what is missing, in category order.
 */
export function checkConsentGate(consents: readonly GateConsent[], partnerId: string, categories: readonly DataCategory[], today: string): GateResult {
  const naming = consents.filter((c) => c.partnerIds.includes(partnerId));
  const active = naming.filter((c) => statusOf(c, today) === 'active');
  const wanted = new Set(categories);
  const covered = new Set(active.flatMap((c) => c.categories.filter((k) => wanted.has(k))));
  const missing = DATA_CATEGORIES.filter((k) => wanted.has(k) && !covered.has(k));
  if (!missing.length) return { ok: true, consentIds: active.filter((c) => c.categories.some((k) => wanted.has(k))).map((c) => c.id) };
  const inactive = [...new Set(naming.map((c) => statusOf(c, today)).filter((s) => s !== 'active'))].sort() as ConsentGap['inactive'];
  return { ok: false, gap: { reason: active.length ? 'categories' : 'noConsent', missing, inactive } };
}

/** The consents of a client that name a directory partner, for the gate. */
export async function consentsNamingPartners(m: EntityManager, clientId: string): Promise<GateConsent[]> {
  const rows = (await m.query(
    `SELECT id, partner_ids, categories, valid_from, valid_until, revoked_on FROM consent
     WHERE client_id = ? AND partner_ids <> '[]' ORDER BY valid_from, created_at`,
    [clientId],
  )) as { id: string; partner_ids: string; categories: string; valid_from: string; valid_until: string | null; revoked_on: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    partnerIds: JSON.parse(r.partner_ids) as string[],
    categories: JSON.parse(r.categories) as DataCategory[],
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    revokedOn: r.revoked_on,
  }));
}
