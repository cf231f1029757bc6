import fs from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportProfile } from '../../../../electron/core/export';
import { parseExport } from '../../../../electron/core/export/import';
import { buildExportDocument, exportDigest } from '../../../../electron/core/export/json';
import { ExportDocumentSchema, NOT_IN_PROFILE_SECTION, PROFILE_SECTION_FIELDS, exportJsonSchema, canonicalJson } from '../../../../shared/export-format';
import { iseSheet } from '../../../../shared/ise-sheet';
import { ProfileFieldsSchema, type Profile } from '../../../../shared/contract/profiles';
import { CLIENT, MAILBOX, SP_OID, TENANT, certificateChain, sampleReport } from '../../../support/profile-fixtures';

let chain: { caPem: string; leafPem: string };
beforeAll(async () => {
  chain = await certificateChain();
});

function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', name: 'Contoso HQ', customer: 'Contoso', iseVersion: '3.3 P8',
    mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT, secretExpiry: '2027-03-31', route: 'classic',
    servicePrincipalObjectId: SP_OID, practice: false, createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z', lastVerification: sampleReport(chain), ...overrides,
  };
}
const ctx = { secretStored: true, toolVersion: '0.1.0', now: new Date('2026-11-20T10:00:00.000Z') };

describe('iseSheet', () => {
  it('gives ISE\'s fields in ISE\'s order with the defaults of DESIGN §2, never the secret', () => {
    const rows = iseSheet({ mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT, secretExpiry: '2027-03-31' });
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['SMTP Server', 'smtp.office365.com'],
      ['SMTP Port', '587'],
      ['Connection Timeout', '60'],
      ['Use Authentication Settings', 'MS Exchange Online OAuth'],
      ['Email Address', MAILBOX],
      ['Client ID', CLIENT],
      ['Tenant ID', TENANT],
      ['Client Secret', '(from keychain)'],
      ['Expiry Date', '2027-03-31'],
      ['OAuth Token Endpoint API', `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`],
      ['Scope', 'https://outlook.office.com/.default'],
    ]);
  });
});

