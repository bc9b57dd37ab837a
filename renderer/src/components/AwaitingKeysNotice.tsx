import { useTranslation } from 'react-i18next';
import type { KeyProtectedCategory } from '../api/core';
import { StatusNotice } from './FormAlert';

/**
 * Shown in the frame for as long as the account still waits for the keys of protected categories (health,
 * conversation notes): the core hides those parts of every client file until a colleague who holds the keys unlocks
 * on this workstation, or IT uses the recovery key. A polite status region, not a dialog: the account can work
 * with everything else meanwhile.
 */
export function AwaitingKeysNotice({ categories }: { categories: readonly KeyProtectedCategory[] }) {
  const { t, i18n } = useTranslation();
  if (categories.length === 0) return null;
  const names = new Intl.ListFormat(i18n.resolvedLanguage ?? i18n.language, { type: 'conjunction' }).format(
    categories.map((c) => t(`dataCategories.${c}`)),
  );
  return (
    <div data-testid="awaiting-keys-notice">
      <StatusNotice
        intent="warning"
        title={t('frame.awaitingKeys.title', { categories: names })}
        message={t('frame.awaitingKeys.text', { count: categories.length })}
      />
    </div>
  );
}
