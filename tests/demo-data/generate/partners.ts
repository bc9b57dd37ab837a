import type { Rechtskreis } from '../../../electron/core/contract/case-domain';
import type { Office } from '../../../electron/core/contract/offices';
import type { PartnerKind, PartnerService } from '../../../electron/core/contract/partner-domain';
import type { Partner, PartnerContact } from '../../../electron/core/domain/partners/partner-entities';
import type { DemoIds } from './demo-ids';
import { fictionalEmail, fictionalPhone } from './places';
import type { Rng } from './prng';

/**
 * The demo partner directory of the Kreis Unna around Lünen, Werne and Selm: the public agencies every KIM office
 * works with, the migration services and course providers of the three towns, and a long tail of smaller providers
 * and volunteer groups, so that a search by service, language and town has realistic answers ("Integrationskurs mit
 * Kinderbetreuung in Selm") and the directory has the size of a real Kreis network (about 300 organisations).
 * Names are made up after the pattern of real ones; phone numbers and e-mail addresses never reach anyone
 * (places.ts), contact persons are fictional.
 */
export const DEMO_PARTNER_COUNT = 300;

type Town = Exclude<Office, 'abh-lunen'>;

const TOWNS: Record<Town, { city: string; postalCode: string; streets: readonly string[] }> = {
  lunen: { city: 'Lünen', postalCode: '44532', streets: ['Willy-Brandt-Platz', 'Münsterstraße', 'Kurt-Schumacher-Straße', 'Lange Straße', 'Bäckerstraße'] },
  werne: { city: 'Werne', postalCode: '59368', streets: ['Konrad-Adenauer-Platz', 'Bonenstraße', 'Steinstraße', 'Südring', 'Kurt-Schumacher-Straße'] },
  selm: { city: 'Selm', postalCode: '59379', streets: ['Adenauerplatz', 'Ludgeristraße', 'Kreisstraße', 'Werner Straße', 'Olfener Straße'] },
};
const OFFICES: readonly Town[] = ['lunen', 'werne', 'selm'];

interface Template {
  name: (town: string) => string;
  kind: PartnerKind;
  rechtskreise: readonly Rechtskreis[];
  services: readonly PartnerService[];
  /** Languages besides German: the staff's own and those of regular interpreters. */
  languages: readonly string[];
  /** One per town, or one for the Kreis (seated in Lünen, working with all three offices). */
  perTown: boolean;
  functions: readonly string[];
}

const T = (t: Template): Template => t;