describe('json export', () => {
  it('matches its schema and carries ISE values, claims, SMTP facts and fingerprints, not the secret', () => {
    const doc = buildExportDocument(profile(), ctx);
    expect(ExportDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.iseSettings['Client Secret']).toEqual({ storedInKeychain: true });
    expect(doc.iseSettings['OAuth Token Endpoint API']).toBe(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`);
    const v = doc.lastVerification!;
    expect(v.claims).toEqual({ aud: 'https://outlook.office.com', roles: ['SMTP.SendAsApp'], tid: TENANT, appid: CLIENT, oid: SP_OID, exp: 1_800_000_000 });
    expect(v.smtp.banner).toMatch(/^220 /);
    expect(v.smtp.capabilities).toContain('AUTH XOAUTH2');
    expect(v.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass']);
    // Two certificates, de-duplicated across the two checks, fingerprints recomputed from the PEM.
    const caFingerprint = new X509Certificate(chain.caPem).fingerprint256;
    expect(v.certificates.map((c) => [c.sha256, c.isCA])).toEqual([
      [new X509Certificate(chain.leafPem).fingerprint256, false],
      [caFingerprint, true],
    ]);
    expect(doc.integrity.digest).toBe(exportDigest(doc));
  });

  it('the digest ignores key order and indentation but not values', () => {
    const doc = buildExportDocument(profile(), ctx);
    const { integrity, ...rest } = doc;
    const reordered = JSON.parse(JSON.stringify({ integrity, ...Object.fromEntries(Object.entries(rest).reverse()) }));
    expect(exportDigest(reordered)).toBe(doc.integrity.digest);
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe('{"a":[2,{"c":2,"d":1}],"b":1}');
    expect(exportDigest({ ...doc, toolVersion: '9.9.9' })).not.toBe(doc.integrity.digest);
  });

  it('docs/export-schema.json is what the zod schema generates (npm run export-schema writes it)', () => {
    const published = JSON.parse(fs.readFileSync(new URL('../../../../docs/export-schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(exportJsonSchema());
    expect(published.properties.iseSettings.required).toContain('Client Secret');
    expect(JSON.stringify(published.properties.iseSettings.properties['Client Secret'])).toContain('storedInKeychain');
  });
});

describe('import', () => {
  const content = () => exportProfile(profile({ smtpPort: 2525, proxy: 'http://proxy.contoso.local:3128' }), 'json', ctx).content;

  it('reads back the profile values from a valid export', () => {
    expect(parseExport(content())).toEqual({
      name: 'Contoso HQ', customer: 'Contoso', iseVersion: '3.3 P8', mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT,
      secretExpiry: '2027-03-31', route: 'classic', servicePrincipalObjectId: SP_OID, smtpPort: 2525,
      proxy: 'http://proxy.contoso.local:3128', practice: false, origin: 'unsigned',
    });
  });

  it.each([
    ['not JSON', () => 'hello', 'IMPORT_NOT_JSON'],
    ['foreign JSON', () => JSON.stringify({ name: 'x' }), 'IMPORT_FOREIGN_FORMAT'],
    ['a newer format', () => JSON.stringify({ ...JSON.parse(content()), formatVersion: 2 }), 'IMPORT_NEWER_FORMAT'],
    ['a schema-invalid file', () => JSON.stringify({ ...JSON.parse(content()), iseSettings: {} }), 'IMPORT_INVALID'],
    ['a tampered value', () => content().replace(TENANT, '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5c'), 'IMPORT_TAMPERED'],
    ['an added secret field', () => JSON.stringify({ ...JSON.parse(content()), clientSecret: 'x' }), 'IMPORT_INVALID'],
  ])('refuses %s with a clear error', (_label, make, code) => {
    expect(() => parseExport(make())).toThrow(expect.objectContaining({ code, field: 'content' }));
  });

  it('never exports proxy credentials', () => {
    const doc = buildExportDocument(profile({ proxy: 'http://alice:s3cr3t-pw@proxy.contoso.local:3128' }), ctx);
    expect(doc.profile.proxy).toBe('http://proxy.contoso.local:3128');
    expect(JSON.stringify(doc)).not.toContain('s3cr3t-pw');
  });

  it('refuses a digest-consistent file with an invalid value', () => {
    const doc = JSON.parse(content());
    doc.iseSettings['Tenant ID'] = 'not-a-guid';
    doc.integrity.digest = exportDigest(doc);
    expect(() => parseExport(JSON.stringify(doc))).toThrow(expect.objectContaining({ code: 'IMPORT_INVALID' }));
  });

  it('round-trips a profile field added to the contract alone (siteName) through export and import', () => {
    const withSite = exportProfile(profile({ siteName: 'Amsterdam HQ' }), 'json', ctx).content;
    expect(JSON.parse(withSite).profile.siteName).toBe('Amsterdam HQ');
    expect(parseExport(withSite).siteName).toBe('Amsterdam HQ');
    // Absent: written as null, and imported as absent (not as an empty string).
    const without = exportProfile(profile(), 'json', ctx).content;
    expect(JSON.parse(without).profile.siteName).toBeNull();
    expect(parseExport(without)).not.toHaveProperty('siteName');
  });

  it('imports an export made before a field existed (its key missing), and refuses an invalid value of it', () => {
    const old = JSON.parse(content());
    delete old.profile.siteName;
    old.integrity.digest = exportDigest(old);
    expect(parseExport(JSON.stringify(old))).toMatchObject({ name: 'Contoso HQ', customer: 'Contoso' });
    expect(parseExport(JSON.stringify(old))).not.toHaveProperty('siteName');
    const tooLong = { ...old, profile: { ...old.profile, siteName: 'x'.repeat(201) } };
    tooLong.integrity = { ...old.integrity, digest: exportDigest(tooLong) };
    expect(() => parseExport(JSON.stringify(tooLong))).toThrow(expect.objectContaining({ code: 'IMPORT_INVALID' }));
  });

  it('puts every contract field in the profile section unless it is declared elsewhere, and never ise or automation', () => {
    const section = Object.keys(ExportDocumentSchema.shape.profile.shape);
    for (const field of Object.keys(ProfileFieldsSchema.shape)) {
      expect(section.includes(field) !== field in NOT_IN_PROFILE_SECTION, field).toBe(true);
    }
    expect(section).toEqual(['name', ...PROFILE_SECTION_FIELDS]);
    expect(section).not.toContain('ise');
    expect(section).not.toContain('automation');
    expect(section).not.toContain('lastVerification');
  });
});

describe('html export', () => {
  it('is one self-contained page: inline CSS, no scripts, values escaped', () => {
    const html = exportProfile(profile({ name: '<script>alert(1)</script>', customer: 'A & "B"' }), 'html', ctx).content;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=|javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('A &amp; &quot;B&quot;');
    expect(html).toContain("default-src 'none'");
    for (const label of ['SMTP Server', 'Email Address', 'Client ID', 'Tenant ID', 'Expiry Date', 'OAuth Token Endpoint API', 'Scope']) {
      expect(html).toContain(`<th scope="row">${label}</th>`);
    }
    expect(html).toContain('the client secret Value (not in this document');
    expect(html).toContain(new X509Certificate(chain.caPem).fingerprint256);
  });
});

describe('pem export', () => {
  it('bundles only the CA certificates from the chain checks', () => {
    const file = exportProfile(profile(), 'pem', ctx);
    expect(file.fileName).toBe('ise-smtp-oauth-Contoso-HQ-ca.pem');
    const blocks = file.content.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    expect(blocks).toHaveLength(1);
    expect(new X509Certificate(blocks[0]!).fingerprint256).toBe(new X509Certificate(chain.caPem).fingerprint256);
  });

  it('skips malformed evidence and says when there is nothing to export', () => {
    const report = sampleReport();
    report.checks[0]!.evidence = { chain: [{ pem: 'not a certificate' }, 42, null] };
    expect(() => exportProfile(profile({ lastVerification: report }), 'pem', ctx)).toThrow(
      expect.objectContaining({ code: 'EXPORT_NO_CERTIFICATES' }),
    );
    expect(() => exportProfile(profile({ lastVerification: null }), 'pem', ctx)).toThrow(expect.objectContaining({ code: 'EXPORT_NO_CERTIFICATES' }));
  });
});

describe('ics export', () => {
  it('is the expiry reminder; without an expiry date it says so', () => {
    const file = exportProfile(profile(), 'ics', ctx);
    expect(file.mimeType).toBe('text/calendar');
    expect(file.content).toContain('DTSTART;VALUE=DATE:20270301');
    expect(() => exportProfile(profile({ secretExpiry: undefined }), 'ics', ctx)).toThrow(expect.objectContaining({ code: 'EXPORT_NO_EXPIRY' }));
  });
});
