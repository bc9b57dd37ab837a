import { useTranslation } from 'react-i18next';
import type { KeyProtectedCategory } from '../api/core';
import { StatusNotice } from './FormAlert';
import { useCategoryList } from '../format/category-list';

/**
 * Shown in the frame for as long as the account still waits for the keys of protected categories (health,
 * conversation notes): the core hides those parts of every client file until a colleague who holds the keys unlocks
 * on this workstation, or IT uses the recovery key. A polite status region, not a dialog: the account can work
 * with everything else meanwhile.
 */
export function AwaitingKeysNotice({ categories }: { categories: readonly KeyProtectedCategory[] }) {
  const { t } = useTranslation();
  const categoryList = useCategoryList();
  if (categories.length === 0) return null;
  const names = categoryList(categories);
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