/** The organisations every KIM office meets; one per town where the real ones are, else one for the Kreis. */
const CORE: readonly Template[] = [
  T({ name: (c) => `Jobcenter Kreis Unna – Standort ${c}`, kind: 'jobcenter', rechtskreise: ['sgb2'], services: ['benefits', 'job-placement', 'language-course-job'], languages: ['en', 'ar', 'uk'], perTown: true, functions: ['Integrationsfachkraft', 'Leistungssachbearbeitung', 'Teamleitung'] }),
  T({ name: (c) => `Stadt ${c} – Sozialamt`, kind: 'sozialamt', rechtskreise: ['sgb12', 'asylblg'], services: ['benefits', 'housing', 'social-counselling'], languages: ['en'], perTown: true, functions: ['Sachbearbeitung AsylbLG', 'Sachbearbeitung SGB XII', 'Wohnraumvermittlung'] }),
  T({ name: (c) => `Stadt ${c} – Jugendamt`, kind: 'jugendamt', rechtskreise: ['sgb8'], services: ['family-support'], languages: ['en'], perTown: true, functions: ['Allgemeiner Sozialer Dienst', 'Kita-Platzvergabe', 'Jugendhilfeplanung'] }),
  T({ name: () => 'Kreis Unna – Ausländerbehörde', kind: 'auslaenderbehoerde', rechtskreise: ['aufenthg'], services: ['other'], languages: ['en'], perTown: false, functions: ['Sachbearbeitung Aufenthalt', 'Einbürgerung', 'Teamleitung'] }),
  T({ name: () => 'Agentur für Arbeit Hamm – Geschäftsstelle Lünen', kind: 'agentur-fuer-arbeit', rechtskreise: ['sgb3'], services: ['job-placement', 'recognition-of-qualifications', 'language-course-job'], languages: ['en'], perTown: false, functions: ['Arbeitsvermittlung', 'Berufsberatung', 'Reha/SB'] }),
  T({ name: (c) => `Caritas Migrationsberatung für Erwachsene ${c}`, kind: 'migrationsberatung', rechtskreise: ['aufenthg'], services: ['migration-counselling-adults', 'asylum-counselling', 'recognition-of-qualifications'], languages: ['ar', 'fa', 'en', 'fr'], perTown: true, functions: ['MBE-Beratung', 'Asylverfahrensberatung'] }),
  T({ name: (c) => `Jugendmigrationsdienst ${c} (Diakonie)`, kind: 'migrationsberatung', rechtskreise: ['aufenthg', 'sgb8'], services: ['youth-migration-service', 'family-support'], languages: ['ar', 'ku', 'tr', 'en'], perTown: true, functions: ['JMD-Beratung', 'Bildungsberatung'] }),
  T({ name: (c) => `VHS ${c} – Integrationskurse`, kind: 'sprachkurstraeger', rechtskreise: [], services: ['integration-course', 'language-course-job'], languages: ['en', 'ar', 'uk', 'ru'], perTown: true, functions: ['Kursorganisation', 'Einstufung', 'Sozialpädagogische Begleitung'] }),
  T({ name: (c) => `AWO Integrationskurse ${c}`, kind: 'sprachkurstraeger', rechtskreise: [], services: ['integration-course', 'childcare-during-course'], languages: ['ar', 'tr', 'fa'], perTown: true, functions: ['Kursleitung', 'Kinderbetreuung'] }),
  T({ name: (c) => `Diakonie Schuldner- und Sozialberatung ${c}`, kind: 'wohlfahrtsverband', rechtskreise: ['sgb12'], services: ['social-counselling', 'legal-advice'], languages: ['en'], perTown: true, functions: ['Schuldnerberatung', 'Sozialberatung'] }),
  T({ name: () => 'Psychosoziales Zentrum für Geflüchtete Kreis Unna', kind: 'wohlfahrtsverband', rechtskreise: ['asylblg'], services: ['psychosocial-support', 'health-counselling', 'interpreting'], languages: ['ar', 'fa', 'prs', 'ti', 'en', 'fr'], perTown: false, functions: ['Psychologische Beratung', 'Clearing', 'Sprachmittlung'] }),
  T({ name: () => 'Frauenberatungsstelle Kreis Unna', kind: 'wohlfahrtsverband', rechtskreise: [], services: ['women-counselling', 'psychosocial-support', 'legal-advice'], languages: ['en', 'tr', 'ar'], perTown: false, functions: ['Beratung', 'Gewaltschutz'] }),
  T({ name: () => 'Kommunales Integrationszentrum Kreis Unna', kind: 'other', rechtskreise: [], services: ['interpreting', 'volunteer-mentoring', 'other'], languages: ['ar', 'fa', 'uk', 'ru', 'tr', 'en'], perTown: false, functions: ['Koordination KIM', 'Sprachmittlerpool', 'Bildungsberatung'] }),
  T({ name: () => 'Gesundheitsamt Kreis Unna', kind: 'other', rechtskreise: [], services: ['health-counselling'], languages: ['en'], perTown: false, functions: ['Kinder- und Jugendgesundheitsdienst', 'Sozialpsychiatrischer Dienst'] }),
];

