import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../electron/core/diagnostics';
import { DiagnoseInputSchema } from '../../../../shared/contract/diagnostics';
import { DiagnosticReportSchema } from '../../../../shared/diagnostic-report';

const valid = {
  tenantId: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
  clientId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  mailbox: 'no-reply@contoso.onmicrosoft.com',
};

describe('a diagnosis input', () => {
  it('refuses malformed input with the field named, before any network', () => {
    const r = DiagnoseInputSchema.safeParse({ ...valid, tenantId: 'contoso' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['tenantId']);
    expect(DiagnoseInputSchema.safeParse({ ...valid, password: 'x' }).success).toBe(false);
  });
});

describe('diagnose', () => {
  it('runs a step-only diagnosis and returns the report as data', async () => {
    // inputs only: no secret, so no token; the ISE step needs no SMTP connection
    const input = DiagnoseInputSchema.parse({ ...valid, steps: ['ise'], iseVersion: '3.3 P2', authorityHost: 'https://127.0.0.1:9', timeoutSeconds: 1 });
    const report = await diagnose({ ...input, practice: false });
    expect(DiagnosticReportSchema.safeParse(report).success).toBe(true);
    expect(report.checks.map((c) => c.id)).toEqual(['input', 'network.login', 'token', 'claims']);
    expect(report.checks.find((c) => c.id === 'token')?.status).toBe('skip');
    expect(report.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['ISE_VERSION_UNSUPPORTED', 'NET_CONNECT_REFUSED', 'ISE_NODES_NOT_PROVEN']));
  });
});
