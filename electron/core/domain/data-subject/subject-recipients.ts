import type { EntityManager } from 'typeorm';
import { DATA_CATEGORIES, type DataCategory } from '../../contract/data-categories';
import { berlinDate } from '../../contract/dates';
import { OFFICE_POSTAL, type Office } from '../../contract/offices';
import type { ConsentStatus } from '../../contract/types/access-types';
import { consentStatus } from '../consent/consent-service';
import { dataHolders } from '../referrals/data-holders';
import type { SubjectRecords } from './subject-records';

/**
 * The recipients of a person's data by name (Art. 15(1)(c) DSGVO; EuGH C-154/21: by name where possible): our
 * other offices and the Ausländerbehörde named in consents, and whether their workstations were sent the file by
 * sync; directory partners from consents, sent referrals and printed conference minutes (the referrals area's
 * data-holders overview, reused as it is); external agencies named on older consents.
 */
export type Handover =
  | { via: 'consent'; on: string; until: string | null; status: ConsentStatus; categories: DataCategory[] }
  | { via: 'referral' | 'minutes'; on: string; categories: DataCategory[] }
  /** The office's workstations in the sync network receive the file while a consent naming it is in force. */
  | { via: 'sync'; on: string; devices: number; categories: DataCategory[] };

export interface SubjectRecipient {
  kind: 'office' | 'partner' | 'agency';
  name: string;
  handovers: Handover[];
}

const officeName = (o: Office) => `${OFFICE_POSTAL[o].name}, ${OFFICE_POSTAL[o].unit}`;
const ordered = (cs: Iterable<string>) => {
  const set = new Set(cs);
  return DATA_CATEGORIES.filter((c) => set.has(c));
};

interface DeviceRow {
  office: Office;
  enrolled_at: string;
  revoked_at: string | null;
}

/**
 * Which workstations of `office` received the file under a consent running from `from` to `until` (inclusive;
 * null: still running): members enrolled before the consent ended and not revoked before it began. The sync log
 * records no per-file receipt, so this is what the sender's rule (domain/sync/data-export.ts) implies.
 */
function syncedDevices(devices: readonly DeviceRow[], office: Office, from: string, until: string): { count: number; since: string | null } {
  const hit = devices.filter((d) => d.office === office && berlinDate(new Date(d.enrolled_at)) <= until && (!d.revoked_at || berlinDate(new Date(d.revoked_at)) >= from));
  if (!hit.length) return { count: 0, since: null };
  const firstEnrolled = hit.map((d) => berlinDate(new Date(d.enrolled_at))).sort()[0]!;
  return { count: hit.length, since: firstEnrolled > from ? firstEnrolled : from };
}

/** Every recipient of the person's data, offices first (in office order), then partners and agencies by name. */
export async function subjectRecipients(m: EntityManager, records: SubjectRecords, today: string): Promise<SubjectRecipient[]> {
  const devices = (await m.query(`SELECT office, enrolled_at, revoked_at FROM sync_device WHERE office <> ?`, [records.client.office])) as DeviceRow[];
  const offices = new Map<Office, Handover[]>();
  const agencies = new Map<string, Handover[]>();
  for (const { consent } of records.consents) {
    const status = consentStatus(consent, today);
    const categories = ordered(JSON.parse(consent.categories) as string[]);
    const consentHandover: Handover = { via: 'consent', on: consent.validFrom, until: consent.validUntil, status, categories };
    for (const party of JSON.parse(consent.parties) as Office[]) {
      if (party === consent.office || !(party in OFFICE_POSTAL)) continue;
      const list = offices.get(party) ?? [];
      list.push(consentHandover);
      // A consent that never came into force sent nothing; one revoked or expired sent until it ended.
      const end = [consent.revokedOn, consent.validUntil, today].filter((d): d is string => d !== null).sort()[0]!;
      if (status !== 'pending' && consent.validFrom <= end) {
        const synced = syncedDevices(devices, party, consent.validFrom, end);
        if (synced.count) list.push({ via: 'sync', on: synced.since!, devices: synced.count, categories });
      }
      offices.set(party, list);
    }
    for (const agency of JSON.parse(consent.agencies) as string[]) agencies.set(agency, [...(agencies.get(agency) ?? []), consentHandover]);
  }
  const out: SubjectRecipient[] = [...offices.entries()]
    .sort(([a], [b]) => Object.keys(OFFICE_POSTAL).indexOf(a) - Object.keys(OFFICE_POSTAL).indexOf(b))
    .map(([office, handovers]) => ({ kind: 'office', name: officeName(office), handovers }));
  const consentsById = new Map(records.consents.map(({ consent }) => [consent.id, consent]));
  for (const holder of await dataHolders(m, records.client.id, today)) {
    out.push({
      kind: 'partner',
      name: holder.partnerName,
      handovers: holder.sources.map((s): Handover => {
        if (s.kind !== 'consent') return { via: s.kind, on: s.on, categories: s.categories };
        const c = consentsById.get(s.id);
        return { via: 'consent', on: s.on, until: c?.validUntil ?? null, status: c ? consentStatus(c, today) : 'active', categories: ordered(s.categories) };
      }),
    });
  }
  const named = [...agencies.entries()].sort(([a], [b]) => a.localeCompare(b, 'de'));
  for (const [name, handovers] of named) out.push({ kind: 'agency', name, handovers });
  return out;
}
