import { EXCHANGE_ONLINE_APP_ID, type PlannedOperation } from '../../../shared/contract/automation';
import { appDisplayName, assignmentName, scopeName, type SetupOptions } from './context';
import type { Discovery } from './discovery';

/**
 * The what-if: each step as create / reuse / change / skip, with the exact Graph call or
 * Exchange cmdlet it runs (ids the run will only know later are written <…>). No secret: the
 * secret's call shows only its end date.
 */
export function buildPlan(o: SetupOptions, d: Discovery, secretUsable: boolean, now = new Date()): PlannedOperation[] {
  const days = o.secretDays ?? 180;
  const end = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const appId = d.app?.appId ?? '<appId>';
  const spId = d.servicePrincipalId ?? '<servicePrincipalId>';
  const ops: PlannedOperation[] = [];
  const add = (step: PlannedOperation['step'], exists: string | undefined | false, operation: string, action?: PlannedOperation['action']) =>
    ops.push({ step, action: action ?? (exists ? 'reuse' : 'create'), operation, ...(exists ? { existing: exists } : {}) });

  const rra = o.route === 'classic' ? `[{"resourceAppId":"${EXCHANGE_ONLINE_APP_ID}","resourceAccess":[{"id":"${d.smtpSendAsAppRoleId ?? '<SMTP.SendAsApp role id>'}","type":"Role"}]}]` : '[]';
  add('application', d.app?.id, `POST /v1.0/applications {"displayName":"${appDisplayName(o)}","signInAudience":"AzureADMyOrg","requiredResourceAccess":${rra}}`);
  add('service-principal', d.servicePrincipalId, `POST /v1.0/servicePrincipals {"appId":"${appId}"}`);
  if (o.route === 'classic') {
    add('admin-consent', d.consentAssignmentId, `POST /v1.0/servicePrincipals/${d.exchangeResourceSpId ?? '<Exchange Online SP id>'}/appRoleAssignedTo {"principalId":"${spId}","resourceId":"${d.exchangeResourceSpId ?? '<Exchange Online SP id>'}","appRoleId":"${d.smtpSendAsAppRoleId ?? '<SMTP.SendAsApp role id>'}"}`);
  }
  add('client-secret', secretUsable ? 'stored in the keychain' : undefined, `POST /v1.0/applications/${d.app?.id ?? '<application id>'}/addPassword {"passwordCredential":{"displayName":"ISE SMTP OAuth","endDateTime":"${end}"}} → keychain`);
  const exo = d.exchangeReachable ? undefined : 'skip';
  add('exchange-service-principal', d.exchangeSp ? d.exchangeSp.objectId : undefined, `New-ServicePrincipal -AppId ${appId} -ObjectId ${spId} -DisplayName '${appDisplayName(o)}'`, exo as PlannedOperation['action'] | undefined);
  if (o.route === 'classic') {
    add('mailbox-permission', d.mailboxPermission ? 'FullAccess' : undefined, `Add-MailboxPermission -Identity ${o.mailbox} -User ${spId} -AccessRights FullAccess -InheritanceType All -AutoMapping $false`, exo as PlannedOperation['action'] | undefined);
  } else {
    add('management-scope', d.managementScope ? scopeName(o.mailbox) : undefined, `New-ManagementScope -Name '${scopeName(o.mailbox)}' -RecipientRestrictionFilter "PrimarySmtpAddress -eq '${o.mailbox}'"`, exo as PlannedOperation['action'] | undefined);
    add('management-role-assignment', d.roleAssignment ? assignmentName(o.mailbox) : undefined, `New-ManagementRoleAssignment -Name '${assignmentName(o.mailbox)}' -Role 'Application SMTP.SendAsApp' -App ${appId} -CustomResourceScope '${scopeName(o.mailbox)}'`, exo as PlannedOperation['action'] | undefined);
  }
  const smtpOff = d.mailboxSmtpAuthDisabled === true;
  ops.push({
    step: 'smtp-auth',
    action: !d.exchangeReachable ? 'skip' : smtpOff && o.enableMailboxSmtpAuth !== false ? 'change' : 'skip',
    operation: `Set-CASMailbox -Identity ${o.mailbox} -SmtpClientAuthenticationDisabled $false`,
    ...(smtpOff ? {} : { existing: d.mailboxSmtpAuthDisabled === false ? 'enabled for the mailbox' : 'follows the organisation' }),
  });
  return ops;
}
