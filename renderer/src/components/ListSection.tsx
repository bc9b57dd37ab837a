import { Button } from '@fluentui/react-components';
import { useState, type FormEventHandler, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, StatusNotice } from './FormAlert';
import { PassphraseConfirmDialog } from './PassphraseConfirmDialog';
import { useSectionStyles } from './section-styles';
import { useTableStyles } from './table-styles';

export interface ListColumn<T> {
  header: string;
  cell: (item: T) => ReactNode;
}

/** Removing an entry with the user's passphrase as confirmation (personal data: re-authentication). */
export interface ListRemoval<T> {
  /** Accessible name of an entry's remove button, e.g. "Anna entfernen". */
  buttonLabel: (item: T) => string;
  title: string;
  question: (item: T) => string;
  /** Runs the delete; throw to keep the confirmation open with the refusal shown. */
  run: (item: T, passphrase: string) => Promise<void>;
}

interface Props<T> {
  /** Prefix of the heading's id (`${id}-title`), which labels the section. */
  id: string;
  title: string;
  items: readonly T[];
  itemKey: (item: T) => string;
  emptyText: string;
  /** Refusals of the section's calls; undefined when the add form shows its own. */
  alert?: string | null;
  /** Outcome of a remove, announced politely; undefined when the section has no such region. */
  notice?: string | null;
  /** Shown under the heading (e.g. the current residence status). */
  lead?: ReactNode;
  /** A table of these columns; or `renderList` for another shape. */
  columns?: ListColumn<T>[];
  renderList?: (items: readonly T[]) => ReactNode;
  removal?: ListRemoval<T>;
  /** The add form (an AddForm), or null when the user may only read. */
  addForm?: ReactNode;
  /** The add form above the list (notes: the newest entry is written on top). */
  formFirst?: boolean;
}

/**
 * The repeated section of client and case files: heading, alert and notice, the entries (or a text saying there
 * are none), an inline add form, and removal behind a passphrase confirmation.
 */
export function ListSection<T>({
  id,
  title,
  items,
  itemKey,
  emptyText,
  alert,
  notice,
  lead,
  columns,
  renderList,
  removal,
  addForm,
  formFirst = false,
}: Props<T>) {
  const s = useSectionStyles();
  const table = useTableStyles();
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<T | null>(null);

  const list =
    items.length === 0 ? (
      <p className={s.empty}>{emptyText}</p>
    ) : renderList ? (
      renderList(items)
    ) : (
      <table className={table.table}>
        <thead>
          <tr>
            {(columns ?? []).map((c) => (
              <th key={c.header} scope="col" className={table.th}>
                {c.header}
              </th>
            ))}
            {removal ? (
              <th scope="col" className={table.th}>
                <span className={s.muted}>{t('common.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={itemKey(item)}>
              {(columns ?? []).map((c) => (
                <td key={c.header} className={table.td}>
                  {c.cell(item)}
                </td>
              ))}
              {removal ? (
                <td className={table.td}>
                  <Button size="small" onClick={() => setRemoving(item)} aria-label={removal.buttonLabel(item)}>
                    {t('common.remove')}
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    );

  return (
    <section className={s.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={s.h2}>
        {title}
      </h2>
      {lead}
      {alert !== undefined ? <FormAlert message={alert} /> : null}
      {notice !== undefined ? <StatusNotice message={notice} /> : null}
      {formFirst ? addForm : null}
      {list}
      {formFirst ? null : addForm}
      {removal ? (
        <PassphraseConfirmDialog
          open={removing !== null}
          title={removal.title}
          message={removing !== null ? removal.question(removing) : ''}
          confirmLabel={t('common.remove')}
          onConfirm={async (passphrase) => {
            if (removing === null) return;
            await removal.run(removing, passphrase);
            setRemoving(null);
          }}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </section>
  );
}

/** The inline add form of a ListSection: labelled by its heading, fields in a grid, the submit button last. */
export function AddForm({
  titleId,
  title,
  submitLabel,
  onSubmit,
  alert,
  children,
}: {
  titleId: string;
  title: string;
  submitLabel: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The form's own alert under its heading (when the section has none). */
  alert?: string | null;
  children: ReactNode;
}) {
  const s = useSectionStyles();
  return (
    <form className={s.addForm} onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <h3 id={titleId} className={`${s.h3} ${s.wide}`}>
        {title}
      </h3>
      {alert !== undefined ? <FormAlert message={alert} /> : null}
      {children}
      <div className={s.formActions}>
        <Button type="submit" appearance="primary">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
