import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { exportProfile } from '../../electron/core/export';
import type { Profile } from '../../shared/contract/profiles';
import { CLIENT, MAILBOX, SP_OID, TENANT, certificateChain, sampleReport } from '../support/profile-fixtures';
import { SCREENS_DIR, VIEWPORTS, expectNoHorizontalScroll, keepScreenshot } from './screens';

// The hand-off document (issue 13 point 7) rendered by Chromium: on screen at both sizes, and
// printed on A4 and Letter with nothing wider than the printable width.
async function documentHtml(locale: string, paper?: 'A4' | 'Letter'): Promise<string> {
  const chain = await certificateChain();
  const report = sampleReport(chain);
  const profile: Profile = {
    id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', name: 'Contoso HQ', customer: 'Contoso Ltd', iseVersion: '3.3 P8',
    mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT, secretExpiry: '2027-03-31', route: 'classic',
    servicePrincipalObjectId: SP_OID, practice: false, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
    lastVerification: {
      ...report,
      checks: [
        { id: 'input', step: 'app-registration', status: 'pass', durationMs: 1, evidence: {}, findings: [] },
        ...report.checks,
        { id: 'claims', step: 'app-registration', status: 'pass', durationMs: 1, evidence: {}, findings: [] },
        { id: 'smtp.auth', step: 'service-principal', status: 'pass', durationMs: 400, evidence: {}, findings: [] },
      ],
    },
  };
  return exportProfile(profile, 'html', { secretStored: true, toolVersion: '0.1.0', locale, paper }).content;
}

test('the hand-off document reads well on screen at 1366×768 and 1024×640', async ({ page }) => {
  const html = await documentHtml('en-GB');
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await page.setContent(html);
    await expectNoHorizontalScroll(page);
    await keepScreenshot(page, 'handoff-document', true);
  }
});

for (const paper of ['A4', 'Letter'] as const) {
  test(`the hand-off document prints on ${paper}: nothing wider than the printable width`, async ({ page }) => {
    const html = await documentHtml(paper === 'Letter' ? 'en-US' : 'de-DE', paper);
    // The printable width: paper width minus the 2 × 16 mm page margins, in CSS px (96 per inch).
    const printableMm = (paper === 'A4' ? 210 : 215.9) - 32;
    await page.setViewportSize({ width: Math.floor((printableMm / 25.4) * 96), height: 900 });
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html);
    await expectNoHorizontalScroll(page);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    mkdirSync(SCREENS_DIR, { recursive: true });
    writeFileSync(join(SCREENS_DIR, `handoff-document-${paper}.pdf`), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2); // the appendix starts a page of its own
    expect(pages).toBeLessThanOrEqual(4);
    const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(mediaBox, 'the PDF has a page size').not.toBeNull();
    const [w, h] = [Number(mediaBox![1]), Number(mediaBox![2])];
    if (paper === 'A4') expect([Math.round(w), Math.round(h)]).toEqual([595, 842]);
    else expect([Math.round(w), Math.round(h)]).toEqual([612, 792]);
  });
}
