import { describe, expect, it } from 'vitest';
import { scriptBlockers } from '../../../renderer/wizard/scriptReadiness';

const ok = { tenantId: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', clientId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', mailbox: 'no-reply@contoso.onmicrosoft.com', servicePrincipalObjectId: '' };

describe('the PowerShell is ready to run only from valid values', () => {
  it('valid values (object ID still empty: the script stops on it with its own message) block nothing', () => {
    expect(scriptBlockers(ok)).toEqual([]);
    expect(scriptBlockers({ ...ok, servicePrincipalObjectId: '99999999-8888-4777-8666-555555555555' })).toEqual([]);
  });

  it('names each invalid or missing value', () => {
    expect(scriptBlockers({ ...ok, tenantId: '0f1e2d3c-not-a-guid' })).toEqual(['tenantId']);
    expect(scriptBlockers({ tenantId: '', clientId: '', mailbox: '', servicePrincipalObjectId: '' })).toEqual(['tenantId', 'clientId', 'mailbox']);
    expect(scriptBlockers({ ...ok, mailbox: 'no-reply@', servicePrincipalObjectId: '12345' })).toEqual(['mailbox', 'servicePrincipalObjectId']);
  });
});
