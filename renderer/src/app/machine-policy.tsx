import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { createContext, useContext, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { exportKindOf, type ExportMethod, type PolicyView } from '../api/core';

/** The effective machine policy (vault.status), for every screen that locks a setting or an export by it. */
const MachinePolicyContext = createContext<PolicyView | null>(null);

export function MachinePolicyProvider({ policy, children }: { policy: PolicyView; children: ReactNode }) {
  return <MachinePolicyContext.Provider value={policy}>{children}</MachinePolicyContext.Provider>;
}

/** The policy, or null outside the app frame (then nothing is locked: the core still refuses). */
export function useMachinePolicy(): PolicyView | null {
  return useContext(MachinePolicyContext);
}

const useStyles = makeStyles({
  notice: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface ExportBlock {
  /** The policy leaves this kind of file out: the button is disabled (still focusable, to read why). */
  blocked: boolean;
  /** For the button's aria-describedby while blocked. */
  describedBy: string | undefined;
  /** The explanation to render next to the button, or null. */
  notice: ReactNode;
}

/**
 * Whether IT allows the export a button starts (exports.allowed), with the German explanation when not. The core
 * refuses the call anyway (policy.exportNotAllowed); this keeps users from trying.
 */
export function useExportBlock(method: ExportMethod): ExportBlock {
  const policy = useMachinePolicy();
  const { t } = useTranslation();
  const styles = useStyles();
  const id = useId();
  const kind = exportKindOf(method);
  const blocked = policy !== null && kind !== null && !policy.exportsAllowed.includes(kind);
  return {
    blocked,
    describedBy: blocked ? id : undefined,
    notice: blocked ? (
      <Text id={id} className={styles.notice}>
        {t('machinePolicy.exportBlocked', { kind: t(`machinePolicy.exportKinds.${kind}`) })}
      </Text>
    ) : null,
  };
}
