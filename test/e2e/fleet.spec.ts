import type { APIRequestContext } from '@playwright/test';
import { writeProfileStore } from '../../bench/profile-store-gen.mjs';
import { expect, startWizardServer, test, type WizardServer } from './fixtures';

// The Profiles screen's "Check all" (the fleet check) and a large store, in browser mode.

async function api<T = unknown>(server: WizardServer, request: APIRequestContext, name: string, input: unknown): Promise<T> {
  const res = await request.post(`${server.origin}/api/${name}`, { data: input, headers: { 'X-Setup-Token': server.token } });
  const body = (await res.json()) as { ok: boolean; value: T; error?: unknown };
  expect(body.ok, `${name}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.value;
}

test('Check all checks every profile and shows each one\'s result and age', async ({ page, request }) => {
  const server = await startWizardServer();
  try {
    await api(server, request, 'practiceProfile', {});
    await api(server, request, 'profileCreate', { name: 'Fabrikam', mailbox: 'no-reply@fabrikam.onmicrosoft.com', tenantId: '0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b', clientId: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d' });
    await page.goto(server.url);
    await page.getByTestId('nav-profiles').click();
    const row = (name: string) => page.getByTestId('profile-row').filter({ has: page.getByText(name, { exact: true }) });
    await expect(row('Fabrikam').getByTestId('last-check')).toHaveText('Not checked yet');
    await page.getByTestId('check-all').click();
    await expect(page.getByTestId('fleet-summary')).toContainText('Checked 2 profiles: 1 healthy, 0 with a warning, 0 failed, 1 not checked.');
    await expect(row('Practice tenant').getByTestId('last-check')).toHaveAttribute('data-result', 'healthy');
    await expect(row('Practice tenant').getByTestId('last-check')).toContainText(/^Healthy, (now|\d+ seconds? ago)$/);
    await expect(row('Fabrikam').getByTestId('last-check')).toHaveAttribute('data-result', 'not-checked');
    // Kept in main: a fresh load still shows the last results.
    await page.reload();
    await page.getByTestId('nav-profiles').click();
    await expect(row('Fabrikam').getByTestId('last-check')).toContainText(/^Not checked, /);
  } finally {
    await server.stop();
  }
});

test('a store of 1,000 profiles is shown a page at a time', async ({ page }) => {
  const server = await startWizardServer();
  try {
    // Written before the first page load: the server opens the store on its first profile call.
    writeProfileStore({ dataDir: server.dataDir, count: 1000, withReports: true });
    await page.goto(server.url);
    await page.getByTestId('nav-profiles').click();
    await expect(page.getByTestId('profiles-range')).toHaveText('1–50 of 1000');
    await expect(page.getByTestId('profile-row')).toHaveCount(50);
    await expect(page.getByTestId('profile-row').first()).toContainText('Customer 00000 site');
    await page.getByTestId('profiles-pager').getByRole('button', { name: 'Next' }).click();
    await expect(page.getByTestId('profiles-range')).toHaveText('51–100 of 1000');
    await expect(page.getByTestId('profile-row').first()).toContainText('Customer 00050 site');
  } finally {
    await server.stop();
  }
});
