import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

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

/** Holds `part` in view at both sizes, fails on sideways scroll, keeps both pictures, ends at 1366×768. */
export async function screenshotBothSizes(page: Page, part: Locator, name: string): Promise<void> {
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await part.scrollIntoViewIfNeeded();
    await expectNoHorizontalScroll(page);
    await keepScreenshot(page, name);
  }
  await page.setViewportSize(VIEWPORTS[0]);
}

/**
 * Fails when a table's content is clipped: its scroll box (the table's parent) or the table
 * scrolls sideways, a header or body cell's content is wider than the cell, or something
 * inside a cell that hides its overflow (a button) cuts its own text, or a badge's text wraps out of its pill.
 */
export async function expectNoClippedCells(page: Page, tableTestId: string): Promise<void> {
  const clipped = await page.getByTestId(tableTestId).evaluate((table) => {
    const out: string[] = [];
    const label = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const over = (el: Element) => el.scrollWidth > el.clientWidth + 1;
    for (const el of [table.parentElement!, table]) if (over(el)) out.push(`${label(el)} scrolls: ${el.scrollWidth} > ${el.clientWidth}`);
    for (const cell of table.querySelectorAll('th, td')) {
      if (over(cell)) out.push(`${label(cell)}: ${cell.scrollWidth} > ${cell.clientWidth}`);
      for (const inner of cell.querySelectorAll('*')) {
        const style = getComputedStyle(inner);
        if ((style.overflowX === 'hidden' || style.overflowX === 'clip') && inner.clientWidth > 0 && over(inner)) out.push(`${label(inner)} cut: ${inner.scrollWidth} > ${inner.clientWidth}`);
        // A badge is one line high: wrapped text spills out of the pill.
        if (inner.classList.contains('fui-Badge') && inner.scrollHeight > inner.clientHeight + 1) out.push(`${label(inner)} spills: ${inner.scrollHeight} > ${inner.clientHeight} high`);
      }
    }
    return out;
  });
  expect(clipped, 'table content is clipped').toEqual([]);
}