/** The long tail: smaller providers and groups in every town, several of each. */
const TAIL: readonly Template[] = [
  T({ name: (c) => `Sprachschule ${c}`, kind: 'sprachkurstraeger', rechtskreise: [], services: ['integration-course', 'language-course-job'], languages: ['en', 'ar', 'uk', 'ru', 'tr'], perTown: true, functions: ['Kursorganisation', 'Einstufung'] }),
  T({ name: (c) => `Bildungswerk ${c} – Berufssprachkurse`, kind: 'sprachkurstraeger', rechtskreise: ['sgb2', 'sgb3'], services: ['language-course-job', 'job-placement'], languages: ['en', 'ar'], perTown: true, functions: ['Kursorganisation', 'Jobcoaching'] }),
  T({ name: (c) => `Flüchtlingshilfe ${c} e. V.`, kind: 'ehrenamt', rechtskreise: [], services: ['volunteer-mentoring', 'interpreting', 'housing'], languages: ['ar', 'fa', 'en', 'uk'], perTown: true, functions: ['Vorstand', 'Patenschaften', 'Sprachcafé'] }),
  T({ name: (c) => `Familienzentrum ${c}`, kind: 'wohlfahrtsverband', rechtskreise: ['sgb8'], services: ['family-support', 'childcare-during-course'], languages: ['tr', 'ar', 'en'], perTown: true, functions: ['Leitung', 'Elternberatung'] }),
  T({ name: (c) => `Mütterkurs mit Kinderbetreuung ${c}`, kind: 'sprachkurstraeger', rechtskreise: [], services: ['integration-course', 'childcare-during-course', 'women-counselling'], languages: ['ar', 'fa', 'tr', 'ku'], perTown: true, functions: ['Kursleitung', 'Kinderbetreuung'] }),
  T({ name: (c) => `Ukrainischer Kulturverein ${c}`, kind: 'ehrenamt', rechtskreise: [], services: ['interpreting', 'volunteer-mentoring'], languages: ['uk', 'ru'], perTown: true, functions: ['Vorstand', 'Sprachmittlung'] }),
  T({ name: (c) => `Moscheegemeinde ${c} – Beratung`, kind: 'ehrenamt', rechtskreise: [], services: ['volunteer-mentoring', 'interpreting', 'social-counselling'], languages: ['tr', 'ar', 'ku'], perTown: true, functions: ['Vorstand', 'Frauengruppe'] }),
  T({ name: (c) => `Wohnungslosenhilfe ${c}`, kind: 'wohlfahrtsverband', rechtskreise: ['sgb12'], services: ['housing', 'social-counselling'], languages: ['en'], perTown: true, functions: ['Fachberatung', 'Notunterkunft'] }),
  T({ name: (c) => `Anerkennungsberatung IQ ${c}`, kind: 'other', rechtskreise: ['sgb3'], services: ['recognition-of-qualifications', 'job-placement'], languages: ['en', 'ar', 'ru', 'uk', 'fa'], perTown: true, functions: ['Anerkennungsberatung', 'Qualifizierungsberatung'] }),
  T({ name: (c) => `Rechtsberatung für Geflüchtete ${c}`, kind: 'ehrenamt', rechtskreise: ['aufenthg', 'asylblg'], services: ['legal-advice', 'asylum-counselling'], languages: ['en', 'fr', 'ar'], perTown: true, functions: ['Rechtsanwältin (ehrenamtlich)', 'Koordination'] }),
  T({ name: (c) => `Sportverein ${c} – Integration durch Sport`, kind: 'ehrenamt', rechtskreise: [], services: ['volunteer-mentoring', 'other'], languages: ['en'], perTown: true, functions: ['Übungsleitung', 'Integrationsbeauftragte'] }),
  T({ name: (c) => `Hebammen- und Familiengesundheitsdienst ${c}`, kind: 'other', rechtskreise: ['sgb8'], services: ['health-counselling', 'family-support'], languages: ['ar', 'en', 'tr'], perTown: true, functions: ['Familienhebamme', 'Familiengesundheitspflege'] }),
];

