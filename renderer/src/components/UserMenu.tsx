import {
  Avatar,
  Menu,
  MenuButton,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../api/core';
import { lockNow } from '../app/lock-coordinator';

const useStyles = makeStyles({
  button: { minHeight: '44px', gap: tokens.spacingHorizontalS },
  who: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', lineHeight: tokens.lineHeightBase200 },
  name: { fontWeight: tokens.fontWeightSemibold },
  role: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
});

/** Who is signed in, and the session actions: change passphrase, lock. */
export function UserMenu({ user, buttonRef, onChangePassphrase }: { user: SessionUser; buttonRef: RefObject<HTMLButtonElement | null>; onChangePassphrase: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const role = t(`roles.${user.role}`);
  return (
    <Menu positioning="below-end">
      <MenuTrigger disableButtonEnhancement>
        <MenuButton ref={buttonRef} appearance="subtle" className={styles.button} aria-label={`${t('frame.userMenu')}: ${user.displayName}, ${role}`}>
          <Avatar name={user.displayName} size={32} color="brand" aria-hidden="true" />
          <span className={styles.who}>
            <span className={styles.name}>{user.displayName}</span>
            <span className={styles.role}>{role}</span>
          </span>
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>{t('frame.signedInAs', { name: user.displayName, role })}</MenuGroupHeader>
            <MenuItem onClick={onChangePassphrase}>{t('frame.changePassphrase')}</MenuItem>
          </MenuGroup>
          <MenuDivider />
          <MenuItem onClick={() => void lockNow('user')}>{t('frame.lock')}</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
