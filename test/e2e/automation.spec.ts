import { startWizardServer, test, expect } from './fixtures';

// The practice tenant in browser mode: `serve --practice` (the trainee's setup, no Microsoft tenant).
test.describe('automated setup on the practice tenant', () => {
  for (const route of ['classic', 'app-rbac'] as const) {
    test(`${route}: sign in, preview, confirm, and the result is verified; undo removes it`, async ({ page }, testInfo) => {
      const server = await startWizardServer(['--practice']);
      try {
        // Undo asks in the app's own dialog, never a browser one: any window.confirm fails the test.
        page.on('dialog', (d) => {
          void d.dismiss();
          throw new Error(`unexpected browser dialog: ${d.message()}`);
        });
        await page.goto(server.url);
        await page.getByTestId('open-automation').click();
        await expect(page.getByRole('heading', { name: 'Set it up for me', level: 1 })).toBeVisible();
        await expect(page.getByText(/Cloud Application Administrator/)).toBeVisible();
        await page.getByTestId('automation-sign-in').click();
        await expect(page.getByTestId('automation-signed-in')).toContainText('admin@contoso-practice.onmicrosoft.com');
        await page.getByTestId(`route-${route}`).click();
        await page.getByTestId('automation-preview').click();
        const plan = page.getByTestId('automation-plan');
        await expect(plan).toContainText('POST /v1.0/applications');
        await expect(plan).toContainText('New-ServicePrincipal');
        await expect(plan).toContainText(route === 'classic' ? 'Add-MailboxPermission' : 'New-ManagementRoleAssignment');
        await page.getByTestId('automation-apply').click();
        await expect(page.getByTestId('automation-verified')).toBeVisible({ timeout: 60_000 });
        await expect(page.getByTestId('automation-verified')).toHaveText('Verified');
        await expect(page.getByTestId('audit-trail')).toContainText('admin@contoso-practice.onmicrosoft.com');
        await page.screenshot({ path: testInfo.outputPath(`automation-${route}.png`), fullPage: true });
        // No token in anything the page holds.
        const html = await page.content();
        expect(html).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
        // Undo asks first, listing what will be removed; Cancel changes nothing.
        await page.getByTestId('automation-undo').click();
        const ask = page.getByRole('alertdialog', { name: 'Undo the automated setup?' });
        await expect(ask).toBeVisible();
        const list = ask.getByTestId('automation-undo-list');
        await expect(list).toContainText('Remove-ServicePrincipal');
        await expect(list).toContainText(route === 'classic' ? 'MailboxPermission' : 'ManagementRoleAssignment');
        await expect(list).toContainText('applications');
        await ask.getByTestId('automation-undo-cancel').click();
        await expect(ask).toBeHidden();
        await expect(page.getByText(/Removed \d+ objects created by this tool/)).toHaveCount(0);
        await page.getByTestId('automation-undo').click();
        await page.getByRole('alertdialog').getByTestId('automation-undo-confirm').click();
        await expect(page.getByText(/Removed \d+ objects created by this tool/)).toBeVisible({ timeout: 30_000 });
        await expect(page.getByRole('alertdialog')).toHaveCount(0);
      } finally {
        await server.stop();
      }
    });
  }
});
