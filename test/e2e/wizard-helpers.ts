import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { startWizardServer, type WizardServer } from './fixtures';

/** A browser-mode server with the built-in practice tenant, one per worker. */
export const test = base.extend<object, { practice: WizardServer }>({
  practice: [
    async ({}, use) => {
      const server = await startWizardServer(['--practice']);
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
});
export { expect };

/** Moves focus with Tab alone until `target` has it (keyboard-only navigation, no clicks). */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement || el.contains(el.ownerDocument.activeElement)).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Opens the wizard fresh (own data folder per server, clean localStorage) and starts the practice profile. */
export async function startPractice(page: Page, server: WizardServer): Promise<void> {
  await page.goto(server.url);
  await page.evaluate('localStorage.clear()');
  await page.reload();
  await page.getByTestId('start-practice').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Mailbox');
}

/** Picks a practice scenario in the banner (the profile is refreshed with its credentials). */
export async function pickScenario(page: Page, scenario: string): Promise<void> {
  await page.getByTestId('practice-scenario').selectOption(scenario);
  await expect(page.getByTestId('practice-scenario')).toHaveValue(scenario);
}

/** Opens a wizard step from the step list and waits for it. */
export async function goToStep(page: Page, step: string): Promise<void> {
  await page.getByTestId(`nav-${step}`).click();
  await expect(page.getByTestId(`step-${step}`)).toBeVisible();
}

/** A text from the sources with its {{placeholders}} filled, as the user reads it. */
export function filled(tree: string, vars: Record<string, string | number> = {}): string {
  return Object.entries(vars).reduce((s, [k, v]) => s.replaceAll(`{{${k}}}`, String(v)), tree);
}

/** The first screen with nothing stored in the page, then a new profile named `name`. */
export async function startNewProfile(page: Page, url: string, name: string, language?: string): Promise<void> {
  await page.goto(url);
  await page.evaluate('localStorage.clear()');
  await page.reload();
  if (language) await page.getByLabel('Language').selectOption(language);
  await page.getByTestId('new-profile-name').fill(name);
  await page.getByTestId('start-new').click();
}

/** "Set it up for me" on the practice tenant: sign in, preview, confirm, up to Verified. */
export async function setUpForMe(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('open-automation').click();
  await page.getByTestId('automation-sign-in').click();
  await expect(page.getByTestId('automation-signed-in')).toBeVisible();
  await page.getByTestId('automation-preview').click();
  await page.getByTestId('automation-apply').click();
  await expect(page.getByTestId('automation-verified')).toBeVisible({ timeout: 90_000 });
}
