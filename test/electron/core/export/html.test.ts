import { beforeAll, describe, expect, it } from 'vitest';
import { exportProfile } from '../../../../electron/core/export';
import { paperFor } from '../../../../electron/core/export/paper';
import type { Profile } from '../../../../shared/contract/profiles';
import type { DiagnosticReport } from '../../../../shared/diagnostic-report';
import { CANARY, CLIENT, MAILBOX, SP_OID, TENANT, certificateChain, sampleReport } from '../../../support/profile-fixtures';

// The hand-off document a customer's change board accepts (issue 13, point 7).
let chain: { caPem: string; leafPem: string };
beforeAll(async () => {
  chain = await certificateChain();
});

function fullReport(): DiagnosticReport {
  const r = sampleReport(chain);
  return {
    ...r,
    checks: [
      { id: 'input', step: 'app-registration', status: 'pass', durationMs: 1, evidence: {}, findings: [] },
      ...r.checks,
      { id: 'claims', step: 'app-registration', status: 'pass', durationMs: 1, evidence: {}, findings: [] },
      { id: 'smtp.auth', step: 'service-principal', status: 'pass', durationMs: 400, evidence: {}, findings: [] },
    ],
  };
}

function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', name: 'Contoso HQ', customer: 'Contoso Ltd', iseVersion: '3.3 P8',
    mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT, secretExpiry: '2027-03-31', route: 'classic',
    servicePrincipalObjectId: SP_OID, practice: false, createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z', lastVerification: fullReport(), ...overrides,
  };
}
const html = (p: Profile = profile(), locale?: string, paper?: 'A4' | 'Letter') =>
  exportProfile(p, 'html', { secretStored: true, toolVersion: '0.1.0', now: new Date('2026-11-20T10:00:00.000Z'), locale, paper }).content;
/** The document before its raw-evidence appendix: what the customer reads. */
const body = (doc: string) => doc.slice(0, doc.indexOf('<section class="appendix">') >>> 0 || undefined);
const text = (fragment: string) => fragment.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the html hand-off document', () => {
  it('says who, when, which tenant, app, mailbox and ISE version', () => {
    const t = text(html());
    for (const v of ['Contoso Ltd', 'Contoso HQ', '3.3 P8', TENANT, CLIENT, MAILBOX]) expect(t).toContain(v);
    expect(t).toContain('Prepared by');
    expect(t).toContain('Approved by');
  });

  it('says what was proven in words, with no check ids, finding codes or ISO times in the body', () => {
    const doc = html();
    const b = text(body(doc));
    expect(doc).toContain('<section class="appendix">');
    expect(b).toContain('Microsoft Entra ID issued a fresh access token');
    expect(b).toContain(`Exchange Online accepted the sign-in (AUTH XOAUTH2) as ${MAILBOX}`);
    expect(b).not.toMatch(/network\.login|network\.smtp|smtp\.auth|\binput\b pass/);
    expect(b).not.toMatch(/\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/); // no ISE_NODES_NOT_PROVEN-style codes
    expect(doc).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/); // no ISO timestamps anywhere
  });

  it('gives the ISE values, never the secret nor the "(from keychain)" placeholder', () => {
    const doc = html();
    for (const label of ['SMTP Server', 'SMTP Port', 'Email Address', 'Client ID', 'Tenant ID', 'Client Secret', 'Expiry Date', 'OAuth Token Endpoint API', 'Scope']) {
      expect(doc).toContain(`<th scope="row">${label}</th>`);
    }
    expect(doc).toContain(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`);
    expect(doc).not.toContain(CANARY);
    expect(doc).not.toContain('(from keychain)');
  });

  it('says what each ISE node needs, naming the captured CA', () => {
    const t = text(html());
    for (const node of ['Primary PAN', 'Active MnT', 'Every PSN']) expect(t).toContain(node);
    expect(t).toContain('login.microsoftonline.com:443');
    expect(t).toContain('smtp.office365.com:587');
  });

  it('gives the secret expiry and the reminder, dates in the reader\'s locale', () => {
    expect(text(html(profile(), 'en-US'))).toContain('March 31, 2027 (131 days left)');
    expect(text(html(profile(), 'en-US'))).toContain('March 1, 2027, 30 days before');
    const de = text(html(profile(), 'de-DE'));
    expect(de).toContain('31. März 2027');
    expect(de).toContain('20. November 2026');
    expect(text(html(profile(), 'zh-TW'))).toContain('2027年3月31日');
  });

  it('has a readable raw-evidence appendix (codes here only), without empty rows', () => {
    const doc = html(profile({ lastVerification: { ...fullReport(), checks: fullReport().checks.map((c: DiagnosticReport['checks'][number]) => (c.id === 'network.smtp' ? { ...c, evidence: { banner: '220 ready' } } : c)) } }));
    const appendix = doc.slice(doc.indexOf('<section class="appendix">'));
    expect(appendix).toContain('network.login');
    expect(appendix).toContain('ISE_NODES_NOT_PROVEN');
    expect(appendix).toContain(SP_OID);
    expect(appendix).not.toContain('Capabilities'); // none recorded: no empty row
    expect(doc).not.toMatch(/<td[^>]*>\s*<\/td>/);
  });

  it('is print-ready: page margins on any paper, the page size when asked, A4 or Letter by locale', () => {
    expect(html()).toMatch(/@page \{ margin: 18mm/);
    expect(html(profile(), 'en-US', 'Letter')).toContain('@page { size: Letter; margin');
    expect(html(profile(), 'de-DE', 'A4')).toContain('@page { size: A4; margin');
    expect([paperFor('en-US'), paperFor('en'), paperFor('de-DE'), paperFor('zh-TW'), paperFor('fr-CA')]).toEqual(['Letter', 'Letter', 'A4', 'A4', 'Letter']);
  });

  it('says plainly when nothing was verified yet', () => {
    const t = text(html(profile({ lastVerification: null })));
    expect(t).toContain('Not verified yet');
    expect(t).not.toContain('Appendix');
  });
});
