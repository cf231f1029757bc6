import type { Locator, Page } from '@playwright/test';
import { keepScreenshot, VIEWPORTS } from './screens';
import { startPractice, test, expect } from './wizard-helpers';

// Issue 12, point 7: dates and times in the user's language everywhere. In German, no screen
// may show a date as ISO ("2027-03-31", "2026-12-01T09:00:00Z") or US style ("12/1/2026").
// (The ISE API panel's "Valid until" and Troubleshoot's first/last seen belong to other work
// and are not opened here.)

const ISO = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}[\d:.]*Z?)?\b/g;
const US = /\b\d{1,2}\/\d{1,2}\/\d{4}\b/g;
const GERMAN_DAY = /\b\d{2}\.\d{2}\.\d{4}\b/;

async function expectLocalDatesOnly(where: Locator, name: string): Promise<string> {
  const text = await where.innerText();
  expect(text.match(ISO), `${name}: a date shown as ISO`).toBeNull();
  expect(text.match(US), `${name}: a date shown US style`).toBeNull();
  return text;
}

async function goTo(page: Page, screen: string): Promise<Locator> {
  await page.getByTestId(`nav-${screen}`).click();
  const step = page.getByTestId(`step-${screen}`);
  await expect(step).toBeVisible();
  return step;
}

/** A calendar day `days` from today as the Expiry Date field takes it, and as German shows it. */
function dayFromToday(days: number): { iso: string; de: string } {
  const iso = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return { iso, de: `${d}.${m}.${y}` };
}

test('in German, the finding, Verify, the profiles and the ISE step show dates in German, never ISO or US style', async ({ page, practice }) => {
  await startPractice(page, practice);
  await page.getByLabel('Language').selectOption('de');
  await expect(page.getByLabel('Sprache')).toHaveValue('de');

  // The secret's Expiry Date goes in as ISE takes it (YYYY-MM-DD); the finding reads it in German.
  const expiry = dayFromToday(10);
  const app = await goTo(page, 'app-registration');
  await app.getByLabel('Expiry Date').fill(expiry.iso);
  await app.getByTestId('check-button').click();
  const card = app.locator('[data-testid="finding"][data-code="SECRET_EXPIRING_SOON"]').first();
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card).toContainText(expiry.de);
  await expectLocalDatesOnly(card, 'SECRET_EXPIRING_SOON');

  const verify = await goTo(page, 'verify');
  await verify.getByTestId('check-button').click();
  await expect(verify.getByTestId('verified')).toBeVisible({ timeout: 40_000 });
  expect(await expectLocalDatesOnly(verify, 'Verify')).toMatch(GERMAN_DAY);

  await expectLocalDatesOnly(await goTo(page, 'ise'), 'ISE step');

  await page.getByTestId('nav-profiles').click();
  const table = page.getByTestId('profile-row').first();
  await expect(table).toBeVisible();
  expect(await expectLocalDatesOnly(page.locator('main'), 'Profiles')).toMatch(GERMAN_DAY);
  // The expiry badge's tooltip names ISE's field and the day in German.
  await table.locator('[data-level]').hover();
  await expect(page.getByRole('tooltip')).toHaveText(`Expiry Date ${expiry.de}`);
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await keepScreenshot(page, 'dates-de-profiles');
  }
});

test('in German, the automation audit trail shows when each call ran in German', async ({ page, practice }) => {
  await page.goto(practice.url);
  await page.evaluate('localStorage.clear()');
  await page.reload();
  await page.getByLabel('Language').selectOption('de');
  await page.getByTestId('open-automation').click();
  await page.getByTestId('automation-sign-in').click();
  await expect(page.getByTestId('automation-signed-in')).toContainText('admin@contoso-practice.onmicrosoft.com');
  await page.getByTestId('automation-preview').click();
  await page.getByTestId('automation-apply').click();
  await expect(page.getByTestId('automation-verified')).toBeVisible({ timeout: 60_000 });
  const trail = page.getByTestId('audit-trail');
  expect(await expectLocalDatesOnly(trail, 'audit trail')).toMatch(GERMAN_DAY);
  await expectLocalDatesOnly(page.locator('main'), 'automation screen');
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await trail.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'dates-de-automation');
  }
});
