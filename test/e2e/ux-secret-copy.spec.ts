import type { Page } from '@playwright/test';
import { test, expect } from './wizard-helpers';
import { readLocale } from '../support/locale-files';
import { VIEWPORTS, expectNoHorizontalScroll, keepScreenshot } from './screens';

// Issue 13 point 1: the Client Secret copy button copies the real secret (never the
// placeholder), on the click only, and the clipboard is cleared after 60 s.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- texts are read by key
const en = readLocale('en') as any;
const SECRET = 'Xy7~q.SecretValue-ForCopyTest_987';

/** The first screen with nothing stored in the page (the server's data folder is per worker). */
async function freshStart(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate('localStorage.clear()');
  await page.reload();
}

async function newProfileWithSecret(page: Page, name: string): Promise<void> {
  await page.getByTestId('new-profile-name').fill(name);
  await page.getByTestId('start-new').click();
  const mailbox = page.getByTestId('step-mailbox');
  await mailbox.getByLabel('Email Address').fill('no-reply@contoso.onmicrosoft.com');
  await mailbox.getByLabel('Email Address').blur();
  await page.getByTestId('nav-app-registration').click();
  const app = page.getByTestId('step-app-registration');
  await app.getByLabel('Tenant ID').fill('0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b');
  await app.getByLabel('Tenant ID').blur();
  await app.getByLabel('Client Secret').fill(SECRET);
  await app.getByLabel('Client Secret').blur();
  await app.getByLabel('Client ID').fill('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
  await app.getByLabel('Client ID').blur();
  await expect(app.getByTestId('secret-status')).toHaveText('Secret stored in the OS keychain.');
}

test('Copy on the Client Secret row puts the real secret on the clipboard, then clears it after 60 s', async ({ page, context, practice }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: practice.origin });
  await freshStart(page, practice.url);
  await newProfileWithSecret(page, 'Copy Co');
  await page.getByTestId('nav-ise').click();
  const sheet = page.getByTestId('ise-sheet');
  await expect(sheet.getByLabel('Client Secret', { exact: true })).toHaveValue(en.ux.secret.fromKeychain);

  await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
  // The page's timers from here on run on a controlled clock, so 60 s pass at once below.
  await page.clock.install();
  const copy = sheet.getByRole('button', { name: en.ux.secret.copyLabel });
  await copy.click();
  await expect(sheet.getByTestId('secret-copy-status')).toHaveText(en.ux.secret.copiedBrowser.replace('{{seconds}}', '60'));
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(SECRET);
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await sheet.scrollIntoViewIfNeeded();
    await expectNoHorizontalScroll(page);
    await keepScreenshot(page, 'ise-secret-copied');
  }

  await page.clock.runFor(61_000);
  await expect(sheet.getByTestId('secret-copy-status')).toHaveText(en.ux.secret.cleared);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('');
});

test('without a stored secret the button is disabled and says why; nothing is copied', async ({ page, context, practice }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: practice.origin });
  await freshStart(page, practice.url);
  await page.getByTestId('new-profile-name').fill('No Secret Co');
  await page.getByTestId('start-new').click();
  await page.getByTestId('step-mailbox').getByLabel('Email Address').fill('no-reply@contoso.onmicrosoft.com');
  await page.getByTestId('nav-app-registration').click();
  const app = page.getByTestId('step-app-registration');
  await app.getByLabel('Tenant ID').fill('0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b');
  await app.getByLabel('Client ID').fill('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
  await app.getByLabel('Client ID').blur();
  await page.getByTestId('nav-ise').click();
  const sheet = page.getByTestId('ise-sheet');
  await expect(sheet.getByRole('button', { name: en.ux.secret.copyLabel })).toBeDisabled();
  await expect(sheet.getByTestId('secret-copy-status')).toHaveText(en.ux.secret.notStored);
});
