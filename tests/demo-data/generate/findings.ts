import { LIFE_AREAS, type LifeArea } from '../../../electron/core/contract/case-domain';
import type { BarrierKind } from '../../../electron/core/contract/finding-domain';
import type { Office } from '../../../electron/core/contract/offices';
import type { Partner } from '../../../electron/core/domain/partners/partner-entities';
import type { StructuralFinding } from '../../../electron/core/domain/findings/finding-entities';
import type { CaseManagerRef } from './case-history';
import type { DemoIds } from './demo-ids';
import type { Rng, Weighted } from './prng';

/**
 * Demo structural findings: the barriers KIM case managers in the Kreis Unna report (no course places with
 * childcare, waiting times at the ABH, no contact person for a language), spread over the last 18 months, about one
 * per 40 clients, so that Koordination's overview has realistic counts. No personal data, like real ones.
 */

const BARRIERS: Weighted<[BarrierKind, LifeArea, string, readonly string[]]> = [
  [['no-childcare', 'language', 'Kein Integrationskurs mit Kinderbetreuung erreichbar; Mütter warten auf einen Platz.', ['sprachkurstraeger']], 18],
  [['no-place', 'language', 'Alle Integrationskurse im Umkreis ausgebucht, nächster Kursbeginn in mehreren Monaten.', ['sprachkurstraeger']], 14],
  [['waiting-time', 'residence', 'Termine bei der Ausländerbehörde erst nach mehreren Monaten, Fiktionsbescheinigungen laufen ab.', ['auslaenderbehoerde']], 16],
  [['no-contact-person', 'work', 'Beim Jobcenter keine feste Ansprechperson; Zuständigkeit wechselt häufig.', ['jobcenter']], 10],
  [['language-barrier', 'health', 'Arztpraxen lehnen Termine ohne Sprachmittlung ab, Dolmetschkosten ungeklärt.', []], 9],
  [['requirements-documents', 'finances', 'Leistungsantrag scheitert an Nachweisen aus dem Herkunftsland, die nicht zu beschaffen sind.', ['jobcenter', 'sozialamt']], 8],
  [['digital-access', 'work', 'Termine nur online buchbar; ohne Endgerät und Deutschkenntnisse nicht erreichbar.', ['agentur-fuer-arbeit', 'jobcenter']], 7],
  [['housing-market', 'housing', 'Kein bezahlbarer Wohnraum für große Familien innerhalb der Angemessenheitsgrenzen.', ['sozialamt']], 9],
  [['recognition', 'work', 'Anerkennungsverfahren für Pflegeabschlüsse dauert über ein Jahr.', ['other', 'agentur-fuer-arbeit']], 5],
  [['information-gap', 'education', 'Schulplatzvergabe für neu zugezogene Kinder ohne Rückmeldung an die Familien.', ['jugendamt']], 4],
];

export function generateFindings(
  rng: Rng,
  ids: DemoIds,
  o: { office: Office; managers: readonly CaseManagerRef[]; partners: readonly Pick<Partner, 'id' | 'kind'>[]; today: string; count: number },
): StructuralFinding[] {
  const [y, m] = o.today.split('-').map(Number) as [number, number];
  const out: StructuralFinding[] = [];
  for (let i = 0; i < o.count; i++) {
    const [barrier, area, description, kinds] = rng.weighted(BARRIERS);
    const back = rng.int(0, 17);
    const index = y * 12 + (m - 1) - back;
    const observedIn = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    const fitting = o.partners.filter((p) => kinds.includes(p.kind));
    const partner = fitting.length && rng.chance(0.5) ? rng.pick(fitting) : null;
    const at = `${observedIn}-15T09:00:00.000Z`;
    out.push({
      id: ids.next(),
      office: o.office,
      area: rng.chance(0.85) ? area : rng.pick(LIFE_AREAS),
      barrier,
      partnerId: partner?.id ?? null,
      partnerKind: partner?.kind ?? (kinds[0] ?? null),
      description,
      observedIn,
      recordedBy: rng.pick(o.managers).id,
      withdrawnAt: null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
  }
  return out;
}
