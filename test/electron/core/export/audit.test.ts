import { beforeAll, describe, expect, it } from 'vitest';
import { exportProfile } from '../../../../electron/core/export';
import { parseExport } from '../../../../electron/core/export/import';
import { ExportDocumentSchema } from '../../../../shared/export-format';
import type { Profile } from '../../../../shared/contract/profiles';
import type { AuditEntry } from '../../../../shared/contract/automation';
import { CANARY, CLIENT, MAILBOX, SP_OID, TENANT, certificateChain, sampleReport } from '../../../support/profile-fixtures';

// Issue 14 point 4: the automated setup's audit trail is part of the JSON and HTML exports.
let chain: { caPem: string; leafPem: string };
beforeAll(async () => {
  chain = await certificateChain();
});

const ADMIN = 'admin@contoso.onmicrosoft.com';
const APP_OBJECT = 'aaaaaaaa-1111-4222-8333-444444444444';
const trail: AuditEntry[] = [
  { at: '2026-11-19T09:15:02.000Z', upn: ADMIN, step: 'application', operation: 'POST /v1.0/applications', target: CLIENT, requestId: 'c0ffee00-1111-4222-8333-000000000001', result: 'created', status: 201 },
  { at: '2026-11-19T09:15:04.000Z', upn: ADMIN, step: 'client-secret', operation: `POST /v1.0/applications/${APP_OBJECT}/addPassword`, target: 'b1b1b1b1-2222-4333-8444-555555555555', requestId: 'c0ffee00-1111-4222-8333-000000000002', result: 'created', status: 200 },
  { at: '2026-11-19T09:15:09.000Z', upn: ADMIN, step: 'exchange-service-principal', operation: 'New-ServicePrincipal', target: SP_OID, result: 'failed', status: 403 },
];

function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', name: 'Contoso HQ', customer: 'Contoso', iseVersion: '3.3 P8',
    mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT, secretExpiry: '2027-03-31', route: 'classic',
    servicePrincipalObjectId: SP_OID, practice: false, createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z', lastVerification: sampleReport(chain),
    automation: { route: 'classic', appId: CLIENT, applicationObjectId: APP_OBJECT, servicePrincipalId: SP_OID, created: ['application', 'client-secret'], audit: trail },
    ...overrides,
  };
}
const ctx = (locale?: string) => ({ secretStored: true, toolVersion: '0.1.0', now: new Date('2026-11-20T10:00:00.000Z'), locale });
const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** Shapes a secret or a token has: a JWT, an Entra client secret (…8Q~…), a bearer header, a refresh token. */
const SECRET_SHAPES = [/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/, /[\w.~-]{3}\dQ~[\w.~-]{30,}/, /\bBearer\s+\S/i, /\b0\.A[\w-]{40,}/, /secretText|access_token|refresh_token/i];

describe('the audit trail in the exports', () => {
  it('the JSON export carries every row, and reads back', () => {
    const content = exportProfile(profile(), 'json', ctx()).content;
    const doc = ExportDocumentSchema.parse(JSON.parse(content));
    expect(doc.automation?.route).toBe('classic');
    expect(doc.automation?.audit).toEqual(trail);
    expect(parseExport(content).name).toBe('Contoso HQ'); // an export with a trail still imports
  });

  it('the HTML hand-off has a table row per change: when in the reader\'s locale, who, what, request id, result', () => {
    const html = exportProfile(profile(), 'html', ctx('de-DE')).content;
    expect(html).toContain('<table class="audit">');
    const rows = html.slice(html.indexOf('<table class="audit">')).split('</table>')[0]!.split('<tr>').slice(2);
    expect(rows).toHaveLength(trail.length);
    const first = text(rows[0]!);
    const when = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeStyle: 'long' }).format(new Date(trail[0]!.at));
    expect(first).toContain(when);
    expect(when).toMatch(/November 2026/); // German month name: the reader's locale, not ISO
    for (const v of [ADMIN, 'POST /v1.0/applications', CLIENT, 'c0ffee00-1111-4222-8333-000000000001', 'Created']) expect(first).toContain(v);
    expect(text(rows[2]!)).toContain('Failed (HTTP 403)');
    expect(html).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
  });

  it('has no trail section and no automation block when the profile was set up by hand', () => {
    const p = profile({ automation: undefined });
    expect(exportProfile(p, 'html', ctx()).content).not.toContain('audit trail');
    expect(JSON.parse(exportProfile(p, 'json', ctx()).content).automation).toBeNull();
  });

  it('never carries a secret or token, even when a record grew a field it should not have', () => {
    // A canary planted where a careless change could put it: extra keys on a trail entry.
    const leaky = trail.map((e) => ({ ...e, secretText: CANARY, accessToken: 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln' })) as AuditEntry[];
    const p = profile({ automation: { ...profile().automation!, audit: leaky } });
    for (const format of ['json', 'html'] as const) {
      const content = exportProfile(p, format, ctx()).content;
      expect(content).toContain(ADMIN); // the trail is there …
      expect(content).not.toContain(CANARY); // … without the canary
      for (const shape of SECRET_SHAPES) expect(content, `${format} matches ${shape}`).not.toMatch(shape);
    }
  });

  it('escapes the values of the trail', () => {
    const p = profile({ automation: { ...profile().automation!, audit: [{ ...trail[0]!, target: '<img src=x onerror=alert(1)>' }] } });
    const html = exportProfile(p, 'html', ctx()).content;
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
