import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** Asks before a second conference of the same case on the same day (usually a double entry). */
export function ConfirmSameDayDialog({ date, onConfirm, onCancel }: { date: string; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => (d.open ? undefined : onCancel())}>
      <DialogSurface aria-describedby="same-day-text">
        <DialogBody>
          <DialogTitle>{t('conferences.sameDay.title')}</DialogTitle>
          <DialogContent>
            <p id="same-day-text">{t('conferences.sameDay.text', { date })}</p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {t('conferences.sameDay.confirm')}
            </Button>
            <Button onClick={onCancel}>{t('conferences.sameDay.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
