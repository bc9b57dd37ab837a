import { Button, Field, Link, Select, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary, DocumentView } from '../../api/case-types';
import { call } from '../../api/client';
import { DOCUMENT_CATEGORIES, MAX_DOCUMENT_BYTES, type DocumentCategory } from '../../api/core';
import { errorText } from '../../api/error-text';
import { hrefs } from '../../app/routes';
import { formatDate } from '../../format/date';
import { formatIsoDay } from '../../format/partial-date';
import { FormAlert, StatusNotice } from '../FormAlert';
import { PassphraseConfirmDialog } from '../PassphraseConfirmDialog';
import { useSectionStyles } from '../section-styles';
import { useTableStyles } from '../table-styles';
import { DocumentPreview } from './DocumentPreview';
import { documentMime, fileToBase64, formatSize } from './file-bytes';

const useStyles = makeStyles({
  drop: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dragging: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  dropText: { flexGrow: 1, margin: 0, minWidth: '240px' },
  hiddenInput: { display: 'none' },
  hash: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

interface Props {
  clientId: string;
  /** The documents to list: all of the client's on the client file, the case's own on the case file. */
  documents: DocumentView[];
  /** Set on the case file: uploads are filed to this case. */
  caseId?: string;
  /** Set on the client file: each document shows the case it is filed to, with a link. */
  cases?: CaseSummary[];
  /** A closed case takes no new documents (the core refuses them too); viewing and deleting stay possible. */
  readOnly?: boolean;
  /** False for those who may only read the file (another office, the ABH): no delete buttons. */
  canDelete?: boolean;
  onChanged: () => void;
}

/**
 * Documents of a client or of one of its cases: drop files or choose them; each is checked here for type and size
 * first (the core checks again, including the content), stored encrypted by the core, shown with its SHA-256 so a
 * copy can be verified. Deleting asks for the user's passphrase.
 */
export function DocumentsSection({ clientId, documents, caseId, cases, readOnly = false, canDelete = true, onChanged }: Props) {
  const styles = useStyles();
  const s = useSectionStyles();
  const table = useTableStyles();
  const { t, i18n } = useTranslation();
  const [category, setCategory] = useState<DocumentCategory>('identity');
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [preview, setPreview] = useState<DocumentView | null>(null);
  const [deleting, setDeleting] = useState<DocumentView | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const maxMegabytes = MAX_DOCUMENT_BYTES / 1024 / 1024;

  const upload = async (files: FileList | File[]) => {
    setAlert(null);
    setNotice(null);
    const uploaded: string[] = [];
    const problems: string[] = [];
    setBusy(true);
    for (const file of Array.from(files)) {
      const mimeType = documentMime(file);
      if (!mimeType) {
        problems.push(t('documents.wrongType', { name: file.name }));
        continue;
      }
      if (file.size > MAX_DOCUMENT_BYTES) {
        problems.push(t('documents.tooLarge', { name: file.name, size: formatSize(file.size, i18n.language), max: maxMegabytes }));
        continue;
      }
      try {
        const contentBase64 = await fileToBase64(file);
        await call('documents.upload', { clientId, caseId, fileName: file.name, mimeType, category, contentBase64 });
        uploaded.push(file.name);
      } catch (e) {
        problems.push(`${file.name}: ${errorText(t, e)}`);
      }
    }
    setBusy(false);
    if (problems.length) setAlert(problems.join(' '));
    if (uploaded.length) {
      setNotice(t('documents.uploaded', { count: uploaded.length, names: uploaded.join(', ') }));
      onChanged();
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length) void upload(event.dataTransfer.files);
  };

  /** Throws on refusal, so the confirmation dialog stays open and shows why. */
  const remove = async (doc: DocumentView, passphrase: string) => {
    await call('documents.delete', { id: doc.id, passphrase });
    setDeleting(null);
    if (preview?.id === doc.id) setPreview(null);
    setAlert(null);
    setNotice(t('documents.deleted', { name: doc.fileName }));
    onChanged();
  };

  const caseLabel = (id: string | null) => {
    if (!id) return t('documents.clientOnly');
    const kase = cases?.find((c) => c.id === id);
    return <Link href={hrefs.case(id)}>{kase ? t('cases.caseFrom', { date: formatIsoDay(kase.openedOn) }) : t('cases.case')}</Link>;
  };

  return (
    <section className={s.section} aria-labelledby="documents-title">
      <h2 id="documents-title" className={s.h2}>
        {t('documents.title')}
      </h2>
      {readOnly ? (
        <p className={s.empty}>{t('documents.caseClosed')}</p>
      ) : (
        <div
          className={mergeClasses(styles.drop, dragging && styles.dragging)}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="document-drop-zone"
        >
          <p className={styles.dropText}>{t(caseId ? 'documents.caseDropHint' : 'documents.dropHint', { max: maxMegabytes })}</p>
          <Field label={t('documents.category')}>
            <Select value={category} onChange={(_, d) => setCategory(d.value as DocumentCategory)}>
              {DOCUMENT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`documentCategories.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
          <input
            ref={input}
            className={styles.hiddenInput}
            type="file"
            multiple
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            aria-label={t('documents.choose')}
            tabIndex={-1}
            data-testid="document-file-input"
            onChange={(e) => {
              if (e.target.files?.length) void upload(e.target.files);
              e.target.value = '';
            }}
          />
          <Button appearance="primary" onClick={() => input.current?.click()} disabledFocusable={busy}>
            {t('documents.choose')}
          </Button>
          {busy ? <Spinner size="tiny" label={t('documents.uploading')} /> : null}
        </div>
      )}
      <FormAlert message={alert} />
      <StatusNotice message={notice} />
      {documents.length === 0 ? (
        <p className={s.empty}>{t('documents.empty')}</p>
      ) : (
        <table className={table.table}>
          <thead>
            <tr>
              <th scope="col" className={table.th}>{t('documents.fileName')}</th>
              <th scope="col" className={table.th}>{t('documents.category')}</th>
              <th scope="col" className={table.th}>{t('documents.size')}</th>
              <th scope="col" className={table.th}>{t('documents.added')}</th>
              {cases ? <th scope="col" className={table.th}>{t('documents.assignment')}</th> : null}
              <th scope="col" className={table.th}>{t('documents.sha256')}</th>
              <th scope="col" className={table.th}><span className={s.muted}>{t('common.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td className={table.td}>{d.fileName}</td>
                <td className={table.td}>{t(`documentCategories.${d.category}`)}</td>
                <td className={table.td}>{formatSize(d.size, i18n.language)}</td>
                <td className={table.td}>{formatDate(d.createdAt)}</td>
                {cases ? <td className={table.td}>{caseLabel(d.caseId)}</td> : null}
                <td className={table.td}>
                  <code className={styles.hash} data-testid="document-hash">
                    {d.sha256}
                  </code>
                </td>
                <td className={table.td}>
                  <div className={styles.actions}>
                    <Button size="small" onClick={() => setPreview(d)} aria-label={t('documents.previewLabel', { name: d.fileName })}>
                      {t('documents.preview')}
                    </Button>
                    {canDelete ? (
                      <Button size="small" onClick={() => setDeleting(d)} aria-label={t('documents.deleteLabel', { name: d.fileName })}>
                        {t('common.delete')}
                      </Button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview ? <DocumentPreview key={preview.id} doc={preview} onClose={() => setPreview(null)} /> : null}
      <PassphraseConfirmDialog
        open={deleting !== null}
        title={t('documents.deleteTitle')}
        message={t('documents.deleteQuestion', { name: deleting?.fileName ?? '' })}
        confirmLabel={t('common.delete')}
        onConfirm={(passphrase) => (deleting ? remove(deleting, passphrase) : Promise.resolve())}
        onCancel={() => setDeleting(null)}
      />
    </section>
  );
}
