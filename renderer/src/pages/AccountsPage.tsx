import {
  Button,
  Field,
  Input,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { toApiError } from '../api/api-error';
import { call } from '../api/client';
import { displayNameSchema, loginSchema, ROLES, type AccountSummary, type Role, type SessionUser } from '../api/core';
import { errorText } from '../api/error-text';
import { checkField, issuesByField } from '../api/validation-text';
import { useLoad } from '../app/use-load';
import { AccountEditDialog } from '../components/accounts/AccountEditDialog';
import { AccountResetDialog } from '../components/accounts/AccountResetDialog';
import { AccountStatusDialog } from '../components/accounts/AccountStatusDialog';
import { VaultKeyCard } from '../components/accounts/VaultRekey';
import { DashboardCard } from '../components/DashboardCard';
import { FormAlert, StatusNotice } from '../components/FormAlert';
import { PageHeader } from '../components/PageHeader';
import { passphraseProblem, usePassphraseAssessment } from '../components/passphrase-assessment';
import { PassphraseStrengthMeter } from '../components/PassphraseStrengthMeter';
import { formatDate, formatTime } from '../format/date';
import { useCategoryList } from '../format/category-list';
import { useTableStyles } from '../components/table-styles';

const useStyles = makeStyles({
  page: { maxWidth: '1200px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  newCard: { maxWidth: '640px' },
  tableWrap: { overflowX: 'auto' },
  disabledRow: { color: tokens.colorNeutralForeground2 },
  statusWaiting: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  keysAwaited: { display: 'block', color: tokens.colorPaletteDarkOrangeForeground1 },
  keysHint: { margin: 0, marginTop: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

type FieldName = 'login' | 'displayName' | 'role' | 'passphrase' | 'repeat';
const EMPTY = { login: '', displayName: '', role: 'fallmanagement' as Role, passphrase: '', repeat: '' };
const LOGIN_MESSAGES = { invalid_format: 'validation.loginFormat' };

type AccountAction = { kind: 'edit' | 'status' | 'reset'; account: AccountSummary };

/**
 * aktiv / deaktiviert / wartet auf Freigabe (IT's change waits for Datenschutz) / wartet auf Zurücksetzen (no key
 * wrap: re-enabled, not yet reset) / Einmal-Passphrase (set by IT, changed at the next login).
 */
function statusOf(a: AccountSummary): 'active' | 'disabled' | 'waiting' | 'approval' | 'oneTime' {
  if (!a.active) return 'disabled';
  if (a.pendingRequest) return 'approval';
  if (!a.canUnlock) return 'waiting';
  return a.oneTimePassphrase ? 'oneTime' : 'active';
}

/** The notice after IT set a passphrase: waiting for approval (until when), or one-time from now on. */
function passphraseSetNotice(t: TFunction, a: AccountSummary, key: 'accounts.created' | 'accountAdmin.resetDialog.done'): string {
  const params = { login: a.login, name: a.displayName, role: t(`roles.${a.role}`) };
  if (!a.pendingRequest) return t(key, params);
  const until = a.pendingRequest.expiresAt;
  return t(`${key}Pending`, { ...params, date: formatDate(until), time: formatTime(until) });
}

/**
 * "Benutzerkonten" for IT administrators: who has an account (role, office, status, last login), changes of name
 * and role, disabling and re-enabling, passphrase resets — each confirmed with the administrator's own passphrase —
 * and a new account with an initial passphrase.
 */
export function AccountsPage({ user }: { user: SessionUser }) {
  const styles = useStyles();
  const table = useTableStyles();
  const { t } = useTranslation();
  const categoryList = useCategoryList();
  const accounts = useLoad(() => call('accounts.list', {}), []);
  const [values, setValues] = useState(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<FieldName, HTMLInputElement | HTMLSelectElement | null>>>({});

  const userInputs = useMemo(() => [values.login, values.displayName, user.office], [values.login, values.displayName, user.office]);
  const assessment = usePassphraseAssessment(values.passphrase, userInputs);
  const problem = passphraseProblem(assessment);
  const clientErrors: Partial<Record<FieldName, string>> = {
    login: checkField(t, loginSchema, values.login, LOGIN_MESSAGES) ?? undefined,
    displayName: checkField(t, displayNameSchema, values.displayName) ?? undefined,
    passphrase: problem ? t(problem.key, { ...problem }) : undefined,
    repeat: !values.repeat ? t('validation.required') : values.repeat !== values.passphrase ? t('validation.passphraseMismatch') : undefined,
  };
  const shown = (f: FieldName) => serverErrors[f] ?? (submitted ? clientErrors[f] : undefined);
  const set = (f: FieldName) => (_: unknown, d: { value: string }) => {
    setValues((v) => ({ ...v, [f]: d.value }));
    setServerErrors((e) => ({ ...e, [f]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setAlert(null);
    setNotice(null);
    const first = (['login', 'displayName', 'passphrase', 'repeat'] as const).find((f) => clientErrors[f]);
    if (first) return refs.current[first]?.focus();
    setBusy(true);
    try {
      const created = await call('accounts.create', { login: values.login, displayName: values.displayName, role: values.role, passphrase: values.passphrase });
      setValues(EMPTY);
      setSubmitted(false);
      setNotice(passphraseSetNotice(t, created, 'accounts.created'));
      accounts.reload();
    } catch (error) {
      const e = toApiError(error);
      if (e.code === 'account.loginTaken') {
        setServerErrors({ login: errorText(t, e) });
        refs.current.login?.focus();
      } else if (e.code === 'passphrase.tooWeak') {
        setServerErrors({ passphrase: t('validation.passphraseTooWeak') });
      } else if (e.code === 'validation.invalid') {
        setServerErrors(issuesByField(t, e.issues, { login: LOGIN_MESSAGES }));
        setAlert(errorText(t, e));
      } else setAlert(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const state = (f: FieldName) => (shown(f) ? 'error' : 'none');

  const [action, setAction] = useState<AccountAction | null>(null);
  const menuButtons = useRef<Record<string, HTMLElement | null>>({});
  const closeAction = () => {
    const id = action?.account.id;
    setAction(null);
    // The menu item that opened the dialog is gone; focus returns to the row's menu button.
    if (id) window.setTimeout(() => menuButtons.current[id]?.focus(), 0);
  };
  const actionDone = (message: string) => {
    setAlert(null);
    setNotice(message);
    accounts.reload();
    closeAction();
  };
  const dialogProps = { onCancel: closeAction, onOutdated: accounts.reload };
  // After disabling an account, re-keying is offered (a former colleague may keep a copy of the key file).
  const [rekeyOffer, setRekeyOffer] = useState<string | null>(null);

  return (
    <div className={styles.page}>
      <PageHeader title={t('accounts.title')} lead={t('accounts.lead')} />
      <StatusNotice message={notice} />
      <DashboardCard id="account-list" title={t('accounts.listTitle')}>
        <FormAlert message={accounts.error ? errorText(t, accounts.error) : null} />
        <div className={styles.tableWrap}>
          <table className={table.table}>
            <thead>
              <tr>
                <th scope="col" className={table.th}>{t('accounts.name')}</th>
                <th scope="col" className={table.th}>{t('accounts.login')}</th>
                <th scope="col" className={table.th}>{t('accounts.role')}</th>
                <th scope="col" className={table.th}>{t('accountAdmin.office')}</th>
                <th scope="col" className={table.th}>{t('accountAdmin.status')}</th>
                <th scope="col" className={table.th}>{t('accounts.lastLogin')}</th>
                <th scope="col" className={table.th}>{t('accountAdmin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {(accounts.data ?? []).map((a) => {
                const isSelf = a.id === user.id;
                const status = statusOf(a);
                return (
                  <tr key={a.id} className={a.active ? undefined : styles.disabledRow}>
                    <td className={table.td}>{isSelf ? t('accountAdmin.you', { name: a.displayName }) : a.displayName}</td>
                    <td className={table.td}>{a.login}</td>
                    <td className={table.td}>{t(`roles.${a.role}`)}</td>
                    <td className={table.td}>{t(`offices.${a.office}`)}</td>
                    <td className={table.td}>
                      <span className={status === 'waiting' || status === 'approval' ? styles.statusWaiting : undefined}>{t(`accountAdmin.statuses.${status}`)}</span>
                      {a.awaitingCategoryKeys.length ? (
                        <span className={styles.keysAwaited} data-testid={`awaiting-keys-${a.login}`}>
                          {t('accountAdmin.awaitingKeys', { categories: categoryList(a.awaitingCategoryKeys) })}
                        </span>
                      ) : null}
                    </td>
                    <td className={table.td}>
                      {a.lastLoginAt ? t('accountAdmin.lastLoginAt', { date: formatDate(a.lastLoginAt), time: formatTime(a.lastLoginAt) }) : t('accounts.never')}
                    </td>
                    <td className={table.td}>
                      <Menu>
                        <MenuTrigger disableButtonEnhancement>
                          <MenuButton
                            size="small"
                            ref={(el) => void (menuButtons.current[a.id] = el)}
                            aria-label={t('accountAdmin.actionsFor', { login: a.login })}
                          >
                            {t('accountAdmin.actions')}
                          </MenuButton>
                        </MenuTrigger>
                        <MenuPopover>
                          <MenuList>
                            <MenuItem onClick={() => setAction({ kind: 'edit', account: a })}>{t('accountAdmin.edit')}</MenuItem>
                            {a.active && !isSelf ? (
                              <MenuItem onClick={() => setAction({ kind: 'reset', account: a })}>{t('accountAdmin.reset')}</MenuItem>
                            ) : null}
                            {!isSelf ? (
                              <MenuItem onClick={() => setAction({ kind: 'status', account: a })}>
                                {a.active ? t('accountAdmin.disable') : t('accountAdmin.enable')}
                              </MenuItem>
                            ) : null}
                          </MenuList>
                        </MenuPopover>
                      </Menu>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {(accounts.data ?? []).some((a) => a.awaitingCategoryKeys.length > 0) ? <p className={styles.keysHint}>{t('accountAdmin.awaitingKeysHint')}</p> : null}
      </DashboardCard>
      {action?.kind === 'edit' ? (
        <AccountEditDialog
          account={action.account}
          isSelf={action.account.id === user.id}
          {...dialogProps}
          onDone={(u) => actionDone(t('accountAdmin.editDialog.done', { login: u.login, name: u.displayName, role: t(`roles.${u.role}`) }))}
        />
      ) : null}
      {action?.kind === 'status' ? (
        <AccountStatusDialog
          account={action.account}
          {...dialogProps}
          onDone={(u) => {
            setRekeyOffer(u.active ? null : u.login);
            actionDone(t(u.active ? 'accountAdmin.enableDialog.done' : 'accountAdmin.disableDialog.done', { login: u.login, name: u.displayName }));
          }}
        />
      ) : null}
      {action?.kind === 'reset' ? (
        <AccountResetDialog
          account={action.account}
          {...dialogProps}
          onDone={(u) => actionDone(passphraseSetNotice(t, u, 'accountAdmin.resetDialog.done'))}
        />
      ) : null}
      <VaultKeyCard
        offerFor={rekeyOffer}
        onOfferDismissed={() => setRekeyOffer(null)}
        onRekeyed={(message) => {
          setAlert(null);
          setNotice(message);
          accounts.reload();
        }}
      />
      <DashboardCard id="account-new" className={styles.newCard} title={t('accounts.newTitle')} description={t('accounts.newHint')}>
        <form className={styles.form} onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="account-new-title">
          <FormAlert message={alert} />
          <Field label={t('accounts.login')} hint={t('setup.admin.loginHint')} required validationState={state('login')} validationMessage={shown('login')}>
            <Input ref={(el) => void (refs.current.login = el)} name="login" autoComplete="off" spellCheck={false} value={values.login} onChange={set('login')} />
          </Field>
          <Field label={t('accounts.displayName')} required validationState={state('displayName')} validationMessage={shown('displayName')}>
            <Input ref={(el) => void (refs.current.displayName = el)} name="displayName" autoComplete="off" value={values.displayName} onChange={set('displayName')} />
          </Field>
          <Field label={t('accounts.role')} required>
            <Select ref={(el) => void (refs.current.role = el)} name="role" value={values.role} onChange={(_, d) => setValues((v) => ({ ...v, role: d.value as Role }))}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('accounts.initialPassphrase')} hint={t('accounts.initialPassphraseHint')} required validationState={state('passphrase')} validationMessage={shown('passphrase')}>
            <Input ref={(el) => void (refs.current.passphrase = el)} type="password" name="passphrase" autoComplete="new-password" value={values.passphrase} onChange={set('passphrase')} />
          </Field>
          <PassphraseStrengthMeter assessment={assessment} id="account-strength" />
          <Field label={t('accounts.repeat')} required validationState={state('repeat')} validationMessage={shown('repeat')}>
            <Input ref={(el) => void (refs.current.repeat = el)} type="password" name="repeat" autoComplete="new-password" value={values.repeat} onChange={set('repeat')} />
          </Field>
          <div className={styles.actions}>
            {busy ? <Spinner size="tiny" label={t('accounts.creating')} /> : null}
            <Button type="submit" appearance="primary" disabledFocusable={busy}>
              {t('accounts.create')}
            </Button>
          </div>
        </form>
      </DashboardCard>
    </div>
  );
}
