import type { Route } from '../../../shared/diagnostic-report';

/**
 * The Exchange half as ExchangeOnlineManagement PowerShell, with the exact values the setup
 * resolved: the fallback when InvokeCommand is refused or unreachable. The ObjectId is the
 * Enterprise Application's (the service principal id Graph returned), by construction.
 */
export interface ExchangeScriptValues {
  tenantId: string;
  appId: string;
  servicePrincipalId: string;
  displayName: string;
  mailbox: string;
  route: Route;
  scopeName: string;
  assignmentName: string;
  enableSmtpAuth: boolean;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function exchangeFallbackScript(v: ExchangeScriptValues): string {
  const lines = [
    'Install-Module -Name ExchangeOnlineManagement -Scope CurrentUser',
    'Import-Module ExchangeOnlineManagement',
    `Connect-ExchangeOnline -Organization ${q(v.tenantId)}`,
    `New-ServicePrincipal -AppId ${q(v.appId)} -ObjectId ${q(v.servicePrincipalId)} -DisplayName ${q(v.displayName)}`,
  ];
  if (v.route === 'classic') {
    lines.push(`Add-MailboxPermission -Identity ${q(v.mailbox)} -User ${q(v.servicePrincipalId)} -AccessRights FullAccess -InheritanceType All -AutoMapping $false`);
  } else {
    lines.push(
      `New-ManagementScope -Name ${q(v.scopeName)} -RecipientRestrictionFilter ${q(`PrimarySmtpAddress -eq '${v.mailbox}'`)}`,
      `New-ManagementRoleAssignment -Name ${q(v.assignmentName)} -Role 'Application SMTP.SendAsApp' -App ${q(v.appId)} -CustomResourceScope ${q(v.scopeName)}`,
      `Test-ServicePrincipalAuthorization -Identity ${q(v.appId)} -Resource ${q(v.mailbox)}`,
    );
  }
  if (v.enableSmtpAuth) lines.push(`Set-CASMailbox -Identity ${q(v.mailbox)} -SmtpClientAuthenticationDisabled $false`);
  lines.push('Disconnect-ExchangeOnline -Confirm:$false');
  return lines.join('\n');
}
