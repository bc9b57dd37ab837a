import { Badge, Button, Checkbox, Field, Input, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import {
  OFFICES,
  PARTNER_KINDS,
  PARTNER_SERVICES,
  directoryAllows,
  type Office,
  type DirectoryConflictView,
  type PartnerContactView,
  type PartnerDetail,
  type PartnerKind,
  type PartnerProposalView,
  type PartnerService,
  type SessionUser,
} from '../api/core';
import { errorText } from '../api/error-text';
import { useLoad } from '../app/use-load';
import { DashboardCard } from '../components/DashboardCard';
import { FormAlert, StatusNotice } from '../components/FormAlert';
import { PageHeader } from '../components/PageHeader';
import { CodeSelect } from '../components/CodeSelect';
import { ConfirmNoteDialog } from '../components/partners/ConfirmNoteDialog';
import { ContactDialog } from '../components/partners/ContactDialog';
import { PartnerFormDialog, type PartnerFormMode } from '../components/partners/PartnerFormDialog';
import { useTableStyles } from '../components/table-styles';
import { formatDate, formatTime } from '../format/date';
import { MAIN_LANGUAGES, languageName, sortedByName } from '../format/world';

const useStyles = makeStyles({
  page: { maxWidth: '1200px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS, margin: 0 },
  dt: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  dd: { margin: 0, whiteSpace: 'pre-line' },
  h3: { margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
});

interface Filters {
  query: string;
  service: PartnerService | '';
  service2: PartnerService | '';
  language: string;
  office: Office | '';
  kind: PartnerKind | '';
  includeArchived: boolean;
}
const NO_FILTERS: Filters = { query: '', service: '', service2: '', language: '', office: '', kind: '', includeArchived: false };

type Dialog =
  | { kind: 'partner'; mode: PartnerFormMode }
  | { kind: 'contact'; contact: PartnerContactView | null; propose?: boolean }
  | { kind: 'removeContact'; contact: PartnerContactView }
  | { kind: 'archive' }
  | { kind: 'decide'; proposal: PartnerProposalView; accept: boolean };

/**
 * "Partnernetz": find partners by offer, language, office and kind; their details and contact persons; Koordination
 * keeps the entries and decides proposals, case managers propose changes. The core checks every step again.
 */
export function PartnersPage({ user }: { user: SessionUser }) {
  const styles = useStyles();
  const table = useTableStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const canEdit = directoryAllows(user.role, 'edit');
  const canPropose = directoryAllows(user.role, 'propose');
  const seesProposals = directoryAllows(user.role, 'proposals');
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const detailHeading = useRef<HTMLHeadingElement>(null);

  const results = useLoad(
    () =>
      call('partners.search', {
        query: filters.query || undefined,
        services: [filters.service, filters.service2].filter((s): s is PartnerService => s !== ''),
        language: filters.language || undefined,
        office: filters.office || undefined,
        kind: filters.kind || undefined,
        includeArchived: filters.includeArchived,
      }),
    [JSON.stringify(filters)],
  );
  const detail = useLoad<PartnerDetail | null>(() => (selectedId ? call('partners.get', { id: selectedId }) : Promise.resolve(null)), [selectedId]);
  // Koordination on two workstations changed the same field without seeing each other's change: keep one.
  const conflicts = useLoad<DirectoryConflictView[]>(() => (canEdit ? call('partnerConflicts.list', {}) : Promise.resolve([])), [canEdit]);
  const proposals = useLoad<PartnerProposalView[]>(
    () => (seesProposals ? call('partnerProposals.list', { status: canEdit ? 'open' : 'all' }) : Promise.resolve([])),
    [seesProposals, canEdit],
  );

  const search = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ ...draft, query: draft.query.trim() });
  };
  const select = (id: string) => {
    setSelectedId(id);
    // The detail appears below the list: move focus there so a keyboard user lands on what opened.
    requestAnimationFrame(() => setTimeout(() => detailHeading.current?.focus(), 50));
  };
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    results.reload();
    detail.reload();
    proposals.reload();
    conflicts.reload();
  };
  const keep = async (c: DirectoryConflictView, side: 'winner' | 'other') => {
    try {
      conflicts.set(await call('partnerConflicts.resolve', { id: c.id, keep: side }));
      done(t('partners.conflicts.kept', { name: c.partnerName ?? '' }));
    } catch (e) {
      setNotice(errorText(t, e));
    }
  };
  const fieldLabel = (c: DirectoryConflictView) =>
    t(c.entity === 'partner_contact' ? `partners.contactForm.${c.field}` : `partners.form.${c.field}`, { defaultValue: c.field });

  const serviceSelect = (key: 'service' | 'service2') => (
    <Field label={t(`partners.search.${key}`)}>
      <CodeSelect codes={PARTNER_SERVICES} value={draft[key]} onChange={(v) => setDraft((f) => ({ ...f, [key]: v }))} emptyLabel={t('partners.search.any')} label={(c) => t(`partners.services.${c}`)} />
    </Field>
  );

  const p = detail.data;
  const list = results.data;
  const changeOf = (pp: PartnerProposalView): string =>
    pp.target === 'contact'
      ? `${t('partners.proposals.contactChange')}: ${pp.contact?.name ?? ''}`
      : pp.partnerId
        ? t('partners.proposals.partnerChange')
        : t('partners.proposals.newPartner');
  const none = t('partners.detail.none');
  const listText = (items: string[]) => (items.length ? items.join(', ') : none);
  return (
    <div className={styles.page}>
      <PageHeader
        title={t('partners.title')}
        lead={t('partners.lead')}
        actions={
          canEdit ? (
            <Button appearance="primary" onClick={() => setDialog({ kind: 'partner', mode: 'new' })}>
              {t('partners.actions.newPartner')}
            </Button>
          ) : canPropose ? (
            <Button onClick={() => setDialog({ kind: 'partner', mode: 'proposeNew' })}>{t('partners.actions.proposeNew')}</Button>
          ) : undefined
        }
      />
      <StatusNotice message={notice} />

      <DashboardCard id="partner-search" title={t('partners.search.title')}>
        <form onSubmit={search} role="search" aria-label={t('partners.search.title')}>
          <div className={styles.filters}>
            <Field label={t('partners.search.query')} hint={t('partners.search.queryHint')}>
              <Input type="search" value={draft.query} onChange={(_, d) => setDraft((f) => ({ ...f, query: d.value }))} />
            </Field>
            {serviceSelect('service')}
            {serviceSelect('service2')}
            <Field label={t('partners.search.language')}>
              <Select value={draft.language} onChange={(_, d) => setDraft((f) => ({ ...f, language: d.value }))}>
                <option value="">{t('partners.search.any')}</option>
                {sortedByName(MAIN_LANGUAGES, (c) => languageName(c, language), language).map((c) => (
                  <option key={c} value={c}>
                    {languageName(c, language)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('partners.search.office')}>
              <CodeSelect codes={OFFICES} value={draft.office} onChange={(v) => setDraft((f) => ({ ...f, office: v }))} emptyLabel={t('partners.search.any')} label={(o) => t(`offices.${o}`)} />
            </Field>
            <Field label={t('partners.search.kind')}>
              <CodeSelect codes={PARTNER_KINDS} value={draft.kind} onChange={(v) => setDraft((f) => ({ ...f, kind: v }))} emptyLabel={t('partners.search.any')} label={(k) => t(`partners.kinds.${k}`)} />
            </Field>
          </div>
          <div className={styles.buttons}>
            <Checkbox label={t('partners.search.archived')} checked={draft.includeArchived} onChange={(_, d) => setDraft((f) => ({ ...f, includeArchived: d.checked === true }))} />
            <Button type="submit" appearance="primary">
              {t('partners.search.submit')}
            </Button>
            <Button
              type="button"
              onClick={() => {
                setDraft(NO_FILTERS);
                setFilters(NO_FILTERS);
              }}
            >
              {t('partners.search.reset')}
            </Button>
          </div>
        </form>
      </DashboardCard>

      <DashboardCard id="partner-results" title={t('partners.results.title')}>
        <FormAlert message={results.error ? errorText(t, results.error) : null} />
        {list === null && !results.error ? <Spinner size="small" label={t('partners.results.loading')} /> : null}
        <p className={styles.muted} role="status" aria-atomic="true">
          {list ? (list.length ? t('partners.results.count', { count: list.length }) : t('partners.results.none')) : ''}
        </p>
        {list && list.length ? (
          <table className={table.table} aria-label={t('partners.results.tableLabel')}>
            <thead>
              <tr>
                {(['name', 'kind', 'city', 'services', 'languages', 'offices'] as const).map((c) => (
                  <th key={c} className={table.th} scope="col">
                    {t(`partners.results.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id} data-testid="partner-row">
                  <td className={table.td}>
                    <Button appearance="transparent" aria-label={t('partners.results.show', { name: r.name })} onClick={() => select(r.id)}>
                      {r.name}
                    </Button>
                    {r.archived ? <Badge appearance="outline">{t('partners.results.archived')}</Badge> : null}
                  </td>
                  <td className={table.td}>{t(`partners.kinds.${r.kind}`)}</td>
                  <td className={table.td}>{r.city ?? none}</td>
                  <td className={table.td}>{listText(r.services.map((s) => t(`partners.services.${s}`)))}</td>
                  <td className={table.td}>{listText(r.languages.map((c) => languageName(c, language)))}</td>
                  <td className={table.td}>{listText(r.offices.map((o) => t(`offices.${o}`)))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </DashboardCard>

      {selectedId ? (
        <section aria-labelledby="partner-detail-title">
          <h2 id="partner-detail-title" ref={detailHeading} tabIndex={-1}>
            {p ? t('partners.detail.title', { name: p.name }) : t('partners.results.loading')}
          </h2>
          <FormAlert message={detail.error ? errorText(t, detail.error) : null} />
          {p ? (
            <>
              {p.archived ? <StatusNotice intent="warning" message={t('partners.detail.archivedNotice')} /> : null}
              <div className={styles.buttons}>
                {canEdit ? (
                  <>
                    <Button onClick={() => setDialog({ kind: 'partner', mode: 'edit' })}>{t('partners.detail.edit')}</Button>
                    {!p.archived ? <Button onClick={() => setDialog({ kind: 'contact', contact: null })}>{t('partners.detail.addContact')}</Button> : null}
                    {p.archived ? (
                      <Button
                        onClick={() =>
                          void call('partners.archive', { id: p.id, version: p.version, archived: false }).then(
                            () => done(t('partners.archive.restored', { name: p.name })),
                            (e: unknown) => setNotice(errorText(t, e)),
                          )
                        }
                      >
                        {t('partners.detail.restore')}
                      </Button>
                    ) : (
                      <Button onClick={() => setDialog({ kind: 'archive' })}>{t('partners.detail.archive')}</Button>
                    )}
                  </>
                ) : null}
                {canPropose && !p.archived ? (
                  <>
                    <Button onClick={() => setDialog({ kind: 'partner', mode: 'propose' })}>{t('partners.detail.propose')}</Button>
                    <Button onClick={() => setDialog({ kind: 'contact', contact: null, propose: true })}>{t('partners.contactForm.proposeNew')}</Button>
                  </>
                ) : null}
                <Button appearance="subtle" onClick={() => setSelectedId(null)}>
                  {t('partners.detail.close')}
                </Button>
              </div>
              <dl className={styles.facts}>
                <dt className={styles.dt}>{t('partners.search.kind')}</dt>
                <dd className={styles.dd}>{t(`partners.kinds.${p.kind}`)}</dd>
                <dt className={styles.dt}>{t('partners.detail.address')}</dt>
                <dd className={styles.dd}>{[p.street, [p.postalCode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || none}</dd>
                <dt className={styles.dt}>{t('partners.detail.openingHours')}</dt>
                <dd className={styles.dd}>{p.openingHours ?? none}</dd>
                <dt className={styles.dt}>{t('partners.detail.phone')}</dt>
                <dd className={styles.dd}>{p.phone ?? none}</dd>
                <dt className={styles.dt}>{t('partners.detail.email')}</dt>
                <dd className={styles.dd}>{p.email ?? none}</dd>
                <dt className={styles.dt}>{t('partners.detail.services')}</dt>
                <dd className={styles.dd}>{listText(p.services.map((s) => t(`partners.services.${s}`)))}</dd>
                <dt className={styles.dt}>{t('partners.detail.languages')}</dt>
                <dd className={styles.dd}>{listText(p.languages.map((c) => languageName(c, language)))}</dd>
                <dt className={styles.dt}>{t('partners.detail.offices')}</dt>
                <dd className={styles.dd}>{listText(p.offices.map((o) => t(`offices.${o}`)))}</dd>
                <dt className={styles.dt}>{t('partners.detail.rechtskreise')}</dt>
                <dd className={styles.dd}>{listText(p.rechtskreise.map((r) => t(`rechtskreise.${r}`)))}</dd>
                <dt className={styles.dt}>{t('partners.detail.notes')}</dt>
                <dd className={styles.dd}>{p.notes ?? none}</dd>
              </dl>
              <h3 className={styles.h3}>{t('partners.detail.contacts')}</h3>
              {p.contacts.length ? (
                <table className={table.table} aria-label={t('partners.detail.contactsTable', { name: p.name })}>
                  <thead>
                    <tr>
                      {(['name', 'function', 'phone', 'email'] as const).map((c) => (
                        <th key={c} className={table.th} scope="col">
                          {t(`partners.detail.contactColumns.${c}`)}
                        </th>
                      ))}
                      {canEdit || (canPropose && !p.archived) ? (
                        <th className={table.th} scope="col">
                          {t('partners.detail.contactColumns.actions')}
                        </th>
                      ) : null}
                    </tr>
                  </thead>
                  <tbody>
                    {p.contacts.map((c) => (
                      <tr key={c.id}>
                        <td className={table.td}>{c.name}</td>
                        <td className={table.td}>{c.function ?? none}</td>
                        <td className={table.td}>{c.phone ?? none}</td>
                        <td className={table.td}>{c.email ?? none}</td>
                        {canEdit ? (
                          <td className={table.td}>
                            <div className={styles.buttons}>
                              <Button size="small" aria-label={t('partners.detail.editContact', { name: c.name })} onClick={() => setDialog({ kind: 'contact', contact: c })}>
                                {t('partners.detail.edit')}
                              </Button>
                              <Button size="small" aria-label={t('partners.detail.removeContact', { name: c.name })} onClick={() => setDialog({ kind: 'removeContact', contact: c })}>
                                {t('partners.contactForm.removeSubmit')}
                              </Button>
                            </div>
                          </td>
                        ) : canPropose && !p.archived ? (
                          <td className={table.td}>
                            <Button size="small" aria-label={t('partners.contactForm.proposeChange', { name: c.name })} onClick={() => setDialog({ kind: 'contact', contact: c, propose: true })}>
                              {t('partners.detail.propose')}
                            </Button>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className={styles.muted}>{t('partners.detail.noContacts')}</p>
              )}
            </>
          ) : null}
        </section>
      ) : null}

      {conflicts.data && conflicts.data.length ? (
        <DashboardCard id="partner-conflicts" title={t('partners.conflicts.title')}>
          <p className={styles.muted}>{t('partners.conflicts.intro')}</p>
          <table className={table.table} aria-label={t('partners.conflicts.title')}>
            <thead>
              <tr>
                {(['partner', 'field', 'winner', 'other'] as const).map((col) => (
                  <th key={col} className={table.th} scope="col">
                    {t(`partners.conflicts.columns.${col}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {conflicts.data.map((c) => (
                <tr key={c.id} data-testid="partner-conflict">
                  <td className={table.td}>{c.partnerName ?? none}</td>
                  <td className={table.td}>{fieldLabel(c)}</td>
                  {(['winner', 'other'] as const).map((side) => (
                    <td key={side} className={table.td}>
                      <div>{c[side].value ?? none}</div>
                      <div className={styles.muted}>{t('partners.conflicts.by', { name: c[side].actorName ?? none, at: `${formatDate(c[side].at)}, ${formatTime(c[side].at)}` })}</div>
                      <Button size="small" aria-label={t('partners.conflicts.keepFor', { field: fieldLabel(c), value: c[side].value ?? none })} onClick={() => void keep(c, side)}>
                        {t('partners.conflicts.keep')}
                      </Button>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </DashboardCard>
      ) : null}

      {seesProposals ? (
        <DashboardCard id="partner-proposals" title={canEdit ? t('partners.proposals.title') : t('partners.proposals.ownTitle')}>
          <FormAlert message={proposals.error ? errorText(t, proposals.error) : null} />
          {proposals.data && proposals.data.length ? (
            <table className={table.table} aria-label={canEdit ? t('partners.proposals.tableLabel') : t('partners.proposals.ownTableLabel')}>
              <thead>
                <tr>
                  {(['partner', 'change', 'by', 'at', 'status'] as const).map((c) => (
                    <th key={c} className={table.th} scope="col">
                      {t(`partners.proposals.columns.${c}`)}
                    </th>
                  ))}
                  {canEdit ? (
                    <th className={table.th} scope="col">
                      {t('partners.proposals.columns.actions')}
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {proposals.data.map((pp) => (
                  <tr key={pp.id} data-testid="partner-proposal">
                    <td className={table.td}>{pp.partnerName}</td>
                    <td className={table.td}>
                      {changeOf(pp)}
                      {pp.partner ? <ProposalSummary partner={pp.partner} /> : null}
                      {pp.comment ? <div className={styles.muted}>{t('partners.proposals.comment', { comment: pp.comment })}</div> : null}
                    </td>
                    <td className={table.td}>{pp.proposedByName}</td>
                    <td className={table.td}>{`${formatDate(pp.proposedAt)}, ${formatTime(pp.proposedAt)}`}</td>
                    <td className={table.td}>{t(`partners.proposals.status.${pp.status}`)}</td>
                    {canEdit ? (
                      <td className={table.td}>
                        {pp.status === 'open' ? (
                          <div className={styles.buttons}>
                            <Button size="small" aria-label={t('partners.proposals.acceptFor', { name: pp.partnerName, change: changeOf(pp) })} onClick={() => setDialog({ kind: 'decide', proposal: pp, accept: true })}>
                              {t('partners.proposals.accept')}
                            </Button>
                            <Button size="small" aria-label={t('partners.proposals.rejectFor', { name: pp.partnerName, change: changeOf(pp) })} onClick={() => setDialog({ kind: 'decide', proposal: pp, accept: false })}>
                              {t('partners.proposals.reject')}
                            </Button>
                          </div>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : proposals.data ? (
            <p className={styles.muted}>{canEdit ? t('partners.proposals.none') : t('partners.proposals.ownNone')}</p>
          ) : null}
        </DashboardCard>
      ) : null}

      {dialog?.kind === 'partner' ? (
        <PartnerFormDialog
          mode={dialog.mode}
          partner={dialog.mode === 'edit' || dialog.mode === 'propose' ? p : null}
          onCancel={() => setDialog(null)}
          onDone={(message, saved) => {
            done(message);
            if (saved) setSelectedId(saved.id);
          }}
        />
      ) : null}
      {dialog?.kind === 'contact' && p ? (
        <ContactDialog partnerId={p.id} contact={dialog.contact} propose={dialog.propose} onCancel={() => setDialog(null)} onDone={done} />
      ) : null}
      {dialog?.kind === 'removeContact' ? (
        <ConfirmNoteDialog
          title={t('partners.contactForm.removeTitle')}
          intro={t('partners.contactForm.removeIntro', { name: dialog.contact.name })}
          submitLabel={t('partners.contactForm.removeSubmit')}
          run={async () => {
            await call('partnerContacts.remove', { id: dialog.contact.id });
            return t('partners.contactForm.removed', { name: dialog.contact.name });
          }}
          onDone={done}
          onCancel={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'archive' && p ? (
        <ConfirmNoteDialog
          title={t('partners.archive.title', { name: p.name })}
          intro={t('partners.archive.intro')}
          submitLabel={t('partners.archive.submit')}
          run={async () => {
            await call('partners.archive', { id: p.id, version: p.version, archived: true });
            return t('partners.archive.done', { name: p.name });
          }}
          onDone={done}
          onCancel={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'decide' ? (
        <ConfirmNoteDialog
          title={dialog.accept ? t('partners.proposals.decideAcceptTitle') : t('partners.proposals.decideRejectTitle')}
          intro={t(dialog.accept ? 'partners.proposals.decideAcceptIntro' : 'partners.proposals.decideRejectIntro', { name: dialog.proposal.partnerName })}
          submitLabel={dialog.accept ? t('partners.proposals.accept') : t('partners.proposals.reject')}
          noteLabel={t('partners.proposals.note')}
          run={async (note) => {
            await call('partnerProposals.decide', { id: dialog.proposal.id, accept: dialog.accept, note });
            return t(dialog.accept ? 'partners.proposals.accepted' : 'partners.proposals.rejected', { name: dialog.proposal.partnerName });
          }}
          onDone={done}
          onCancel={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}

/** The proposed partner fields in one line each, so Koordination sees what would be applied. */
function ProposalSummary({ partner }: { partner: NonNullable<PartnerProposalView['partner']> }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const parts = [
    partner.name,
    partner.openingHours,
    [partner.street, partner.postalCode, partner.city].filter(Boolean).join(' '),
    partner.services.map((s) => t(`partners.services.${s}`)).join(', '),
    partner.languages.map((c) => languageName(c, i18n.language)).join(', '),
  ].filter((x): x is string => !!x);
  return <div className={styles.muted}>{parts.join(' · ')}</div>;
}
