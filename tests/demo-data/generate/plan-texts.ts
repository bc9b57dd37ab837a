import type { ClosureReason, LifeArea } from '../../../electron/core/contract/case-domain';

/** German texts of a Hilfeplan: goals and measures per life area, follow-up titles, closure summaries. */

export const GOAL_TITLES: Record<LifeArea, readonly string[]> = {
  language: ['Deutschkenntnisse auf Niveau B1 erreichen', 'Integrationskurs erfolgreich abschließen', 'Berufsbezogenen Sprachkurs (DeuFöV) beginnen', 'Alphabetisierungskurs besuchen'],
  work: ['Ausbildungsplatz finden', 'Berufsabschluss anerkennen lassen', 'Sozialversicherungspflichtige Beschäftigung aufnehmen', 'Praktikum im Handwerk absolvieren'],
  housing: ['Eigene Wohnung anmieten', 'Umzug aus der Gemeinschaftsunterkunft', 'Mietschulden klären', 'Wohnberechtigungsschein beantragen'],
  health: ['Hausärztliche Anbindung sicherstellen', 'Psychosoziale Beratung aufnehmen', 'Krankenversicherung klären', 'Vorsorgeuntersuchungen der Kinder nachholen'],
  education: ['Kita-Platz für das jüngste Kind sichern', 'Schulanmeldung der Kinder', 'Schulabschluss nachholen', 'Hausaufgabenhilfe organisieren'],
  residence: ['Aufenthaltstitel verlängern', 'Passbeschaffung klären', 'Bleiberecht nach § 25b prüfen lassen', 'Familiennachzug vorbereiten'],
  family: ['Familienzusammenführung unterstützen', 'Erziehungsberatung anbinden', 'Kinderbetreuung während des Kurses organisieren'],
  finances: ['Leistungsbezug sichern', 'Schulden regulieren', 'Girokonto eröffnen', 'Kindergeld und Kinderzuschlag beantragen'],
};

export const MEASURE_TITLES: Record<LifeArea, readonly string[]> = {
  language: ['Anmeldung beim Kursträger', 'Berechtigungsschein beim BAMF beantragen', 'Kinderbetreuung für Kurszeiten klären', 'Einstufungstest vereinbaren'],
  work: ['Termin bei der Arbeitsvermittlung', 'Zeugnisse übersetzen lassen', 'Lebenslauf erstellen', 'Anerkennungsberatung (IQ Netzwerk) nutzen', 'Bewerbungstraining'],
  housing: ['Wohnungsangebote sichten', 'Mietbescheinigung beim Jobcenter einreichen', 'Termin bei der Wohnungsbaugesellschaft', 'Schuldnerberatung einschalten'],
  health: ['Hausarzt suchen', 'Termin bei der Beratungsstelle für Geflüchtete', 'Krankenkasse kontaktieren', 'Dolmetscher für Arzttermin organisieren'],
  education: ['Anmeldung im Kita-Portal', 'Gespräch mit der Schulleitung', 'Schulbedarf über BuT beantragen', 'Kontakt zum Schulsozialdienst'],
  residence: ['Termin bei der Ausländerbehörde', 'Unterlagen für Verlängerung zusammenstellen', 'Passbeschaffung bei der Botschaft', 'Beratung durch Migrationsberatung'],
  family: ['Kontakt zum Jugendamt', 'Termin bei der Familienberatung', 'Antrag auf Familiennachzug vorbereiten'],
  finances: ['Weiterbewilligungsantrag stellen', 'Kontoeröffnung begleiten', 'Antrag auf Kindergeld bei der Familienkasse', 'Schuldenübersicht erstellen'],
};

/** Owners of measures besides the client and the case manager: agencies and partners in the Kreis Unna. */
export const MEASURE_OWNERS: readonly string[] = [
  'Klient:in selbst',
  'Jobcenter Kreis Unna',
  'Agentur für Arbeit Hamm',
  'Ausländerbehörde',
  'Jugendamt',
  'Sozialamt',
  'Migrationsberatung (MBE)',
  'Jugendmigrationsdienst',
  'Caritas',
  'Diakonie',
  'AWO',
  'Integrationskursträger',
  'Ehrenamtliche Patenschaft',
  'Schuldnerberatung',
];

export const FOLLOW_UP_TITLES: readonly string[] = [
  'Rückruf wegen Unterlagen',
  'Verlängerung Aufenthaltstitel nachhalten',
  'Kursanmeldung prüfen',
  'Antwort Jobcenter abwarten und nachfragen',
  'Hausbesuch vereinbaren',
  'Bescheid besprechen',
  'Termin Ausländerbehörde vorbereiten',
  'Dolmetscher für nächstes Gespräch buchen',
  'Kita-Platz nachfragen',
  'Fallkonferenz vorbereiten',
  'Zwischenstand Hilfeplan prüfen',
  'Unterlagen Wohnungsbewerbung prüfen',
];

export const ASSESSMENT_NOTES: Record<LifeArea, readonly string[]> = {
  language: ['Sprachkenntnisse gering, Kurs abgebrochen', 'A2 vorhanden, B1 angestrebt', 'Alphabetisierung in lateinischer Schrift nötig'],
  work: ['Berufserfahrung im Herkunftsland vorhanden', 'Keine Arbeitserlaubnis bisher', 'Interesse an Ausbildung im Pflegebereich'],
  housing: ['Lebt in Gemeinschaftsunterkunft', 'Wohnung zu klein für Familie', 'Mietrückstände'],
  health: ['Chronische Erkrankung, ärztlich versorgt', 'Hinweise auf Belastung, Beratung angeboten', 'Keine Auffälligkeiten'],
  education: ['Kinder schulpflichtig, zwei angemeldet', 'Kein Kita-Platz', 'Schulabschluss nicht anerkannt'],
  residence: ['Titel läuft in einigen Monaten ab', 'Identität noch nicht geklärt', 'Asylverfahren läuft'],
  family: ['Ehepartner noch im Herkunftsland', 'Alleinerziehend', 'Unterstützung durch Verwandte vor Ort'],
  finances: ['Leistungen nach AsylbLG', 'Bezug von Bürgergeld', 'Schulden bei Mobilfunkanbieter'],
};

export const CLOSURE_SUMMARIES: Record<ClosureReason, readonly string[]> = {
  'goals-achieved': ['Ziele des Hilfeplans im Wesentlichen erreicht; Klient:in kommt selbstständig zurecht.', 'Arbeit aufgenommen, Wohnung bezogen; Fall abgeschlossen.'],
  'moved-away': ['Umzug in eine andere Kommune; Übergabe angeboten.', 'Familie ist nach Dortmund verzogen.'],
  'no-contact': ['Seit mehreren Monaten kein Kontakt trotz Anschreiben.', 'Termine wiederholt nicht wahrgenommen, telefonisch nicht erreichbar.'],
  'client-ended': ['Klient:in wünscht keine weitere Begleitung.', 'Beratung auf eigenen Wunsch beendet.'],
  'handed-over': ['Übergabe an die Migrationsberatung erfolgt.', 'Weiterbetreuung durch den Jugendmigrationsdienst.'],
  other: ['Fall aus organisatorischen Gründen abgeschlossen.', 'Zuständigkeit liegt bei anderer Stelle.'],
};
