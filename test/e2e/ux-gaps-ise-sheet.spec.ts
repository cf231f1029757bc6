import { test, expect, goToStep, filled, startNewProfile } from './wizard-helpers';
import { readLocale } from '../support/locale-files';
import { screenshotBothSizes } from './screens';

// Issue 13 point 3: the values sheet on the ISE step is built from the typed values; when those are
// not valid yet it says which (ISE's names), and their Copy buttons are off with the reason.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- texts are read by key
const en = readLocale('en') as any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- texts are read by key
const de = readLocale('de') as any;

const TENANT = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const CLIENT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const MAILBOX = 'no-reply@contoso.onmicrosoft.com';




test('the ISE values built from invalid values are marked, and their Copy stays off until they are valid', async ({ page, practice }) => {
  await startNewProfile(page, practice.url, 'Sheet Co');
  const mailbox = page.getByTestId('step-mailbox').getByLabel('Email Address');
  await mailbox.fill(MAILBOX);
  await mailbox.blur();
  await goToStep(page, 'app-registration');
  const app = page.getByTestId('step-app-registration');
  await app.getByLabel('Tenant ID').fill('0f1e2d3c-not-a-guid');
  await app.getByLabel('Client ID').fill(CLIENT);
  await app.getByLabel('Client ID').blur();

  await goToStep(page, 'ise');
  const sheet = page.getByTestId('ise-sheet');
  await expect(sheet.getByTestId('ise-sheet-invalid')).toContainText(filled(en.uxGaps.sheet.invalid, { fields: 'Tenant ID' }));
  // The invalid value and the endpoint built from it cannot be copied; each says why.
  for (const row of ['sheet-tenant-id', 'sheet-oauth-token-endpoint-api']) {
    await expect(sheet.getByTestId(`${row}-copy`)).toBeDisabled();
    await expect(sheet.getByTestId(`${row}-reason`)).toHaveText(filled(en.uxGaps.sheet.disabledReason, { field: 'Tenant ID' }));
  }
  // The valid ones still copy, without a reason.
  for (const row of ['sheet-client-id', 'sheet-email-address']) {
    await expect(sheet.getByTestId(`${row}-copy`)).toBeEnabled();
    await expect(sheet.getByTestId(`${row}-reason`)).toHaveCount(0);
  }
  await screenshotBothSizes(page, sheet, 'ise-sheet-invalid');

  await goToStep(page, 'app-registration');
  await app.getByLabel('Tenant ID').fill(TENANT);
  await app.getByLabel('Tenant ID').blur();
  await goToStep(page, 'ise');
  await expect(sheet.getByTestId('ise-sheet-invalid')).toHaveCount(0);
  await expect(sheet.getByTestId('sheet-tenant-id-copy')).toBeEnabled();
  await expect(sheet.getByTestId('sheet-oauth-token-endpoint-api-copy')).toBeEnabled();
  await expect(sheet.getByTestId('sheet-tenant-id-reason')).toHaveCount(0);
});

test('the ISE values warning is in German, with ISE’s field names in English', async ({ page, practice }) => {
  await startNewProfile(page, practice.url, 'Blatt GmbH', 'de');
  await goToStep(page, 'ise');
  const sheet = page.getByTestId('ise-sheet');
  await expect(sheet.getByTestId('ise-sheet-invalid')).toContainText(filled(de.uxGaps.sheet.invalid, { fields: 'Tenant ID, Client ID und Email Address' }));
  await expect(sheet.getByTestId('sheet-email-address-reason')).toHaveText(filled(de.uxGaps.sheet.disabledReason, { field: 'Email Address' }));
  await expect(sheet.getByTestId('sheet-email-address-copy')).toBeDisabled();
  await screenshotBothSizes(page, sheet, 'ise-sheet-invalid-de');
});
