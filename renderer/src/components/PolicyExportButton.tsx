import { Button, makeStyles, tokens, type ButtonProps } from '@fluentui/react-components';
import type { Ref } from 'react';
import type { ExportMethod } from '../api/core';
import { useExportBlock } from '../app/machine-policy';

const useStyles = makeStyles({
  wrap: { display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, maxWidth: '22em' },
});

/**
 * A button that starts an export (`method`): when the machine policy leaves that kind of file out, it stays focusable
 * but disabled, described by the German reason shown under it.
 */
export function PolicyExportButton({ method, disabled, disabledFocusable, ref, ...props }: ButtonProps & { method: ExportMethod; ref?: Ref<HTMLButtonElement> }) {
  const block = useExportBlock(method);
  const styles = useStyles();
  if (!block.blocked) return <Button ref={ref} disabled={disabled} disabledFocusable={disabledFocusable} {...props} />;
  return (
    <span className={styles.wrap}>
      <Button ref={ref} {...props} disabledFocusable aria-describedby={block.describedBy} data-export-blocked={method} />
      {block.notice}
    </span>
  );
}