const GIVEN = ['Anna', 'Birgit', 'Claudia', 'Daniel', 'Elif', 'Frank', 'Hanna', 'Jan', 'Julia', 'Katrin', 'Leyla', 'Markus', 'Miriam', 'Nadia', 'Olga', 'Peter', 'Rana', 'Sabine', 'Stefan', 'Tanja', 'Thomas', 'Yusuf'];
const FAMILY = ['Becker', 'Brandt', 'Demir', 'Fischer', 'Hoffmann', 'Kaya', 'Klein', 'Kowalski', 'Krüger', 'Lange', 'Meyer', 'Nowak', 'Özdemir', 'Petrenko', 'Schäfer', 'Schmidt', 'Schulte', 'Vogel', 'Wagner', 'Wolf'];
const HOURS = ['Mo–Do 8–12 Uhr, Do 14–17 Uhr', 'Mo–Fr 9–12 Uhr und nach Vereinbarung', 'Di und Do 10–16 Uhr', 'Termine nach Vereinbarung', 'Mo, Mi, Fr 9–13 Uhr'];

export interface GeneratedDirectory {
  partners: Partner[];
  contacts: PartnerContact[];
}

function partnerFrom(rng: Rng, ids: DemoIds, t: Template, office: Town, serial: number, at: string): { partner: Partner; contacts: PartnerContact[] } {
  const town = TOWNS[office];
  // Numbered from the second of a kind in a town on, as real lists number their branches.
  const name = serial > 1 ? `${t.name(town.city)} ${serial}` : t.name(town.city);
  const id = ids.next();
  const list = (xs: readonly string[]) => JSON.stringify([...new Set(xs)].sort());
  const partner: Partner = {
    id,
    name,
    kind: t.kind,
    rechtskreise: list(t.rechtskreise),
    street: `${rng.pick(town.streets)} ${rng.int(1, 60)}`,
    postalCode: town.postalCode,
    city: town.city,
    openingHours: rng.pick(HOURS),
    phone: fictionalPhone(rng),
    email: `kontakt${rng.int(1, 999)}@example.org`,
    languages: list(['de', ...rng.sample(t.languages, rng.int(1, t.languages.length))]),
    services: list(t.services),
    offices: list(t.perTown ? [office] : OFFICES),
    notes: rng.chance(0.3) ? 'Termine bitte vorher telefonisch abstimmen.' : null,
    archivedAt: rng.chance(0.03) ? at : null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const contacts: PartnerContact[] = [];
  for (let i = rng.int(1, 4); i > 0; i--) {
    const given = rng.pick(GIVEN);
    const family = rng.pick(FAMILY);
    contacts.push({
      id: ids.next(),
      partnerId: id,
      name: `${given} ${family}`,
      function: rng.pick(t.functions),
      phone: fictionalPhone(rng),
      email: rng.chance(0.8) ? fictionalEmail(rng, given, family) : null,
      createdAt: at,
      updatedAt: at,
    });
  }
  return { partner, contacts };
}

/** The whole demo directory, `count` organisations: the core agencies first, then the tail round the towns. */
export function generateDirectory(rng: Rng, ids: DemoIds, at: string, count = DEMO_PARTNER_COUNT): GeneratedDirectory {
  const out: GeneratedDirectory = { partners: [], contacts: [] };
  const add = (t: Template, office: Town, serial: number) => {
    const { partner, contacts } = partnerFrom(rng, ids, t, office, serial, at);
    out.partners.push(partner);
    out.contacts.push(...contacts);
  };
  for (const t of CORE) for (const office of t.perTown ? OFFICES : (['lunen'] as const)) if (out.partners.length < count) add(t, office, 1);
  for (let round = 1; out.partners.length < count; round++) {
    for (const t of TAIL) for (const office of OFFICES) if (out.partners.length < count) add(t, office, round);
  }
  return out;
}
