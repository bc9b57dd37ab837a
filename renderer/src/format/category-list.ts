import { useTranslation } from 'react-i18next';
import type { DataCategory } from '../api/core';

/** Data category names as one phrase in the UI language ("Gesundheit und Gesprächsnotizen"). */
export function useCategoryList(): (categories: readonly DataCategory[]) => string {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.resolvedLanguage ?? i18n.language, { type: 'conjunction' });
  return (categories) => list.format(categories.map((c) => t(`dataCategories.${c}`)));
}
