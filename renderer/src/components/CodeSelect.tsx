import { Select, type SelectProps } from '@fluentui/react-components';

/**
 * A Select over a vocabulary of codes (life areas, kinds, offices …): an empty first choice, then each code with
 * its label. Forms and filters share it so every such list reads and behaves the same.
 */
export function CodeSelect<C extends string>({
  codes,
  value,
  onChange,
  emptyLabel,
  label,
  disabled,
}: {
  codes: readonly C[];
  value: C | '';
  onChange: (value: C | '') => void;
  emptyLabel: string;
  label: (code: C) => string;
  disabled?: SelectProps['disabled'];
}) {
  return (
    <Select value={value} disabled={disabled} onChange={(_, d) => onChange(d.value as C | '')}>
      <option value="">{emptyLabel}</option>
      {codes.map((c) => (
        <option key={c} value={c}>
          {label(c)}
        </option>
      ))}
    </Select>
  );
}
