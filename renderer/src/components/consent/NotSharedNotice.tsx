import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ClientAccessView } from '../../api/case-types';
import type { Office } from '../../api/core';

/** A client or case file: who keeps it and what the caller may see of it. */
type Kept = { office: Office; access: ClientAccessView };

/**
 * Shown instead of a part of the file the caller may not see: the core left those fields out, so the screen says
 * why and what the caller may see, rather than showing empty fields that look like missing data.
 */
export function NotSharedNotice({ client, awaitingKey = false }: { client: Kept; awaitingKey?: boolean }) {
  const { t } = useTranslation();
  const categories = client.access.categories.map((c) => t(`dataCategories.${c}`)).join(', ') || t('access.noneShared');
  // The role reads this part, but the account does not hold its key yet (see the frame's notice).
  if (awaitingKey) {
    return (
      <MessageBar intent="info" data-testid="awaiting-key">
        <MessageBarBody>
          <MessageBarTitle>{t('access.awaitingKeyTitle')}</MessageBarTitle>
          {t('access.awaitingKeyText')}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="info" data-testid="not-shared">
      <MessageBarBody>
        {/* In the keeping office it is the role that does not see the category (Verwaltung: health, notes). */}
        <MessageBarTitle>{t(client.access.owner ? 'access.roleHiddenTitle' : 'access.notSharedTitle')}</MessageBarTitle>
        {client.access.owner ? t('access.roleHiddenText', { categories }) : t('access.notSharedText', { office: t(`offices.${client.office}`), categories })}
      </MessageBarBody>
    </MessageBar>
  );
}

/** For read-only access: who keeps the file, and that changes are theirs. */
export function ReadOnlyNotice({ client }: { client: Kept }) {
  const { t } = useTranslation();
  // A restricted file of the own office has its own banner (RestrictedBanner).
  if (client.access.canWrite || client.access.restricted) return null;
  const categories = client.access.categories.map((c) => t(`dataCategories.${c}`)).join(', ');
  return (
    <MessageBar intent="warning" data-testid="read-only-notice">
      <MessageBarBody>
        <MessageBarTitle>{t('access.sharedBanner', { categories })}</MessageBarTitle>
        {t('access.readOnly', { office: t(`offices.${client.office}`) })}
      </MessageBarBody>
    </MessageBar>
  );
}
