import { describe, expect, it } from 'vitest';
import { diagnoseInputFor } from '../../../../electron/core/profiles/diagnose-input';
import { ProfileSchema } from '../../../../shared/contract/profiles';
import { CLIENT, MAILBOX, SP_OID, TENANT } from '../../../support/profile-fixtures';

const profile = ProfileSchema.parse({
  id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  name: 'Contoso',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  mailbox: MAILBOX,
  tenantId: TENANT,
  clientId: CLIENT,
  route: 'app-rbac',
  servicePrincipalObjectId: SP_OID,
  secretExpiry: '2027-03-31',
  iseVersion: '',
  smtpHost: 'smtp.contoso.test',
});

describe('diagnoseInputFor', () => {
  it('maps a profile and its endpoints to the diagnosis, leaving empty values to ISE\'s defaults', () => {
    expect(diagnoseInputFor(profile, { smtpHost: 'smtp.contoso.test', practice: false })).toEqual({
      tenantId: TENANT,
      clientId: CLIENT,
      mailbox: MAILBOX,
      route: 'app-rbac',
      servicePrincipalObjectId: SP_OID,
      secretExpiry: '2027-03-31',
      smtpHost: 'smtp.contoso.test',
      practice: false,
    });
  });

  it('lets the practice tenant\'s endpoints win and never carries a secret', () => {
    const input = diagnoseInputFor(profile, { authorityHost: 'https://127.0.0.1:1', smtpHost: '127.0.0.1', smtpPort: 2525, caPem: 'PEM', practice: true });
    expect(input).toMatchObject({ authorityHost: 'https://127.0.0.1:1', smtpHost: '127.0.0.1', smtpPort: 2525, caPem: 'PEM', practice: true });
    expect(input).not.toHaveProperty('clientSecret');
  });
});
