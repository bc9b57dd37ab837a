import { createHash } from 'node:crypto';
import { CASE_MANAGER, asCaseManager, germanDay, isoDay, minimalPdf, TINY_PNG } from './case-flows';
import { expect, expectNoA11yViolations, test } from './fixtures';

type Doc = { id: string; fileName: string; caseId: string | null };
type Case = { id: string; version: number; documents: Doc[] };

test.setTimeout(120_000);

test('documents on the case file: file dialog and drag and drop, hash, preview, delete with passphrase, listed on the client file', async ({ page, harness }) => {
  await asCaseManager(page, harness);
  const client = await harness.api<{ id: string }>('clients.create', { familyName: 'Al-Hassan', givenNames: 'Mohammed', birthDate: '1990', office: 'lunen' });
  if (!client.ok) throw new Error(JSON.stringify(client));
  const opened = await harness.api<Case>('cases.open', { clientId: client.value.id, rechtskreise: ['sgb2'] });
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  const caseId = opened.value.id;

  await page.goto(`${harness.url}#/faelle/${caseId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Fallakte Mohammed Al-Hassan' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('tab', { name: 'Dokumente' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Dokumente' })).toBeVisible();
  await expect(page.getByText('Sie werden diesem Fall zugeordnet und verschlüsselt gespeichert.')).toBeVisible();
  await expect(page.getByText('Noch keine Dokumente.')).toBeVisible();
  await expectNoA11yViolations(page, 'case file (documents, empty)');

  // A PDF through the file dialog.
  const pdf = minimalPdf('Bewilligungsbescheid Jobcenter');
  await page.getByRole('combobox', { name: 'Kategorie' }).selectOption({ label: 'Bescheid' });
  await page.getByTestId('document-file-input').setInputFiles({ name: 'Bescheid-Jobcenter.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByRole('status').filter({ hasText: 'Gespeichert: Bescheid-Jobcenter.pdf.' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('cell', { name: 'Bescheid-Jobcenter.pdf', exact: true })).toBeVisible();
  await expect(page.getByTestId('document-hash').first()).toHaveText(createHash('sha256').update(pdf).digest('hex'));

  // An image by drag and drop.
  await page.getByRole('combobox', { name: 'Kategorie' }).selectOption({ label: 'Antrag' });
  await page.getByTestId('document-drop-zone').evaluate((zone, pngBase64) => {
    const bytes = Uint8Array.from(atob(pngBase64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'Antrag-Scan.png', { type: 'image/png' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, TINY_PNG.toString('base64'));
  await expect(page.getByRole('cell', { name: 'Antrag-Scan.png', exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('tab', { name: 'Dokumente (2)' })).toBeVisible();
  const stored = await harness.api<Case>('cases.get', { id: caseId });
  expect(stored.ok && stored.value.documents.map((d) => [d.fileName, d.caseId]).sort()).toEqual([
    ['Antrag-Scan.png', caseId],
    ['Bescheid-Jobcenter.pdf', caseId],
  ]);
  await expectNoA11yViolations(page, 'case file (documents)');

  await page.getByRole('button', { name: '„Antrag-Scan.png“ ansehen' }).click();
  await expect(page.getByRole('img', { name: 'Bild „Antrag-Scan.png“' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Vorschau schließen' }).click();
  await page.getByRole('button', { name: '„Bescheid-Jobcenter.pdf“ ansehen' }).click();
  await expect(page.locator('iframe[title="Vorschau: Bescheid-Jobcenter.pdf"]')).toHaveAttribute('src', /^blob:/, { timeout: 15_000 });
  await expectNoA11yViolations(page, 'case file (document preview)');
  await page.getByRole('button', { name: 'Vorschau schließen' }).click();

  // Delete: a wrong passphrase deletes nothing, the right one deletes.
  await page.getByRole('button', { name: '„Bescheid-Jobcenter.pdf“ löschen' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Dokument löschen?' });
  await expect(confirm).toContainText('„Bescheid-Jobcenter.pdf“ und sein Schlüssel werden endgültig gelöscht.');
  await confirm.getByLabel('Ihre Passphrase').fill('Werner Kirmes bringt 8 grüne Drachen');
  await confirm.getByRole('button', { name: 'Löschen' }).click();
  await expect(confirm.getByText('Die Passphrase ist falsch. Es wurde nichts gelöscht.')).toBeVisible({ timeout: 15_000 });
  await expectNoA11yViolations(page, 'delete case document dialog, wrong passphrase');
  const kept = await harness.api<Case>('cases.get', { id: caseId });
  expect(kept.ok && kept.value.documents.map((d) => d.fileName).sort()).toEqual(['Antrag-Scan.png', 'Bescheid-Jobcenter.pdf']);
  await confirm.getByLabel('Ihre Passphrase').fill(CASE_MANAGER.passphrase);
  await confirm.getByRole('button', { name: 'Löschen' }).click();
  await expect(confirm).toBeHidden({ timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: '„Bescheid-Jobcenter.pdf“ wurde gelöscht.' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Bescheid-Jobcenter.pdf', exact: true })).toHaveCount(0);
  const afterDelete = await harness.api<Case>('cases.get', { id: caseId });
  expect(afterDelete.ok && afterDelete.value.documents.map((d) => d.fileName)).toEqual(['Antrag-Scan.png']);

  // The client file lists the case's document too, with a link to its case.
  await page.getByRole('link', { name: 'Zur Klientenakte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mohammed Al-Hassan' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('tab', { name: 'Dokumente (1)' }).click();
  await expect(page.getByRole('columnheader', { name: 'Zugeordnet' })).toBeVisible();
  const caseLink = page.getByRole('row', { name: /Antrag-Scan\.png/ }).getByRole('link', { name: `Fall vom ${germanDay(isoDay())}` });
  await expect(caseLink).toBeVisible();
  await expectNoA11yViolations(page, 'client file (documents with case link)');
  await caseLink.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fallakte Mohammed Al-Hassan' })).toBeVisible({ timeout: 15_000 });

  // A closed case keeps its documents readable but takes no new ones.
  const current = await harness.api<Case>('cases.get', { id: caseId });
  if (!current.ok) throw new Error(JSON.stringify(current));
  expect((await harness.api('cases.close', { id: caseId, version: current.value.version, reason: 'moved-away' })).ok).toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Fallakte Mohammed Al-Hassan' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('tab', { name: 'Dokumente (1)' }).click();
  await expect(page.getByText('Der Fall ist abgeschlossen: Es können keine Dokumente mehr hinzugefügt werden.')).toBeVisible();
  await expect(page.getByTestId('document-drop-zone')).toHaveCount(0);
  await expect(page.getByRole('cell', { name: 'Antrag-Scan.png', exact: true })).toBeVisible();
  await expectNoA11yViolations(page, 'closed case file (documents)');
});
