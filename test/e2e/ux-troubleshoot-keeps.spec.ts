import { expect, test } from './fixtures';
import { VIEWPORTS, expectNoHorizontalScroll, keepScreenshot } from './screens';

// Issue 13 point 8: Troubleshoot keeps its work when the engineer leaves the screen and comes
// back, until it is cleared.
test('pasted text, its answer and the last log analysis survive leaving the screen; Clear forgets the analysis', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByTestId('open-troubleshoot').click();
  await page.getByLabel('Error text from ISE').fill('Invalid client secret');
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByTestId('lookup-results').getByTestId('finding').first()).toHaveAttribute('data-code', 'TOKEN_SECRET_INVALID');
  await page.getByTestId('log-file-input').setInputFiles('test/fixtures/guest-log/token-failures.log');
  await expect(page.getByTestId('log-findings')).toBeVisible();

  // Away to another screen and back, in the same session (no reload).
  await page.getByTestId('nav-profiles').click();
  await expect(page.getByLabel('Error text from ISE')).toHaveCount(0);
  await page.getByTestId('open-troubleshoot').click();
  await expect(page.getByLabel('Error text from ISE')).toHaveValue('Invalid client secret');
  await expect(page.getByTestId('lookup-results').getByTestId('finding').first()).toHaveAttribute('data-code', 'TOKEN_SECRET_INVALID');
  await expect(page.getByTestId('log-findings')).toBeVisible();
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await expectNoHorizontalScroll(page);
    await keepScreenshot(page, 'troubleshoot-kept');
  }

  await page.getByTestId('log-clear').click();
  await expect(page.getByTestId('log-findings')).toHaveCount(0);
  await expect(page.getByLabel('Error text from ISE')).toHaveValue('Invalid client secret');
});
