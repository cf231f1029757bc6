import { expect, startPractice, test } from './wizard-helpers';

// Issue 16 part 3: what the user waits for after pressing Check is the engine's run, not the
// calls the wizard makes after it. A full run (Verify) stores the report as the profile's last
// verification and reads the profile back; the verdict must not wait for that read.
test('the Verify step draws its verdict before the profile is read back, and "verified" follows', async ({ page, practice }) => {
  await startPractice(page, practice);
  await page.getByTestId('nav-verify').click();
  const step = page.getByTestId('step-verify');
  await expect(step.getByTestId('check-button')).toBeEnabled();
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let readBack = 0;
  await page.route('**/api/profileGet', async (route) => {
    readBack++;
    await held;
    await route.continue();
  });
  await step.getByTestId('check-button').click();
  await expect(step.getByTestId('check-result').getByTestId('check-passed')).toBeVisible({ timeout: 30_000 });
  // The read-back went out and is still held: the verdict did not wait for it.
  await expect.poll(() => readBack).toBeGreaterThan(0);
  await expect(step.getByTestId('verified')).toHaveCount(0);
  release();
  await expect(step.getByTestId('verified')).toBeVisible();
});
