import { startPractice, test, expect } from './wizard-helpers';

/**
 * The ISE step reads the practice ISE through its API in Chromium (browser mode, practice
 * mode): connect, accept the fingerprint, the verdict fills itself, the node table shows the
 * deployment's real hostnames, and the missing CA is imported and read back.
 */
test.describe('ISE step: the practice ISE through its API', () => {
  test('connect, pin, verdict, nodes, missing CA imported and read back', async ({ page, practice }) => {
    await startPractice(page, practice);
    await page.getByTestId('nav-ise').click();
    const panel = page.getByTestId('ise-api-panel');
    await expect(panel).toBeVisible();

    await panel.getByTestId('ise-api-connect').click();
    const cert = panel.getByTestId('ise-api-cert');
    await expect(cert).toHaveAttribute('data-pin', 'unpinned');
    await expect(panel.getByTestId('ise-api-cert-sha')).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    await expect(panel.locator('[data-testid="ise-api-finding"][data-code="ISE_CERT_UNPINNED"]')).toBeVisible();

    await panel.getByTestId('ise-api-accept').click();
    const verdict = panel.getByTestId('ise-api-verdict');
    await expect(verdict).toHaveAttribute('data-state', 'supported', { timeout: 20_000 });
    await expect(verdict).toHaveAttribute('data-version', '3.4 P4');
    // The version picker above follows what ISE said.
    await expect(page.getByTestId('ise-train')).toHaveValue('3.4');

    const nodes = panel.getByTestId('ise-api-node');
    await expect(nodes).toHaveCount(4);
    await expect(panel.locator('[data-testid="ise-api-node"][data-hostname="ise-pan01"]')).toContainText('Primary PAN');
    await expect(panel.getByTestId('ise-api-routes').locator('[data-mail="portals"]')).toContainText('ise-psn01, ise-psn02');
    await expect(panel.getByTestId('ise-api-routes').locator('[data-mail="alarms"]')).toContainText('ise-pan01');

    const missing = panel.locator('[data-testid="ise-api-ca"][data-state="missing"]');
    await expect(missing).toHaveCount(1);
    await expect(missing).toContainText('ise-smtp-oauth Practice Root CA');
    await panel.getByTestId('ise-api-import').click();
    await panel.getByTestId('ise-api-import-yes').click();
    const result = panel.getByTestId('ise-api-import-result');
    await expect(result).toHaveAttribute('data-outcome', 'imported', { timeout: 20_000 });
    await expect(result).toHaveAttribute('data-read-back', 'true');
    await expect(panel.locator('[data-testid="ise-api-ca"][data-state="present"]')).toHaveCount(1);
    await expect(panel.getByTestId('ise-api-no-findings')).toBeVisible();
  });

  test('unpatched scenario: the verdict says which patch is needed', async ({ page, practice }) => {
    await startPractice(page, practice);
    await page.getByTestId('nav-ise').click();
    const panel = page.getByTestId('ise-api-panel');
    await panel.getByTestId('ise-api-scenario').selectOption('unpatched');
    await panel.getByTestId('ise-api-connect').click();
    // The certificate was pinned by the first test in this worker's data folder, or is accepted now.
    const accept = panel.getByTestId('ise-api-accept');
    const verdict = panel.getByTestId('ise-api-verdict');
    await expect(accept.or(verdict)).toBeVisible({ timeout: 20_000 });
    if (await accept.isVisible()) await accept.click();
    await expect(verdict).toHaveAttribute('data-state', 'unsupported', { timeout: 20_000 });
    await expect(verdict).toContainText('3.3 P8');
    await expect(panel.locator('[data-testid="ise-api-finding"][data-code="ISE_VERSION_UNSUPPORTED"]')).toBeVisible();
    // The verdict filled the profile's ISE version (3.3 P6): read the healthy ISE again so the
    // worker's practice profile is left as the other specs expect it (3.4 P4).
    await panel.getByTestId('ise-api-scenario').selectOption('healthy');
    await panel.getByTestId('ise-api-connect').click();
    await expect(accept.or(verdict)).toBeVisible({ timeout: 20_000 });
    if (await accept.isVisible()) await accept.click();
    await expect(verdict).toHaveAttribute('data-version', /3\.4/, { timeout: 20_000 });
  });
});
