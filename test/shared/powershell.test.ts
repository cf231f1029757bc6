import { describe, expect, it } from 'vitest';
import { powerShellScript, psQuote } from '../../shared/powershell';
import { CLIENT, MAILBOX, SP_OID, TENANT } from '../support/profile-fixtures';

const base = { tenantId: TENANT, clientId: CLIENT, mailbox: MAILBOX, servicePrincipalObjectId: SP_OID };

describe('psQuote', () => {
  it('doubles every kind of single quote PowerShell recognises', () => {
    expect(psQuote("o'brien")).toBe("'o''brien'");
    expect(psQuote('o\u2019brien')).toBe("'o\u2019\u2019brien'");
    expect(psQuote('$(Remove-Item C:\\) `n "x"')).toBe("'$(Remove-Item C:\\) `n \"x\"'");
  });
});

describe('powerShellScript', () => {
  it('classic route: module, connect, service principal, FullAccess, SMTP AUTH on', () => {
    const ps = powerShellScript({ ...base, route: 'classic' });
    const lines = ps.split('\r\n');
    expect(lines).toContain(`$TenantId = '${TENANT}'`);
    expect(lines).toContain(`$ServicePrincipalObjectId = '${SP_OID}'`);
    const order = [
      'Install-Module -Name ExchangeOnlineManagement',
      'Import-Module ExchangeOnlineManagement',
      'Connect-ExchangeOnline -Organization $TenantId',
      'New-ServicePrincipal -AppId $ClientId -ObjectId $ServicePrincipalObjectId',
      'Get-ServicePrincipal | fl',
      'Add-MailboxPermission -Identity $Mailbox -User $ServicePrincipalObjectId -AccessRights FullAccess',
      'Set-CASMailbox -Identity $Mailbox -SmtpClientAuthenticationDisabled $false',
    ].map((l) => lines.indexOf(l));
    expect(order.every((i, n) => i >= 0 && (n === 0 || i > order[n - 1]!))).toBe(true);
    expect(ps).not.toContain('New-ManagementScope');
    expect(ps.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('app-rbac route: management scope on the mailbox and the SendAsApp role, no FullAccess', () => {
    const ps = powerShellScript({ ...base, route: 'app-rbac' });
    expect(ps).toContain(`$RecipientFilter = 'PrimarySmtpAddress -eq ''${MAILBOX}'''`);
    expect(ps).toContain('New-ManagementScope -Name $ScopeName -RecipientRestrictionFilter $RecipientFilter');
    expect(ps).toContain('New-ManagementRoleAssignment -Role "Application SMTP.SendAsApp" -App $ClientId -CustomResourceScope $ScopeName');
    expect(ps).toContain('New-ServicePrincipal -AppId $ClientId -ObjectId $ServicePrincipalObjectId');
    expect(ps).not.toContain('Add-MailboxPermission');
  });

  it('quotes an apostrophe in the mailbox for both PowerShell and the OPATH filter', () => {
    const ps = powerShellScript({ ...base, mailbox: "o'brien@contoso.com", route: 'app-rbac' });
    expect(ps).toContain("$Mailbox = 'o''brien@contoso.com'");
    // OPATH value 'o''brien@contoso.com', then each quote doubled again inside the PowerShell literal.
    expect(ps).toContain("$RecipientFilter = 'PrimarySmtpAddress -eq ''o''''brien@contoso.com'''");
  });

  it('a profile name cannot break out of its comment line', () => {
    const ps = powerShellScript({ ...base, route: 'classic', profileName: 'x\r\nRemove-Item -Recurse C:\\\u2028y' });
    expect(ps.split('\r\n').filter((l) => l.includes('Remove-Item'))).toEqual(['# Profile: x Remove-Item -Recurse C:\\ y']);
  });

  it('without a service principal object ID the script stops with the fix before changing anything', () => {
    const ps = powerShellScript({ ...base, servicePrincipalObjectId: undefined, route: 'classic' });
    expect(ps).toContain("$ServicePrincipalObjectId = ''");
    expect(ps.indexOf('throw')).toBeLessThan(ps.indexOf('Install-Module'));
    expect(ps).toMatch(/Enterprise Application object ID/);
  });
});
