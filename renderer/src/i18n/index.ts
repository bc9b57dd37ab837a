import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de';
import { en } from './en';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** German first: the UI starts in German; English exists for IT staff and as the second language of the brief. */
export async function initI18n(language: Language = 'de'): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng: language,
    fallbackLng: 'de',
    supportedLngs: [...LANGUAGES],
    // React escapes; double escaping would show &quot; in German quotes.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}
