import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWizardServer, test, expect } from './fixtures';
import { setUpForMe } from './wizard-helpers';
import { expectNoHorizontalScroll, keepScreenshot, screenshotBothSizes, VIEWPORTS } from './screens';

type Dir = { applications: { appId: string; passwordCredentials: { keyId: string; endDateTime: string }[] }[] };
const directory = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, 'practice', 'directory.json'), 'utf8')) as Dir;

// Secret rotation on the practice tenant, the whole way through the UI: add → the ISE field with
// the keychain copy → verify with the new secret → remove the old one on confirmation.
test('rotation: the new secret is copied for ISE from the keychain, verified, then the old one removed', async ({ page, context }) => {
  test.setTimeout(240_000);
  const server = await startWizardServer(['--practice']);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    page.on('dialog', (d) => {
      void d.dismiss();
      throw new Error(`unexpected browser dialog: ${d.message()}`);
    });
    await page.setViewportSize(VIEWPORTS[0]);
    await setUpForMe(page, server.url);
    const before = directory(server.dataDir).applications[0]!.passwordCredentials.map((c) => c.keyId);
    expect(before).toHaveLength(1);

    // 1. Add: nothing removed yet, both secrets valid in Entra.
    await page.getByTestId('automation-rotate').click();
    await expect(page.getByTestId('rotation-added')).toBeVisible({ timeout: 30_000 });
    expect(directory(server.dataDir).applications[0]!.passwordCredentials).toHaveLength(2);
    const added = directory(server.dataDir).applications[0]!.passwordCredentials.find((c) => !before.includes(c.keyId))!;
    const panel = page.getByTestId('rotation-panel');
    await expect(panel.getByText('Client Secret', { exact: true })).toBeVisible();
    // The Expiry Date ISE needs is the new secret's end date (the expiry reminder follows it).
    await expect(page.getByTestId('rotation-expiry')).toHaveValue(added.endDateTime.slice(0, 10));
    // 2. Copy for ISE: from the keychain, on the click: the real new secret (Entra's shape), not a placeholder.
    await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await panel.getByTestId('copy-client-secret').click();
    await expect(panel.getByTestId('secret-copy-status')).toHaveAttribute('data-state', 'copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^.{3}8Q~.{37}$/);
    expect(await page.content()).not.toContain(copied);
    await screenshotBothSizes(page, panel, 'automation-rotation-added');

    // 3. Verify with the new secret; the old one stays until confirmed.
    await page.getByTestId('rotation-verify').click();
    await expect(page.getByTestId('rotation-verified')).toBeVisible({ timeout: 60_000 });
    expect(directory(server.dataDir).applications[0]!.passwordCredentials).toHaveLength(2);

    // 4. Remove the old one: asks first; Cancel removes nothing.
    await page.getByTestId('rotation-remove-old').click();
    const ask = page.getByRole('alertdialog', { name: 'Remove the old client secret?' });
    await expect(ask).toContainText(before[0]!);
    for (const size of VIEWPORTS) {
      await page.setViewportSize(size);
      await keepScreenshot(page, 'automation-rotation-confirm');
    }
    await ask.getByTestId('rotation-remove-cancel').click();
    await expect(ask).toBeHidden();
    expect(directory(server.dataDir).applications[0]!.passwordCredentials).toHaveLength(2);
    await page.getByTestId('rotation-remove-old').click();
    await page.getByRole('alertdialog').getByTestId('rotation-remove-confirm').click();
    await expect(page.getByTestId('rotation-done')).toBeVisible({ timeout: 60_000 });
    expect(directory(server.dataDir).applications[0]!.passwordCredentials.map((c) => c.keyId)).toEqual([added.keyId]);
    await expect(page.getByTestId('audit-trail')).toContainText('removePassword');
    // The profile's expiry moved with it (what the reminder and ISE's Expiry Date read).
    const profiles = JSON.parse(readFileSync(join(server.dataDir, 'profiles.json'), 'utf8')) as { profiles: { secretExpiry?: string }[] };
    expect(profiles.profiles[0]!.secretExpiry).toBe(added.endDateTime.slice(0, 10));
    for (const size of VIEWPORTS) {
      await page.setViewportSize(size);
      await page.getByTestId('rotation-panel').scrollIntoViewIfNeeded();
      await expectNoHorizontalScroll(page);
      await keepScreenshot(page, 'automation-rotation-done');
    }
  } finally {
    await server.stop();
  }
});

test('the automation screen in another language: German texts, dates in German', async ({ page }) => {
  test.setTimeout(180_000);
  const server = await startWizardServer(['--practice']);
  try {
    await page.addInitScript(() => localStorage.setItem('ise-smtp-oauth.language', 'de'));
    await page.setViewportSize(VIEWPORTS[1]);
    await page.goto(server.url);
    await page.getByTestId('open-automation').click();
    await page.getByTestId('automation-sign-in').click();
    await page.getByTestId('automation-preview').click();
    await page.getByTestId('automation-apply').click();
    await expect(page.getByTestId('automation-verified')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('rotation-panel')).toContainText('Geheimen Clientschlüssel erneuern');
    // The audit trail's dates as a German reader writes them (dd.mm.yyyy).
    await expect(page.getByTestId('audit-trail')).toContainText(/\d{2}\.\d{2}\.\d{4}/);
    for (const size of VIEWPORTS) {
      await page.setViewportSize(size);
      await keepScreenshot(page, 'automation-result-de', true);
    }
  } finally {
    await server.stop();
  }
});
