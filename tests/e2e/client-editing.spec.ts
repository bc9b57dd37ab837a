import { expect, expectNoA11yViolations, test } from './fixtures';
import { asCaseManager } from './case-flows';

// Each test enrols its case manager as IT does (one-time passphrase, approval, first login): several KDF runs.
test.setTimeout(120_000);

test('two windows edit one client: the second save is refused in German and the first change is kept', async ({ page, harness, context }) => {
  await asCaseManager(page, harness);
  const created = await harness.api<{ id: string }>('clients.create', { familyName: 'Husain', givenNames: 'Amina', birthDate: '1985-03-12', office: 'lunen' });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const id = created.value.id;

  const second = await context.newPage();
  await second.goto(`${harness.url}#/klienten/${id}`);
  await page.goto(`${harness.url}#/klienten/${id}`);
  for (const p of [page, second]) await expect(p.getByRole('heading', { level: 1, name: 'Amina Husain' })).toBeVisible({ timeout: 15_000 });

  await page.getByRole('textbox', { name: 'Telefon' }).fill('02306 123456');
  await page.getByRole('button', { name: 'Stammdaten speichern' }).click();
  await expect(page.getByText('Die Stammdaten wurden gespeichert.')).toBeVisible();

  await second.getByRole('textbox', { name: 'Ort' }).fill('Werne');
  await second.getByRole('button', { name: 'Stammdaten speichern' }).click();
  const alert = second.getByRole('alert').filter({ hasText: 'Nicht gespeichert: die Akte wurde inzwischen geändert' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Ihre Änderungen wurden nicht gespeichert und es wurde nichts überschrieben.');
  // The second window now shows the stored state, with its own input one click away.
  await expect(second.getByRole('textbox', { name: 'Telefon' })).toHaveValue('02306 123456');
  await expectNoA11yViolations(second, 'master data with conflict');

  const stored = await harness.api<{ phone: string | null; city: string | null }>('clients.get', { id });
  expect(stored).toMatchObject({ ok: true, value: { phone: '02306 123456', city: null } });

  await second.getByRole('button', { name: 'Meine Eingaben wieder einsetzen' }).click();
  await expect(second.getByRole('textbox', { name: 'Ort' })).toHaveValue('Werne');
  await second.close();
});

test('bad input on the new-client form gets German messages at the fields, and nothing typed is lost', async ({ page, harness }) => {
  await asCaseManager(page, harness);
  await page.goto(`${harness.url}#/klienten/neu`);
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Klient:in' })).toBeVisible();

  await page.getByRole('button', { name: 'Klient:in anlegen' }).click();
  await expect(page.getByRole('textbox', { name: 'Familienname' })).toBeFocused();
  await expect(page.getByText('Bitte füllen Sie dieses Feld aus.')).toHaveCount(2);

  await page.getByRole('textbox', { name: 'Familienname' }).fill('Şahin');
  await page.getByRole('textbox', { name: 'Vorname(n)' }).fill('Yusuf');
  await page.getByRole('textbox', { name: 'Geburtsdatum' }).fill('31.02.1990');
  await page.getByRole('textbox', { name: 'Postleitzahl' }).fill('4453');
  await page.getByRole('textbox', { name: 'E-Mail' }).fill('yusuf.sahin@');
  await page.getByRole('textbox', { name: 'Telefon' }).fill('bitte anrufen');
  await page.getByRole('button', { name: 'Klient:in anlegen' }).click();
  await expect(page.getByText('Dieses Datum gibt es nicht. Bitte als TT.MM.JJJJ eingeben, z. B. 12.03.1990.')).toBeVisible();
  await expect(page.getByText('Eine Postleitzahl hat genau 5 Ziffern, z. B. 44532.')).toBeVisible();
  await expect(page.getByText('Bitte eine gültige E-Mail-Adresse eingeben, z. B. name@beispiel.de.')).toBeVisible();
  await expect(page.getByText(/^Bitte eine Telefonnummer aus Ziffern eingeben/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Geburtsdatum' })).toBeFocused();
  await expectNoA11yViolations(page, 'new client form with errors');

  // "nur Jahr" wants four digits.
  await page.getByRole('radio', { name: 'nur das Jahr' }).check();
  await page.getByRole('textbox', { name: 'Geburtsdatum' }).fill('90');
  await expect(page.getByText('Bitte das Geburtsjahr vierstellig eingeben, z. B. 1990.')).toBeVisible();

  // Nothing was saved, and everything typed is still there.
  expect(await harness.api('clients.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
  await expect(page.getByRole('textbox', { name: 'Familienname' })).toHaveValue('Şahin');
  await expect(page.getByRole('textbox', { name: 'E-Mail' })).toHaveValue('yusuf.sahin@');

  // Fixed input is accepted.
  await page.getByRole('textbox', { name: 'Geburtsdatum' }).fill('1990');
  await page.getByRole('textbox', { name: 'Postleitzahl' }).fill('59368');
  await page.getByRole('textbox', { name: 'E-Mail' }).fill('yusuf.sahin@example.org');
  await page.getByRole('textbox', { name: 'Telefon' }).fill('02389 98765');
  await page.getByRole('button', { name: 'Klient:in anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Yusuf Şahin' })).toBeVisible({ timeout: 15_000 });
});

test('the new-client form keeps its input across an auto-lock', async ({ page, harness }) => {
  await asCaseManager(page, harness);
  await page.goto(`${harness.url}#/klienten/neu`);
  await page.getByRole('textbox', { name: 'Familienname' }).fill('Kovalenko');
  await page.getByRole('textbox', { name: 'Vorname(n)' }).fill('Oleksandr');
  await expect.poll(() => harness.listenerCount).toBeGreaterThan(0);
  await harness.requestLock('idle');
  await expect(page.getByRole('heading', { level: 1, name: 'KIM-Akte ist gesperrt' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Anmeldename', exact: true }).fill('a.yilmaz');
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('Werner Kirmes bringt 7 grüne Drachen');
  await page.getByRole('button', { name: 'Entsperren' }).click();
  await expect(page.getByRole('textbox', { name: 'Familienname' })).toHaveValue('Kovalenko', { timeout: 15_000 });
  await expect(page.getByRole('textbox', { name: 'Vorname(n)' })).toHaveValue('Oleksandr');
  await expect(page.getByText('Ungespeicherte Eingaben wurden wiederhergestellt')).toBeVisible();
});

test('keyboard only: from the navigation to a saved client and into its tabs', async ({ page, harness }) => {
  await asCaseManager(page, harness);
  const link = page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Klient:innen' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Klient:innen' })).toBeFocused();
  // The page's h1 has focus; the next tab stops are the primary action and the search box.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Neue Klient:in' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Klient:in' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Familienname' })).toBeFocused();
  await page.keyboard.type('Nguyen');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Van Minh');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Van Minh Nguyen' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('tab', { name: 'Stammdaten' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Haushalt' })).toBeVisible();
});
