import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../../electron/core/handlers/dispatch';
import { diagnosticsHandlers } from '../../../../electron/core/handlers/diagnostics';
import { CALL_NAMES } from '../../../../shared/contract';
import { DiagnosticReportSchema } from '../../../../shared/diagnostic-report';

const handlers = diagnosticsHandlers({ dataDir: '/nonexistent', version: '0.0.0', shell: 'browser', practice: false }) as unknown as Handlers;
const valid = {
  tenantId: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
  clientId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  mailbox: 'no-reply@contoso.onmicrosoft.com',
};

describe('the diagnose call', () => {
  it('is part of the contract', () => {
    expect(CALL_NAMES).toContain('diagnose');
  });

  it('refuses malformed input with the field named, before any network', async () => {
    const r = await dispatch(handlers, 'diagnose', { ...valid, tenantId: 'contoso' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'tenantId' } });
    const extra = await dispatch(handlers, 'diagnose', { ...valid, password: 'x' });
    expect(extra.ok).toBe(false);
  });

  it('runs a step-only diagnosis and returns the report as data', async () => {
    // inputs only: no secret, so no token; the ISE step needs no SMTP connection
    const r = await dispatch(handlers, 'diagnose', { ...valid, steps: ['ise'], iseVersion: '3.3 P2', authorityHost: 'https://127.0.0.1:9', timeoutSeconds: 1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(DiagnosticReportSchema.safeParse(r.value).success).toBe(true);
    expect(r.value.checks.map((c) => c.id)).toEqual(['input', 'network.login', 'token', 'claims']);
    expect(r.value.checks.find((c) => c.id === 'token')?.status).toBe('skip');
    expect(r.value.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['ISE_VERSION_UNSUPPORTED', 'NET_CONNECT_REFUSED', 'ISE_NODES_NOT_PROVEN']));
  });
});
