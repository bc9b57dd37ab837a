import type { Client, HouseholdMember, ResidenceStatus } from '../../../electron/core/domain/clients/client-entities';
import { nameKeys } from '../../../electron/core/domain/clients/client-search';
import { pickCurrentStatus } from '../../../electron/core/domain/clients/client-service';
import { foldName } from '../../../electron/core/domain/clients/name-normalisation';
import type { Gender, HouseholdRelation } from '../../../electron/core/contract/case-domain';
import type { Office } from '../../../electron/core/contract/offices';
import { addDays, dayBetween, minDate, timestampOn } from './demo-dates';
import type { DemoIds } from './demo-ids';
import { ORIGINS, type NameGroup, type Origin } from './names-by-origin';
import { addressFor, fictionalEmail, fictionalPhone } from './places';
import type { Rng, Weighted } from './prng';
import { residenceHistory } from './residence-history';

/** One fake client with master data, search keys, household and residence history, ready for the bulk writer. */
export interface GeneratedPerson {
  client: Client;
  nameKeys: string[];
  household: HouseholdMember[];
  residence: ResidenceStatus[];
  /** "Herr Haddad" / "Frau Kovalenko", for participants of notes. */
  title: string;
  /** Language an interpreter is needed for, if any. */
  interpreterLanguage: string | null;
  /** Full arrival date (the stored one may be partial), start of the case timeline. */
  arrivedOn: string;
  hasChildren: boolean;
}

const ORIGIN_WEIGHTS: Weighted<Origin> = ORIGINS.map((o) => [o, o.weight] as const);
const GENDER_WEIGHTS: Weighted<Gender> = [['male', 53], ['female', 45], ['diverse', 0.5], ['unknown', 1.5]];
const AGE_BANDS: Weighted<readonly [number, number]> = [[[16, 17], 6], [[18, 29], 36], [[30, 44], 36], [[45, 64], 18], [[65, 82], 4]];

/** One spelling of a name: usually the common one, often another transliteration. */
function spell(rng: Rng, group: NameGroup): string {
  return group.length === 1 || rng.chance(0.55) ? group[0]! : rng.pick(group);
}

function otherSpelling(rng: Rng, group: NameGroup, used: string): string {
  const others = group.filter((n) => n !== used);
  return others.length ? rng.pick(others) : used;
}

function officeFor(rng: Rng, home: Office): Office {
  // Most clients belong to this workstation's office; some to the other towns (visible once sync exists).
  const own: Office = home === 'abh-lunen' ? 'lunen' : home;
  if (rng.chance(0.8)) return home;
  return rng.pick((['lunen', 'werne', 'selm'] as const).filter((o) => o !== own));
}

function birthDateOf(rng: Rng, origin: Origin, today: string): { birthDate: string | null; placeholder: boolean; year: number } {
  const [minAge, maxAge] = rng.weighted(AGE_BANDS);
  const year = Number(today.slice(0, 4)) - rng.int(minAge, maxAge);
  const full = dayBetween(rng, `${year}-01-01`, `${year}-12-31`);
  const r = rng.float();
  if (r < origin.vagueBirthDates / 2) return { birthDate: String(year), placeholder: false, year };
  if (r < origin.vagueBirthDates) return { birthDate: `${year}-01-01`, placeholder: true, year };
  if (r < origin.vagueBirthDates + 0.02) return { birthDate: full.slice(0, 7), placeholder: false, year };
  if (r < origin.vagueBirthDates + 0.03) return { birthDate: null, placeholder: false, year };
  return { birthDate: full, placeholder: false, year };
}

function storedArrival(rng: Rng, arrivedOn: string): string | null {
  const r = rng.float();
  if (r < 0.03) return null;
  if (r < 0.08) return arrivedOn.slice(0, 4);
  if (r < 0.25) return arrivedOn.slice(0, 7);
  return arrivedOn;
}

function languagesOf(rng: Rng, origin: Origin, yearsHere: number): { languages: { code: string; interpreterNeeded: boolean }[]; interpreter: string | null } {
  const codes = rng.weighted(origin.languages);
  const needP = yearsHere < 2 ? 0.85 : yearsHere < 5 ? 0.55 : 0.25;
  const interpreterNeeded = rng.chance(codes[0] === 'en' || codes[0] === 'fr' ? needP / 3 : needP);
  const languages = codes.map((code, i) => ({ code, interpreterNeeded: i === 0 && interpreterNeeded }));
  if (yearsHere >= 4 && rng.chance(0.5)) languages.push({ code: 'de', interpreterNeeded: false });
  return { languages, interpreter: interpreterNeeded ? codes[0]! : null };
}

