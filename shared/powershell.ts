import type { Route } from './diagnostic-report';

/**
 * The Exchange Online PowerShell for a profile's route (DESIGN §2, part 3). Every value goes
 * into one single-quoted variable at the top, so quoting is done in one place; the commands
 * below only use those variables.
 */
export interface PowerShellInput {
  route: Route;
  tenantId: string;
  clientId: string;
  mailbox: string;
  servicePrincipalObjectId?: string | undefined;
  /** For the heading comment only. */
  profileName?: string | undefined;
}

/**
 * A PowerShell single-quoted string literal. PowerShell also treats the typographic quotes
 * ‘ ’ ‚ ‛ as single quotes, so each of them is doubled too, or a value such as o’brien could
 * end the string early and run the rest as code.
 */
export function psQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}

/** Text safe inside a `#` comment: no line breaks of any kind (they would end the comment). */
function psComment(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}

/** An OPATH filter value: a single quote inside it is doubled (Exchange's filter syntax). */
function opathQuote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const SP_OBJECT_ID_GUARD = [
  'if (-not $ServicePrincipalObjectId) {',
  "  throw 'Set $ServicePrincipalObjectId to the Enterprise Application object ID (Entra admin center > Enterprise applications), not the App Registration object ID.'",
  '}',
];

/** The script for the route, CRLF line ends (it is opened on Windows). */
export function powerShellScript(input: PowerShellInput): string {
  const head = [
    `# ISE SMTP OAuth: Exchange Online setup (${input.route === 'classic' ? 'classic route: mailbox FullAccess' : 'App RBAC route: least privilege'})`,
    ...(input.profileName ? [`# Profile: ${psComment(input.profileName)}`] : []),
    '# Exchange caches permissions: changes can take 30 minutes to 2 hours to apply.',
    '',
    `$TenantId = ${psQuote(input.tenantId)}`,
    `$ClientId = ${psQuote(input.clientId)}`,
    `$Mailbox = ${psQuote(input.mailbox)}`,
    `$ServicePrincipalObjectId = ${psQuote(input.servicePrincipalObjectId ?? '')}`,
    ...SP_OBJECT_ID_GUARD,
    '',
    'Install-Module -Name ExchangeOnlineManagement',
    'Import-Module ExchangeOnlineManagement',
    'Connect-ExchangeOnline -Organization $TenantId',
    '',
    '# The ObjectId is the Enterprise Application object ID (the token\'s oid claim).',
    'New-ServicePrincipal -AppId $ClientId -ObjectId $ServicePrincipalObjectId',
    'Get-ServicePrincipal | fl',
  ];
  const body =
    input.route === 'classic'
      ? [
          '',
          'Add-MailboxPermission -Identity $Mailbox -User $ServicePrincipalObjectId -AccessRights FullAccess',
          '# Allow authenticated SMTP for the mailbox (Security Defaults can still block it tenant-wide).',
          'Set-CASMailbox -Identity $Mailbox -SmtpClientAuthenticationDisabled $false',
        ]
      : [
          '',
          '# App RBAC: no mailbox FullAccess, and no SMTP.SendAsApp permission in Entra.',
          `$ScopeName = ${psQuote(`ISE SMTP ${input.mailbox}`.slice(0, 64))}`,
          `$RecipientFilter = ${psQuote(`PrimarySmtpAddress -eq ${opathQuote(input.mailbox)}`)}`,
          'New-ManagementScope -Name $ScopeName -RecipientRestrictionFilter $RecipientFilter',
          'New-ManagementRoleAssignment -Role "Application SMTP.SendAsApp" -App $ClientId -CustomResourceScope $ScopeName',
          'Set-CASMailbox -Identity $Mailbox -SmtpClientAuthenticationDisabled $false',
        ];
  return [...head, ...body, ''].join('\r\n');
}
