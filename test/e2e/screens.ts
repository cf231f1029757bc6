import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Where the layout screenshots are kept as artifacts (not cleaned by Playwright between runs). */
export const SCREENS_DIR = join(process.cwd(), 'test-results', 'screens');

/** The two sizes every changed screen is held at: a 1366×768 laptop and a 1024×640 minimum. */
export const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1024, height: 640 },
] as const;

/** Fails when the page scrolls sideways (content wider than the window). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the page scrolls horizontally').toBeLessThanOrEqual(0);
}

/** Screenshots the page as `<name>-<w>x<h>.png` under test-results/screens/. */
export async function keepScreenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const size = page.viewportSize();
  const file = join(SCREENS_DIR, `${name}-${size?.width ?? 0}x${size?.height ?? 0}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
