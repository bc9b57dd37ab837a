import type { LifeArea, NoteKind } from '../../../electron/core/contract/case-domain';
import type { Rng, Weighted } from './prng';

/**
 * German case notes as case managers write them: an opening by kind of contact, one to three sentences on the life
 * areas of the case, and a next step. Assembled from fragments, so a million notes cost little to generate.
 */

export const NOTE_KINDS_WEIGHTED: Weighted<NoteKind> = [
  ['in-person', 45],
  ['phone', 30],
  ['email', 12],
  ['home-visit', 8],
  ['case-conference', 5],
];

const OPENINGS: Record<NoteKind, readonly string[]> = {
  'in-person': ['Persönliches Gespräch im Büro.', 'Termin in der Sprechstunde wahrgenommen.', 'Klient:in kam ohne Termin in die offene Sprechstunde.', 'Beratungsgespräch im Rathaus.'],
  phone: ['Telefonat mit Klient:in.', 'Rückruf erhalten.', 'Telefonische Rücksprache.', 'Kurzes Telefonat zur Terminabsprache.'],
  'home-visit': ['Hausbesuch in der Wohnung.', 'Hausbesuch in der Unterkunft.', 'Hausbesuch gemeinsam mit der Patin.'],
  'case-conference': ['Fallkonferenz mit Jobcenter und Ausländerbehörde.', 'Fallkonferenz mit Jugendamt und Schule.', 'Gemeinsames Gespräch mit Jobcenter und Kursträger.'],
  email: ['E-Mail von Klient:in erhalten.', 'E-Mail-Austausch mit dem Jobcenter.', 'Unterlagen per E-Mail erhalten.'],
};

const TOPICS: Record<LifeArea, readonly string[]> = {
  language: [
    'Der Integrationskurs läuft, Anwesenheit regelmäßig.',
    'Die Prüfung DTZ wurde mit A2 bestanden, B1 wird angestrebt.',
    'Kursplatz ab nächstem Monat zugesagt.',
    'Der Kurs wurde wegen Kinderbetreuung unterbrochen.',
  ],
  work: [
    'Bewerbungsunterlagen gemeinsam überarbeitet.',
    'Zusage für ein Praktikum bei einem Handwerksbetrieb.',
    'Das Anerkennungsverfahren für den Berufsabschluss ist eingeleitet.',
    'Minijob in der Gastronomie aufgenommen, Meldung ans Jobcenter besprochen.',
    'Termin bei der Arbeitsvermittlung steht.',
  ],
  housing: [
    'Wohnungssuche weiterhin schwierig, zwei Besichtigungen ohne Erfolg.',
    'Mietangebot liegt vor, Mietbescheinigung beim Jobcenter eingereicht.',
    'Umzug aus der Unterkunft ist für nächsten Monat geplant.',
    'Nebenkostennachzahlung besprochen, Antrag auf Übernahme gestellt.',
  ],
  health: [
    'Hausarzt gefunden, erster Termin wahrgenommen.',
    'Klient:in berichtet von Schlafproblemen; Beratungsstelle empfohlen.',
    'Krankenversicherung ist geklärt.',
    'Termin beim Facharzt mit Dolmetscher organisiert.',
  ],
  education: [
    'Die Kinder sind an der Grundschule angemeldet.',
    'Kita-Platz ab dem Sommer zugesagt.',
    'Gespräch mit der Klassenlehrerin über Förderbedarf.',
    'Antrag auf Leistungen für Bildung und Teilhabe gestellt.',
  ],
  residence: [
    'Verlängerung des Aufenthaltstitels bei der Ausländerbehörde beantragt, Fiktionsbescheinigung liegt vor.',
    'Unterlagen für die Passbeschaffung besprochen.',
    'Die Ausländerbehörde fordert weitere Nachweise an.',
    'Voraussetzungen für § 25b AufenthG gemeinsam durchgesehen.',
  ],
  family: [
    'Antrag auf Familiennachzug bei der Botschaft eingereicht, Termin steht noch aus.',
    'Kontakt zur Erziehungsberatung hergestellt.',
    'Ehepartner ist inzwischen eingereist.',
    'Betreuung der Kinder während der Kurszeiten über die Großeltern geregelt.',
  ],
  finances: [
    'Weiterbewilligungsantrag gemeinsam ausgefüllt.',
    'Bescheid des Jobcenters erläutert.',
    'Girokonto bei der Sparkasse eröffnet.',
    'Schuldenübersicht begonnen, Termin bei der Schuldnerberatung vereinbart.',
  ],
};

const NEXT_STEPS: readonly string[] = [
  'Nächster Termin in zwei Wochen.',
  'Wiedervorlage zum Monatsende.',
  'Klient:in meldet sich nach dem Termin.',
  'Unterlagen bringt Klient:in zum nächsten Termin mit.',
  'Rückmeldung des Jobcenters abwarten.',
  'Nächstes Gespräch mit Dolmetscher.',
  '',
];

const INTERNAL_REMARKS: readonly string[] = [
  'Intern: Rücksprache mit der Ausländerbehörde ohne Einwilligung nicht möglich, Einwilligung erfragen.',
  'Intern: Hinweis auf mögliche Überschuldung, im Team besprechen.',
  'Intern: Verdacht auf Kindeswohlgefährdung geprüft, kein Anhalt.',
  'Intern: Fall in der Teamsitzung vorgestellt.',
];

/** German names of languages, for the participants line ("Dolmetscher Arabisch"). */
export const LANGUAGE_NAMES: Record<string, string> = {
  ar: 'Arabisch',
  prs: 'Dari',
  ps: 'Paschtu',
  fa: 'Farsi',
  uk: 'Ukrainisch',
  ru: 'Russisch',
  tr: 'Türkisch',
  ku: 'Kurdisch',
  ti: 'Tigrinya',
  fr: 'Französisch',
  ff: 'Fulfulde',
  sus: 'Susu',
  so: 'Somali',
  en: 'Englisch',
  yo: 'Yoruba',
  ig: 'Igbo',
  ha: 'Hausa',
  sq: 'Albanisch',
  sr: 'Serbisch',
  bs: 'Bosnisch',
  mk: 'Mazedonisch',
  rom: 'Romanes',
  bg: 'Bulgarisch',
  ro: 'Rumänisch',
  hr: 'Kroatisch',
  de: 'Deutsch',
};

export interface NoteContent {
  text: string;
  participants: string | null;
  internal: boolean;
}

export function noteContent(
  rng: Rng,
  kind: NoteKind,
  areas: readonly LifeArea[],
  person: { title: string; interpreterLanguage: string | null },
): NoteContent {
  const internal = rng.chance(0.12);
  const parts = [rng.pick(OPENINGS[kind])];
  for (let i = rng.int(1, 3); i > 0; i--) parts.push(rng.pick(TOPICS[rng.pick(areas)]));
  if (internal) parts.push(rng.pick(INTERNAL_REMARKS));
  const next = rng.pick(NEXT_STEPS);
  if (next) parts.push(next);
  let participants: string | null = null;
  if (kind !== 'email' && rng.chance(0.7)) {
    const who = [person.title];
    if (person.interpreterLanguage && kind !== 'phone') who.push(`Dolmetscher:in ${LANGUAGE_NAMES[person.interpreterLanguage] ?? person.interpreterLanguage}`);
    if (kind === 'case-conference') who.push('Jobcenter Kreis Unna', rng.pick(['Ausländerbehörde', 'Jugendamt', 'Schulsozialarbeit']));
    participants = who.join(', ');
  }
  return { text: parts.join(' '), participants, internal };
}
