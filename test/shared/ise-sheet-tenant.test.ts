import { describe, expect, it } from 'vitest';
import { iseSheet } from '../../shared/ise-sheet';

// Issue 13 point 11: no `https://login.microsoftonline.com//oauth2/v2.0/token` while the tenant is empty.
describe('the OAuth Token Endpoint API row', () => {
  const endpoint = (tenantId: string) => iseSheet({ mailbox: 'a@b.example', tenantId, clientId: 'c' }).find((r) => r.label === 'OAuth Token Endpoint API')!.value;
  it('is empty until there is a tenant', () => {
    expect(endpoint('')).toBe('');
    expect(endpoint('   ')).toBe('');
  });
  it('is the tenant\'s endpoint once there is one', () => {
    expect(endpoint('0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b')).toBe('https://login.microsoftonline.com/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b/oauth2/v2.0/token');
  });
});
