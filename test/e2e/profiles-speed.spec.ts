import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeProfileStore } from '../../bench/profile-store-gen.mjs';
import { expect, startWizardServer, test, type WizardServer } from './fixtures';
import { expectNoClippedCells, expectNoHorizontalScroll, keepScreenshot, VIEWPORTS } from './screens';

// Issue 16.2: the Profiles screen with 1,000 profiles in the store (the bench's own generator:
// on the first page every secret is expired or within 30 days, so the warnings bar has 50 entries).
let server: WizardServer & { stop(): Promise<void> };
let storeDir: string;
test.beforeAll(async () => {
  storeDir = mkdtempSync(join(tmpdir(), 'profiles-speed-e2e-'));
  writeProfileStore({ dataDir: storeDir, count: 1000 });
  server = await startWizardServer(['--data-dir', storeDir]); // the later --data-dir wins
});
test.afterAll(async () => {
  await server.stop();
  rmSync(storeDir, { recursive: true, force: true });
});

async function openProfiles(page: Page) {
  await page.goto(server.url);
  await page.getByTestId('nav-profiles').click();
  await expect(page.getByTestId('profile-row')).toHaveCount(50);
}

test('the expiry warnings bar sums up many warnings, lists the most urgent three and expands', async ({ page }) => {
  await openProfiles(page);
  const bar = page.getByTestId('expiry-warnings');
  const items = bar.getByTestId('expiry-warnings-list').locator('li');
  await expect(bar.getByTestId('expiry-warnings-summary')).toHaveText('50 client secrets expire within 30 days or have expired.');
  await expect(items).toHaveCount(3);
  // The most urgent first: the generator's profile 0 expired 20 days ago.
  await expect(items.first()).toContainText('Customer 00000 site');
  const toggle = bar.getByTestId('expiry-warnings-toggle');
  await expect(toggle).toHaveText('Show all (50)');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(items).toHaveCount(50);
  await expect(toggle).toHaveText('Show fewer');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(items).toHaveCount(3);
});

for (const viewport of VIEWPORTS) {
  test(`Profiles with 1,000 profiles fits ${viewport.width}x${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openProfiles(page);
    await expectNoHorizontalScroll(page);
    await expectNoClippedCells(page, 'profiles-table');
    await keepScreenshot(page, 'profiles-1000');
  });
}
