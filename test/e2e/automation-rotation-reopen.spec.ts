import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWizardServer, test, expect } from './fixtures';
import { setUpForMe } from './wizard-helpers';
import { readLocale } from '../support/locale-files';
import { screenshotBothSizes, VIEWPORTS } from './screens';

type Dir = { applications: { passwordCredentials: { keyId: string }[] }[] };
const directory = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, 'practice', 'directory.json'), 'utf8')) as Dir;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- texts are read by key
const en = readLocale('en') as any;

// Issue 14 point 5: a rotation left half-done (new secret added, old one not removed) is shown
// again when the screen is reopened, from main's record, and can be finished from there.
test('a half-done rotation is shown again after the screen is reopened, and finishes from there', async ({ page }) => {
  test.setTimeout(240_000);
  const server = await startWizardServer(['--practice']);
  try {
    await page.setViewportSize(VIEWPORTS[0]);
    await setUpForMe(page, server.url);
    const before = directory(server.dataDir).applications[0]!.passwordCredentials.map((c) => c.keyId);
    await expect(page.getByTestId('rotation-resumed')).toHaveCount(0);
    await page.getByTestId('automation-rotate').click();
    await expect(page.getByTestId('rotation-added')).toBeVisible({ timeout: 30_000 });
    const expiry = await page.getByTestId('rotation-expiry').inputValue();

    // Reopen: a reload loses everything the page held (the route brings the screen back); main's record still has the rotation.
    await page.reload();
    const resumed = page.getByTestId('rotation-resumed');
    await expect(resumed).toBeVisible();
    await expect(resumed).toContainText(en.uxGaps.rotation.resumed.split('{{profile}}')[0]);
    // The date it was added, in the user's locale (en: "Dec 2, 2026, ...").
    await expect(resumed).toContainText(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date()));
    const panel = page.getByTestId('rotation-panel');
    await expect(panel.getByTestId('rotation-expiry')).toHaveValue(expiry);
    await expect(panel.getByTestId('automation-rotate')).toHaveCount(0);
    await expect(panel.getByTestId('rotation-verify')).toBeEnabled();
    await screenshotBothSizes(page, panel, 'automation-rotation-reopened');

    // Finish it from the reopened screen: verify, then remove the old one.
    await panel.getByTestId('rotation-verify').click();
    await expect(panel.getByTestId('rotation-verified')).toBeVisible({ timeout: 60_000 });
    await panel.getByTestId('rotation-remove-old').click();
    await page.getByRole('alertdialog').getByTestId('rotation-remove-confirm').click();
    await expect(panel.getByTestId('rotation-done')).toBeVisible({ timeout: 60_000 });
    expect(directory(server.dataDir).applications[0]!.passwordCredentials.map((c) => c.keyId)).not.toContain(before[0]);

    // Done: reopening shows no rotation in progress.
    await page.reload();
    await expect(page.getByTestId('automation-signed-in')).toBeVisible();
    await expect(page.getByTestId('rotation-panel')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});
