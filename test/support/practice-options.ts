import type { DiagnoseOptions } from '../../electron/core/diagnostics';
import type { PracticeTenant } from '../../electron/practice';

/** The diagnosis options a trainee types for the practice tenant's current scenario. */
export function practiceOptions(tenant: PracticeTenant, extra: Partial<DiagnoseOptions> = {}): DiagnoseOptions {
  const c = tenant.credentials();
  return {
    tenantId: c.tenantId,
    clientId: c.clientId,
    mailbox: c.mailbox,
    clientSecret: c.clientSecret,
    authorityHost: tenant.authorityHost,
    smtpHost: tenant.smtpHost,
    smtpPort: tenant.smtpPort,
    caFile: tenant.caFile,
    ...extra,
  };
}
