/**
 * Countries and languages the KIM offices meet most often (main countries of origin, PRODUCT.md), with names from
 * the browser's CLDR data (Intl.DisplayNames) in the UI language, so a free ISO code gets a proper name too.
 */
export const MAIN_COUNTRIES = [
  'SY', 'AF', 'UA', 'TR', 'IQ', 'ER', 'GN', 'IR', 'SO', 'NG', 'XK', 'AL', 'RS', 'MK', 'BA', 'ME', 'RU', 'GE', 'LB',
  'PS', 'PK', 'ET', 'SD', 'EG', 'MA', 'DZ', 'TN', 'LY', 'YE', 'GM', 'CM', 'GH', 'VN', 'RO', 'BG', 'PL', 'MD', 'AM',
  'AZ', 'BY', 'VE', 'CO', 'IN', 'BD', 'LK', 'DE',
] as const;

export const MAIN_LANGUAGES = [
  'ar', 'fa', 'prs', 'ps', 'ku', 'uk', 'ru', 'tr', 'ti', 'so', 'am', 'fr', 'en', 'sq', 'sr', 'bs', 'mk', 'ro', 'bg',
  'pl', 'ur', 'ha', 'yo', 'ig', 'ff', 'vi', 'ka', 'hy', 'az', 'es', 'de',
] as const;

const cache = new Map<string, Intl.DisplayNames>();
function names(language: string, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${language}:${type}`;
  let n = cache.get(key);
  if (!n) {
    n = new Intl.DisplayNames([language], { type, fallback: 'code' });
    cache.set(key, n);
  }
  return n;
}

/** "Syrien" for SY; the code itself when the browser has no name for it. */
export function countryName(code: string, language: string): string {
  if (code === 'XK') return language === 'de' ? 'Kosovo' : 'Kosovo';
  try {
    return names(language, 'region').of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string, language: string): string {
  try {
    return names(language, 'language').of(code) ?? code;
  } catch {
    return code;
  }
}

/** Sorted for a select: by name in the UI language. */
export function sortedByName<T extends string>(codes: readonly T[], nameOf: (c: T) => string, language: string): T[] {
  return [...codes].sort((a, b) => nameOf(a).localeCompare(nameOf(b), language));
}
