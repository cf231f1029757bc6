import { readFile } from 'node:fs/promises';
import { expect, startPractice, test } from './wizard-helpers';

test('the ISE step captures both chains of the practice tenant and offers its CA for ISE\'s trusted store', async ({ page, practice }) => {
  await startPractice(page, practice);
  await page.getByTestId('nav-ise').click();
  const section = page.getByTestId('step-ise').getByTestId('ise-trusted-certificates');
  await expect(section.getByRole('heading', { name: "Certificate chains for ISE's trusted store" })).toBeVisible();
  await section.getByRole('button', { name: 'Capture the chains' }).click();

  // Both hosts answered, each with the chain its server sent (the practice CA signs both).
  await expect(section.getByTestId('chain-token')).toHaveAttribute('data-status', /trusted|untrusted/, { timeout: 30_000 });
  await expect(section.getByTestId('chain-smtp')).toHaveAttribute('data-status', /trusted|untrusted/);
  const ca = section.getByTestId('ca-certificate').first();
  await expect(ca).toBeVisible();
  await expect(ca).toContainText('CA');
  await expect(ca).toHaveAttribute('data-sha256', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

  // The download is a PEM certificate, the form ISE's Trusted Certificates import takes.
  const [download] = await Promise.all([page.waitForEvent('download'), ca.getByRole('button', { name: /^Download / }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.(pem|crt)$/);
  const pem = await readFile((await download.path())!, 'utf8');
  expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*$/);
  await expect(section.getByTestId('download-bundle')).toBeVisible();
  await expect(section.getByTestId('import-steps')).toContainText('Trusted Certificates');
});
