import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { WIZARD_SCREENS, type WizardScreen } from '../../shared/steps';
import { startPractice, test, expect } from './wizard-helpers';

/** axe-core on the page as it stands: no serious or critical violation allowed. */
async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  // Judge the settled page: a Fluent enter animation (fading text) caught mid-way reads as low contrast.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Opens a step and runs its check, so the results (findings, tables, accordions) are on screen too. */
async function openAndCheck(page: Page, screen: WizardScreen): Promise<void> {
  await page.getByTestId(`nav-${screen}`).click();
  const step = page.getByTestId(`step-${screen}`);
  await expect(step).toBeVisible();
  await step.getByTestId('check-button').click();
  await expect(step.getByTestId('check-passed').or(step.getByTestId('check-failed'))).toBeVisible({ timeout: 30_000 });
}

test.describe('accessibility and screenshots of every step', () => {
  test.beforeEach(async ({ page, practice }) => {
    await page.goto(practice.url);
    await page.request.post(`${practice.origin}/api/practiceSetScenario`, { data: { scenario: 'healthy' }, headers: { 'X-Setup-Token': practice.token } });
  });

  for (const lng of ['en', 'zh-TW'] as const) {
    test(`axe finds no serious violation on any step (${lng})`, async ({ page, practice }, testInfo) => {
      await page.goto(practice.url);
      await page.evaluate(`localStorage.clear(); localStorage.setItem('ise-smtp-oauth.language', '${lng}')`);
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      await expectNoSeriousViolations(page, 'start');
      await shoot(page, testInfo, `${lng}-start`);
      await page.getByTestId('start-practice').click();
      for (const screen of WIZARD_SCREENS) {
        await openAndCheck(page, screen);
        await expectNoSeriousViolations(page, screen);
        await shoot(page, testInfo, `${lng}-${screen}`);
      }
    });
  }

  test('a failing check (findings with evidence opened) has no serious violation', async ({ page, practice }) => {
    await startPractice(page, practice);
    await page.getByTestId('practice-scenario').selectOption('wrong-secret');
    await openAndCheck(page, 'app-registration');
    const step = page.getByTestId('step-app-registration');
    await step.getByRole('button', { name: 'Raw evidence of every check' }).click();
    await expect(step.getByTestId('evidence')).toBeVisible();
    await expectNoSeriousViolations(page, 'app-registration (failed)');
  });

  test('every field on every step has a label', async ({ page, practice }) => {
    await startPractice(page, practice);
    for (const screen of WIZARD_SCREENS) {
      await page.getByTestId(`nav-${screen}`).click();
      // Each step is its own chunk: wait until it is on the page before counting its fields.
      await expect(page.getByTestId(`step-${screen}`)).toBeVisible();
      const inputs = page.getByTestId(`step-${screen}`).locator('input, select, textarea');
      const count = await inputs.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const name = await inputs.nth(i).evaluate((el) => {
          const id = el.getAttribute('id');
          const labelled = (id !== null && el.ownerDocument.querySelector(`label[for="${id}"]`) !== null) || el.closest('label') !== null;
          return labelled || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') ? 'ok' : el.outerHTML;
        });
        expect(name, `${screen} field ${i}`).toBe('ok');
      }
    }
  });
});
