import { foldName, NAME_PARTICLES, nameTokens } from '../clients/name-normalisation';

/**
 * A structural finding describes the system, never a person. Before one is stored, its text is checked for what
 * would point to a person: the name of the client of the case it was met in (whole words, spelling folded), dates
 * (a birth date or an appointment), e-mail addresses and phone or file numbers. A heuristic that catches the usual
 * slips, not a guarantee: the form says so too, and Koordination can withdraw a finding.
 */
export type PersonalHint = 'clientName' | 'date' | 'email' | 'number';

export interface ClientNames {
  familyName: string;
  givenNames: string;
  alternativeNames: readonly string[];
}

const DATE = /\b\d{1,2}\.\s?\d{1,2}\.(\s?\d{2}(\d{2})?)?(?!\d)|\b\d{4}-\d{2}-\d{2}\b/;
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
/** Six or more digits in a row, spaces, slashes and hyphens allowed between them: phone, file or case numbers. */
const NUMBER = /\d(?:[\s/-]?\d){5,}/;

export function personalDataIn(text: string, client: ClientNames | null): PersonalHint[] {
  const hints: PersonalHint[] = [];
  if (client) {
    const words = new Set(foldName(text).split(' '));
    // Each part of the name as a word of the text; short parts and particles (al, van) are ordinary words too.
    const names = nameTokens(client.familyName, client.givenNames, ...client.alternativeNames).filter((t) => t.length >= 3 && !NAME_PARTICLES.has(t));
    if (names.some((n) => words.has(n))) hints.push('clientName');
  }
  if (DATE.test(text)) hints.push('date');
  if (EMAIL.test(text)) hints.push('email');
  if (NUMBER.test(text)) hints.push('number');
  return hints;
}