function householdOf(
  rng: Rng,
  ids: DemoIds,
  origin: Origin,
  p: { clientId: string; gender: Gender; family: string; age: number; createdAt: string; today: string },
): HouseholdMember[] {
  const members: HouseholdMember[] = [];
  const add = (name: string, relation: HouseholdRelation, birthYear: number | null) =>
    members.push({ id: ids.next(), clientId: p.clientId, name, relation, birthYear, createdAt: p.createdAt });
  const year = Number(p.today.slice(0, 4));
  if (p.age >= 20 && rng.chance(0.55)) {
    const spouseNames = p.gender === 'female' ? origin.male : origin.female;
    const family = rng.chance(0.6) ? p.family : spell(rng, rng.pick(origin.family));
    add(`${spell(rng, rng.pick(spouseNames))} ${family}`, 'spouse', year - p.age + rng.int(-8, 6));
  }
  if (p.age >= 22) {
    for (let i = rng.weighted([[0, 35], [1, 20], [2, 20], [3, 15], [4, 7], [5, 3]] as const); i > 0; i--) {
      const names = rng.chance(0.5) ? origin.male : origin.female;
      const born = year - rng.int(0, Math.min(20, p.age - 18));
      add(`${spell(rng, rng.pick(names))} ${p.family}`, 'child', rng.chance(0.95) ? born : null);
    }
  }
  if (rng.chance(0.05)) add(`${spell(rng, rng.pick(origin.female))} ${p.family}`, 'parent', year - p.age - rng.int(20, 35));
  if (rng.chance(0.05)) add(`${spell(rng, rng.pick(rng.chance(0.5) ? origin.male : origin.female))} ${p.family}`, 'sibling', year - p.age + rng.int(-10, 10));
  return members;
}

export function generatePerson(rng: Rng, ids: DemoIds, homeOffice: Office, today: string): GeneratedPerson {
  const origin = rng.weighted(ORIGIN_WEIGHTS);
  const gender = rng.weighted(GENDER_WEIGHTS);
  const givenPool = gender === 'male' ? origin.male : gender === 'female' ? origin.female : rng.chance(0.5) ? origin.male : origin.female;
  const givenGroups = rng.sample(givenPool, rng.chance(0.3) ? 2 : 1);
  const familyGroup = rng.pick(origin.family);
  const given = givenGroups.map((g) => spell(rng, g));
  const family = spell(rng, familyGroup);

  const alternativeNames: string[] = [];
  for (let i = rng.weighted([[0, 72], [1, 23], [2, 5]] as const); i > 0; i--) {
    const altGiven = givenGroups.map((g, j) => (rng.chance(0.6) ? otherSpelling(rng, g, given[j]!) : given[j]!)).join(' ');
    const alt = `${altGiven} ${otherSpelling(rng, familyGroup, family)}`;
    if (alt !== `${given.join(' ')} ${family}` && !alternativeNames.includes(alt)) alternativeNames.push(alt);
  }

  const birth = birthDateOf(rng, origin, today);
  const [fromYear, toYear] = rng.weighted(origin.arrivals);
  // Nobody arrives before birth or after "today" minus a month (the first contact follows arrival).
  const arrivalFloor = `${Math.max(fromYear, birth.year + 1)}-01-01`;
  const arrivedOn = minDate(dayBetween(rng, arrivalFloor, `${Math.max(toYear, birth.year + 1)}-12-31`), addDays(today, -30));
  const yearsHere = (Date.parse(today) - Date.parse(arrivedOn)) / (365.25 * 86_400_000);
  const { languages, interpreter } = languagesOf(rng, origin, yearsHere);

  const nationality = origin.unclearNationality && rng.chance(origin.unclearNationality) ? rng.pick(['stateless', 'unclarified']) : rng.weighted(origin.nationalities);
  const office = officeFor(rng, homeOffice);
  const address = rng.chance(0.96) ? addressFor(rng, office) : null;
  const id = ids.next();
  const createdAt = timestampOn(rng, minDate(addDays(arrivedOn, rng.int(14, 200)), addDays(today, -7)));

  const profile = rng.weighted(origin.profiles);
  const residence: ResidenceStatus[] = residenceHistory(rng, profile, arrivedOn, today).map((s) => ({
    id: ids.next(),
    clientId: id,
    type: s.type,
    legalBasis: s.legalBasis,
    validFrom: s.validFrom,
    validUntil: s.validUntil,
    createdAt: timestampOn(rng, minDate(s.validFrom, today)),
  }));
  // The same rule the service applies when a status is added, so lists and the detail view agree.
  const current = pickCurrentStatus(residence, today);
  const givenNames = given.join(' ');
  const age = Number(today.slice(0, 4)) - birth.year;
  const household = householdOf(rng, ids, origin, { clientId: id, gender, family, age, createdAt, today });

  const client: Client = {
    id,
    office,
    familyName: family,
    givenNames,
    alternativeNames: JSON.stringify(alternativeNames),
    birthDate: birth.birthDate,
    birthDatePlaceholder: birth.placeholder,
    gender,
    nationalities: JSON.stringify([nationality]),
    languages: JSON.stringify(languages),
    arrivalDate: storedArrival(rng, arrivedOn),
    street: address?.street ?? null,
    postalCode: address?.postalCode ?? null,
    city: address?.city ?? null,
    phone: rng.chance(0.8) ? fictionalPhone(rng) : null,
    email: rng.chance(0.2) ? fictionalEmail(rng, givenNames, family) : null,
    sortName: foldName(`${family} ${givenNames}`),
    currentStatusType: current?.type ?? null,
    currentStatusBasis: current?.legalBasis ?? null,
    currentStatusUntil: current?.validUntil ?? null,
    // Filled after the import from the generated cases (REFRESH_CLIENT_CASE_COLUMNS).
    casePhase: null,
    caseManagerId: null,
    createdAt,
    updatedAt: createdAt,
    version: 1,
  };
  const title = gender === 'male' ? `Herr ${family}` : gender === 'female' ? `Frau ${family}` : `${givenNames} ${family}`;
  return {
    client,
    nameKeys: nameKeys(family, givenNames, alternativeNames),
    household,
    residence,
    title,
    interpreterLanguage: interpreter,
    arrivedOn,
    hasChildren: household.some((h) => h.relation === 'child'),
  };
}
