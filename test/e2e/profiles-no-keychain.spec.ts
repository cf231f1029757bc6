import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startWizardServer, test, type WizardServer } from './fixtures';

// Issue 17 point 11: with no OS keychain at all (a D-Bus address that leads nowhere), a profile
// can still be deleted: the dialog says the keychain entry cannot be removed and offers to
// delete the profile anyway, saying the entry (if any) stays.
let server: WizardServer & { stop(): Promise<void> };
test.beforeAll(async () => {
  const nowhere = mkdtempSync(join(tmpdir(), 'no-keychain-'));
  server = await startWizardServer([], { DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(nowhere, 'no-bus')}` });
});
test.afterAll(async () => {
  await server.stop();
});

test('with no keychain, delete offers "Delete profile anyway" and then deletes the profile', async ({ page, request }) => {
  const res = await request.post(`${server.origin}/api/profileCreate`, {
    data: { name: 'Contoso HQ', mailbox: 'no-reply@contoso.onmicrosoft.com', tenantId: '0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b', clientId: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d' },
    headers: { 'X-Setup-Token': server.token },
  });
  expect((await res.json()).ok).toBe(true);
  await page.goto(server.url);
  await page.getByTestId('nav-profiles').click();
  const row = page.getByTestId('profile-row').filter({ has: page.getByText('Contoso HQ', { exact: true }) });
  await expect(row).toBeVisible();

  await page.getByRole('button', { name: 'More actions for Contoso HQ' }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  const del = page.getByTestId('delete-profile-dialog');
  await del.getByRole('button', { name: 'Delete' }).click();
  await expect(del).toContainText('its keychain entry, if there is one, then stays');
  await expect(row).toBeVisible(); // nothing deleted yet
  await del.getByRole('button', { name: 'Delete profile anyway' }).click();
  await expect(del).toBeHidden();
  await expect(page.getByTestId('profile-row')).toHaveCount(0);
  await expect(page.locator('.fui-ToastTitle')).toHaveText('Profile “Contoso HQ” deleted; its keychain entry, if any, stays in the OS keychain');
});
