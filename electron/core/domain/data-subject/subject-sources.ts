import type { SubjectRecords } from './subject-records';

/**
 * Where data not collected from the person came from (Art. 15(1)(g) DSGVO): partners' feedback on referrals, what
 * partners contributed to case conferences, and other persons who named the person in their household. Everything
 * else in a file is recorded by the keeping office from the person's own account and documents.
 */
export type SubjectSource =
  | { kind: 'referral-feedback'; partnerName: string; state: string }
  | { kind: 'conference'; on: string; partnerNames: string[] }
  | { kind: 'household-mention'; count: number };

/** Referral states that carry the partner's answer. */
const ANSWERED = new Set(['accepted', 'declined', 'done']);

export function subjectSources(records: SubjectRecords): SubjectSource[] {
  const out: SubjectSource[] = [];
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
