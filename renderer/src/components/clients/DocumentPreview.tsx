import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../api/case-types';
import { call } from '../../api/client';
import { errorText } from '../../api/error-text';
import { FormAlert } from '../FormAlert';
import { base64ToBlob } from './file-bytes';

const useStyles = makeStyles({
  wrap: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
  },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  frame: { width: '100%', height: '70vh', border: 'none', backgroundColor: tokens.colorNeutralBackground3 },
  image: { maxWidth: '100%', maxHeight: '70vh', objectFit: 'contain', alignSelf: 'center' },
});

/**
 * Shows a document inside the app, decrypted by the core on request. Images as data: URLs (CSP img-src data:);
 * PDFs in Chromium's own viewer through a blob: URL in an iframe (CSP frame-src blob:), revoked on close so the
 * plaintext does not outlive the preview.
 */
export function DocumentPreview({ doc, onClose }: { doc: DocumentView; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [content, setContent] = useState<{ url: string; mime: string; revoke: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let url: string | null = null;
    let active = true;
    call('documents.content', { id: doc.id }).then(
      (c) => {
        if (!active) return;
        if (c.mimeType === 'application/pdf') {
          url = URL.createObjectURL(base64ToBlob(c.contentBase64, c.mimeType));
          setContent({ url, mime: c.mimeType, revoke: true });
        } else setContent({ url: `data:${c.mimeType};base64,${c.contentBase64}`, mime: c.mimeType, revoke: false });
      },
      (e: unknown) => active && setError(e),
    );
    return () => {
      active = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [doc.id]);

  return (
    <section className={styles.wrap} aria-labelledby="preview-title" data-testid="document-preview">
      <div className={styles.head}>
        <h3 id="preview-title" className={styles.h3}>
          {t('documents.previewOf', { name: doc.fileName })}
        </h3>
        <Button onClick={onClose}>{t('documents.closePreview')}</Button>
      </div>
      <FormAlert message={error ? errorText(t, error) : null} />
      {!content && !error ? <Spinner size="small" label={t('documents.decrypting')} /> : null}
      {content?.mime === 'application/pdf' ? <iframe className={styles.frame} src={content.url} title={t('documents.previewOf', { name: doc.fileName })} /> : null}
      {content && content.mime !== 'application/pdf' ? <img className={styles.image} src={content.url} alt={t('documents.imageAlt', { name: doc.fileName })} /> : null}
    </section>
  );
}
