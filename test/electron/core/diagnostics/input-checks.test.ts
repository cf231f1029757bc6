import { describe, expect, it } from 'vitest';
import { checkInputs } from '../../../../electron/core/diagnostics/input-checks';
import { iseSupportsOAuthSmtp, parseIseVersion } from '../../../../shared/ise-version';

const NOW = new Date('2025-03-04T10:00:00Z');
const good = {
  tenantId: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
  clientId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  mailbox: 'no-reply@contoso.onmicrosoft.com',
  clientSecret: 'Xy8Q~abcdefghijklmnopqrstuvwxyz0123456789',
};
const codes = (v: Partial<typeof good> & { secretExpiry?: string; iseVersion?: string }) => checkInputs({ ...good, ...v }, NOW).map((f) => f.code);

describe('input checks', () => {
  it('healthy input has no finding', () => {
    expect(codes({ secretExpiry: '2026-01-01', iseVersion: '3.3 P8' })).toEqual([]);
  });

  it('names malformed IDs and mailbox', () => {
    expect(codes({ tenantId: 'contoso.onmicrosoft.com' })).toEqual(['INPUT_TENANT_ID_INVALID']);
    expect(codes({ clientId: '1234' })).toEqual(['INPUT_CLIENT_ID_INVALID']);
    expect(codes({ mailbox: 'no-reply' })).toEqual(['INPUT_MAILBOX_INVALID']);
  });

  it('INPUT_SECRET_LOOKS_LIKE_ID: a GUID pasted as the secret', () => {
    expect(codes({ clientSecret: '3f2e1d0c-9b8a-4f7e-8d6c-5b4a39281706' })).toEqual(['INPUT_SECRET_LOOKS_LIKE_ID']);
  });

  it('SECRET_EXPIRED and SECRET_EXPIRING_SOON from the expiry date', () => {
    expect(codes({ secretExpiry: '2025-03-01' })).toEqual(['SECRET_EXPIRED']);
    expect(codes({ secretExpiry: '2025-03-03' })).toEqual(['SECRET_EXPIRED']);
    const soon = checkInputs({ ...good, secretExpiry: '2025-03-20' }, NOW);
    expect(soon.map((f) => f.code)).toEqual(['SECRET_EXPIRING_SOON']);
    expect(soon[0]!.severity).toBe('warning');
    expect(soon[0]!.params.days).toBe(16);
    expect(codes({ secretExpiry: '2025-04-10' })).toEqual([]);
  });

  // The rule of shared/secret-expiry.ts: valid through the Expiry Date (UTC), expired the day after.
  it('on the expiry day itself the secret still counts (0 days left); from 00:00Z the day after it is expired', () => {
    const at = (iso: string) => checkInputs({ ...good, secretExpiry: '2025-03-04' }, new Date(iso));
    for (const iso of ['2025-03-04T00:00:00.000Z', '2025-03-04T10:00:00Z', '2025-03-04T23:59:59.999Z']) {
      const f = at(iso);
      expect(f.map((x) => x.code), iso).toEqual(['SECRET_EXPIRING_SOON']);
      expect(f[0]!.params.days, iso).toBe(0);
    }
    expect(at('2025-03-05T00:00:00.000Z').map((x) => x.code)).toEqual(['SECRET_EXPIRED']);
    expect(at('2025-03-05T12:00:00Z').map((x) => x.code)).toEqual(['SECRET_EXPIRED']);
    expect(at('2025-03-03T23:59:59.999Z')[0]!.params.days).toBe(1);
  });

  it('ISE_VERSION_UNSUPPORTED below 3.2 P8, 3.3 P8, 3.4 P4, 3.5 P1', () => {
    for (const v of ['3.2 P7', '3.3 patch 7', '3.3.0.430 P5', '3.4 P3', '3.5', '3.1 P10', '2.7 P9']) {
      expect(codes({ iseVersion: v }), v).toEqual(['ISE_VERSION_UNSUPPORTED']);
    }
    for (const v of ['3.2 P8', '3.3 patch 8', '3.3.0.430 P8', '3.4P4', '3.5 P1', '3.6', '3.6 P2', 'Version 3.4.0.608 Patch 5', '4.0']) {
      expect(codes({ iseVersion: v }), v).toEqual([]);
    }
    const f = checkInputs({ ...good, iseVersion: '3.4 P2' }, NOW)[0]!;
    expect(f.params).toMatchObject({ version: '3.4 P2', minimum: '3.4 P4' });
  });

  it('parses the ways engineers write ISE versions', () => {
    expect(parseIseVersion('3.3 P8')).toEqual({ major: 3, minor: 3, patch: 8 });
    expect(parseIseVersion('3.3 patch 8')).toEqual({ major: 3, minor: 3, patch: 8 });
    expect(parseIseVersion('3.3.0.430 P8')).toEqual({ major: 3, minor: 3, patch: 8 });
    expect(parseIseVersion('3.4')).toEqual({ major: 3, minor: 4, patch: 0 });
    expect(parseIseVersion('latest')).toBeNull();
    expect(iseSupportsOAuthSmtp({ major: 3, minor: 1, patch: 99 })).toBe(false);
  });
});
