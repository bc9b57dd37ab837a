import type { Office } from '../../../electron/core/contract/offices';
import type { Rng } from './prng';

/**
 * Addresses in the three KIM towns of the Nordkreis Unna, with the towns' postal codes. Street names are typical of
 * the towns; house numbers are random, so no address points at a real household.
 */
interface Town {
  city: string;
  office: Office;
  /** [street, postal code] */
  streets: readonly (readonly [string, string])[];
}

const TOWNS: Record<'lunen' | 'werne' | 'selm', Town> = {
  lunen: {
    city: 'Lünen',
    office: 'lunen',
    streets: [
      ['Lange Straße', '44532'],
      ['Kurt-Schumacher-Straße', '44532'],
      ['Bäckerstraße', '44532'],
      ['Kirchstraße', '44532'],
      ['Horstmarer Straße', '44532'],
      ['Dortmunder Straße', '44532'],
      ['Preußenstraße', '44532'],
      ['Münsterstraße', '44534'],
      ['Cappenberger Straße', '44534'],
      ['Borker Straße', '44534'],
      ['Alstedder Straße', '44534'],
      ['Gahmener Straße', '44534'],
      ['Moltkestraße', '44534'],
      ['Brechtener Straße', '44536'],
      ['Waltroper Straße', '44536'],
      ['Zechenstraße', '44536'],
      ['Friedhofstraße', '44536'],
      ['Yorckstraße', '44536'],
    ],
  },
  werne: {
    city: 'Werne',
    office: 'werne',
    streets: [
      ['Bahnhofstraße', '59368'],
      ['Steinstraße', '59368'],
      ['Kamener Straße', '59368'],
      ['Lünener Straße', '59368'],
      ['Stockumer Straße', '59368'],
      ['Capeller Straße', '59368'],
      ['Horster Straße', '59368'],
      ['Penningrode', '59368'],
      ['Hansaring', '59368'],
    ],
  },
  selm: {
    city: 'Selm',
    office: 'selm',
    streets: [
      ['Kreisstraße', '59379'],
      ['Ludgeristraße', '59379'],
      ['Werner Straße', '59379'],
      ['Olfener Straße', '59379'],
      ['Sandforter Weg', '59379'],
      ['Kampstraße', '59379'],
      ['Hauptstraße', '59379'],
      ['Netteberger Straße', '59379'],
      ['Buddenbergstraße', '59379'],
    ],
  },
};

export interface Address {
  street: string;
  postalCode: string;
  city: string;
}

/** The town a client lives in follows the client's office (the ABH in Lünen serves Lünen residents). */
export function addressFor(rng: Rng, office: Office): Address {
  const town = office === 'werne' ? TOWNS.werne : office === 'selm' ? TOWNS.selm : TOWNS.lunen;
  const [street, postalCode] = rng.pick(town.streets);
  const letter = rng.chance(0.1) ? rng.pick(['a', 'b', 'c']) : '';
  return { street: `${street} ${rng.int(1, 140)}${letter}`, postalCode, city: town.city };
}

/**
 * Fixed-line numbers the Bundesnetzagentur keeps free for films, books and teaching material ("drama numbers",
 * Amtsblatt 7/2021, Mitteilung 148/2021): calling them never reaches a person.
 */
const DRAMA_NUMBER_BLOCKS = ['030 23125', '069 90009', '040 66969', '0221 4710', '089 99998'] as const;

export function fictionalPhone(rng: Rng): string {
  return `${rng.pick(DRAMA_NUMBER_BLOCKS)}${String(rng.int(0, 999)).padStart(3, '0')}`;
}

/** E-mail addresses only under example.org/.com/.net (RFC 2606): never deliverable. */
export function fictionalEmail(rng: Rng, given: string, family: string): string {
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/ı/g, 'i')
      .toLowerCase()
      .replace(/[^a-z]+/g, '');
  const domain = rng.pick(['example.org', 'example.com', 'example.net']);
  return `${ascii(given.split(' ')[0] ?? given)}.${ascii(family)}${rng.chance(0.4) ? rng.int(1, 99) : ''}@${domain}`;
}
