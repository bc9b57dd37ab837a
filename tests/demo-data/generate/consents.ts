import type { Consent, ConsentGrant } from '../../../electron/core/domain/consent/consent-entities';
import type { DataCategory } from '../../../electron/core/contract/data-categories';
import type { Office } from '../../../electron/core/contract/offices';
import { addDays, dayBetween, timestampOn } from './demo-dates';
import type { DemoIds } from './demo-ids';
import type { GeneratedPerson } from './person';
import type { Rng, Weighted } from './prng';

/** A consent with the office × category grants access checks read. */
export interface GeneratedConsent {
  consent: Consent;
  grants: ConsentGrant[];
}

const SHARED_SETS: Weighted<readonly DataCategory[]> = [
  [['master', 'residence'], 4],
  [['master', 'residence', 'family'], 3],
  [['master', 'residence', 'work-education', 'finances'], 2],
  [['master', 'residence', 'health', 'family', 'work-education', 'finances', 'conversation-notes'], 1],
];

const PURPOSES = [
  'Klärung der Bleibeperspektive (§ 25b AufenthG)',
  'Verlängerung der Aufenthaltserlaubnis',
  'Fallkonferenz zur Arbeitsmarktintegration',
  'Übergabe der Fallbegleitung nach Umzug',
  'Abstimmung mit der Ausländerbehörde zur Passbeschaffung',
];

const ORAL_RECORDS = [
  'Im Beratungsgespräch mündlich erteilt, Inhalt mit Dolmetschung erklärt.',
  'Telefonisch erteilt, Rückbestätigung im nächsten Termin vorgesehen.',
  'Beim Hausbesuch mündlich erteilt, im Beisein eines Familienmitglieds.',
];

/**
 * Consents of one generated client, from the workstation's point of view: files kept by another town (as they
 * would arrive by sync) mostly carry a consent naming this office, and some own files share residence data with
 * the ABH, so every role sees realistic shared files. Fictional like everything in demo data.
 */
export function consentsFor(rng: Rng, ids: DemoIds, person: GeneratedPerson, home: Office, recorderId: string, today: string): GeneratedConsent[] {
  const c = person.client;
  const own: Office = home === 'abh-lunen' ? 'lunen' : home;
  const parties: Office[] = [];
  if (c.office !== own && rng.chance(0.7)) parties.push(own);
  if (rng.chance(0.15)) parties.push('abh-lunen');
  if (!parties.length) return [];
  const categories = [...rng.weighted(SHARED_SETS)];
  const validFrom = dayBetween(rng, addDays(today, -540), addDays(today, -1));
  const validUntil = rng.chance(0.6) ? addDays(validFrom, rng.int(180, 900)) : null;
  const at = timestampOn(rng, validFrom);
  const consent: Consent = {
    id: ids.next(),
    clientId: c.id,
    office: c.office,
    parties: JSON.stringify([...parties].sort()),
    agencies: JSON.stringify(rng.chance(0.3) ? ['Jobcenter Kreis Unna'] : []),
    partnerIds: '[]',
    categories: JSON.stringify([...categories].sort()),
    purpose: rng.pick(PURPOSES),
    validFrom,
    validUntil,
    form: 'oral',
    documentId: null,
    oralRecord: rng.pick(ORAL_RECORDS),
    recordedBy: recorderId,
    revokedOn: null,
    revocationForm: null,
    revocationNote: null,
    revokedBy: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const grants = parties.flatMap((party) => categories.map((category) => ({ consentId: consent.id, party, category, clientId: c.id })));
  return [{ consent, grants }];
}
