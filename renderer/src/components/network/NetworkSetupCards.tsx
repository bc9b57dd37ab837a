import { Field, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Controller, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { toApiError } from '../../api/api-error';
import { call } from '../../api/client';
import { INVITATION_MAX_CHARS, invitationCodeSchema, networkCreateInput, networkJoinInput, policyValue, type ErrorCode, type NetworkStatus } from '../../api/core';
import { errorText } from '../../api/error-text';
import { TextField } from '../../forms/fields';
import { applyServerIssues, useSchemaForm } from '../../forms/use-schema-form';
import { DashboardCard } from '../DashboardCard';
import { InlineForm } from './InlineForm';
import { useMachinePolicy } from '../../app/machine-policy';

/** The shared folder the machine policy fixes (sync.shareFolder), or null: the field is then prefilled and read-only. */
function usePolicyShare(): string | null {
  const policy = useMachinePolicy();
  const value = policy ? policyValue(policy, 'sync.shareFolder') : undefined;
  return typeof value === 'string' ? value : null;
}

const useStyles = makeStyles({
  fileInput: {
    fontSize: tokens.fontSizeBase300,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

/** Refusals of the core that are about one field: shown at that field (and focused), the rest in the form's alert. */
const SHARE_CODES: readonly ErrorCode[] = ['network.shareUnreachable', 'network.shareReadOnly', 'network.shareHoldsNetwork', 'network.shareHoldsOtherNetwork'];
const INVITATION_CODES: readonly ErrorCode[] = ['network.invitationInvalid', 'network.invitationExpired', 'network.officeMismatch'];

function placeRefusal<T extends FieldValues>(
  t: ReturnType<typeof useTranslation>['t'],
  form: UseFormReturn<T, unknown, unknown>,
  error: unknown,
  fields: Partial<Record<string, Path<T>>>,
  byCode: [readonly ErrorCode[], Path<T>][],
): string | null {
  if (applyServerIssues(t, form, error, fields)) return null;
  const code = toApiError(error).code;
  const field = byCode.find(([codes]) => codes.includes(code))?.[1];
  if (!field) return errorText(t, error);
  form.setError(field, { type: 'server', message: errorText(t, error) });
  return null;
}

/** "Netz anlegen": the first workstation founds the network on the share folder IT names. */
export function CreateNetworkCard({ onCreated }: { onCreated: (status: NetworkStatus) => void }) {
  const { t } = useTranslation();
  const fixedShare = usePolicyShare();
  const form = useSchemaForm(networkCreateInput, { share: fixedShare ?? '' });
  const [alert, setAlert] = useState<string | null>(null);

  const submit = form.handleSubmit(async ({ share }) => {
    setAlert(null);
    try {
      onCreated(await call('network.create', { share }));
    } catch (e) {
      setAlert(placeRefusal(t, form, e, { share: 'share' }, [[SHARE_CODES, 'share']]));
    }
  });

  return (
    <DashboardCard id="network-create" title={t('networkAdmin.create.title')} description={t('networkAdmin.create.description')}>
      <InlineForm
        labelledBy="network-create-title"
        alert={alert}
        busy={form.formState.isSubmitting}
        busyLabel={t('networkAdmin.create.working')}
        submitLabel={t('networkAdmin.create.submit')}
        onSubmit={submit}
      >
        <TextField control={form.control} name="share" label={t('networkAdmin.share')} hint={fixedShare ? t('machinePolicy.shareLocked') : t('networkAdmin.shareHint')} readOnly={fixedShare !== null} required spellCheck={false} maxLength={1024} />
      </InlineForm>
    </DashboardCard>
  );
}

/** The join input as typed: an empty code is "required", not "wrong format". */
const joinSchema = networkJoinInput.extend({ code: z.string().trim().min(1).pipe(invitationCodeSchema) });
const JOIN_OVERRIDES = {
  invitation: { too_small: 'networkAdmin.join.invitationRequired', too_big: 'networkAdmin.join.invitationTooLarge' },
  code: { invalid_format: 'networkAdmin.join.codeFormat', too_big: 'networkAdmin.join.codeFormat' },
};

/**
 * "Netz beitreten": a further workstation joins with the invitation file (read here as text) and the code IT was
 * told by phone, on the same share folder.
 */
export function JoinNetworkCard({ onJoined }: { onJoined: (status: NetworkStatus) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const fixedShare = usePolicyShare();
  const form = useSchemaForm(joinSchema, { share: fixedShare ?? '', invitation: '', code: '' }, JOIN_OVERRIDES);
  const [alert, setAlert] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);

  const submit = form.handleSubmit(async (values) => {
    setAlert(null);
    try {
      onJoined(await call('network.join', values));
    } catch (e) {
      setAlert(
        placeRefusal(t, form, e, { share: 'share', invitation: 'invitation', code: 'code' }, [
          [SHARE_CODES, 'share'],
          [INVITATION_CODES, 'invitation'],
          [['network.codeWrong'], 'code'],
        ]),
      );
    }
  });

  const readFile = async (file: File | undefined, onChange: (text: string) => void) => {
    setFileName(file?.name ?? null);
    if (!file) return onChange('');
    // A few KB of public keys; anything far larger is the wrong file and is not read into memory.
    if (file.size > INVITATION_MAX_CHARS * 4) {
      onChange('');
      return form.setError('invitation', { type: 'file', message: t('networkAdmin.join.invitationTooLarge') });
    }
    try {
      onChange(await file.text());
      if (form.formState.isSubmitted) void form.trigger('invitation');
      else form.clearErrors('invitation');
    } catch {
      onChange('');
      form.setError('invitation', { type: 'file', message: t('networkAdmin.join.invitationUnreadable') });
    }
  };

  return (
    <DashboardCard id="network-join" title={t('networkAdmin.join.title')} description={t('networkAdmin.join.description')}>
      <InlineForm
        labelledBy="network-join-title"
        alert={alert}
        busy={form.formState.isSubmitting}
        busyLabel={t('networkAdmin.join.working')}
        submitLabel={t('networkAdmin.join.submit')}
        onSubmit={submit}
      >
        <TextField control={form.control} name="share" label={t('networkAdmin.share')} hint={fixedShare ? t('machinePolicy.shareLocked') : t('networkAdmin.shareHint')} readOnly={fixedShare !== null} required spellCheck={false} maxLength={1024} />
        <Controller
          name="invitation"
          control={form.control}
          render={({ field, fieldState }) => (
            <Field
              label={t('networkAdmin.join.invitation')}
              hint={fileName ? t('networkAdmin.join.invitationChosen', { name: fileName }) : t('networkAdmin.join.invitationHint')}
              required
              validationState={fieldState.error ? 'error' : 'none'}
              validationMessage={fieldState.error?.message}
            >
              {(props) => (
                <input
                  {...props}
                  ref={field.ref}
                  name={field.name}
                  className={styles.fileInput}
                  type="file"
                  accept=".kimnet"
                  data-testid="invitation-file-input"
                  onBlur={field.onBlur}
                  onChange={(e) => void readFile(e.target.files?.[0], field.onChange)}
                />
              )}
            </Field>
          )}
        />
        <TextField
          control={form.control}
          name="code"
          label={t('networkAdmin.join.code')}
          hint={t('networkAdmin.join.codeHint')}
          required
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          maxLength={64}
        />
      </InlineForm>
    </DashboardCard>
  );
}
