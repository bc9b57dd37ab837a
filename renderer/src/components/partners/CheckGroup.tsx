import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  group: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  scroll: { maxHeight: '180px', overflowY: 'auto' },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

/** A labelled group of checkboxes for a list of codes (services, languages, offices), its error announced with it. */
export function CheckGroup<T extends string>({
  legend,
  options,
  labelOf,
  value,
  onChange,
  error,
  scroll,
}: {
  legend: string;
  options: readonly T[];
  labelOf: (o: T) => string;
  value: readonly T[];
  onChange: (next: T[]) => void;
  error?: string;
  scroll?: boolean;
}) {
  const styles = useStyles();
  const errorId = useId();
  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? errorId : undefined}>
      <legend className={styles.legend}>{legend}</legend>
      <div className={`${styles.group} ${scroll ? styles.scroll : ''}`}>
        {options.map((o) => (
          <Checkbox
            key={o}
            label={labelOf(o)}
            checked={value.includes(o)}
            onChange={(_, d) => onChange(d.checked === true ? [...value, o] : value.filter((v) => v !== o))}
          />
        ))}
      </div>
      {error ? (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
