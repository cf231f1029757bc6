import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  ENTRA_ROLE_TEMPLATE_IDS,
  EXCHANGE_ONLINE_APP_ID,
  MICROSOFT_GRAPH_APP_ID,
  type AutomationFault,
  type EntraRoleName,
} from '../../../shared/contract/automation';
import { PRACTICE_IDS } from '../tenant-state';

/**
 * The practice tenant's directory as Microsoft Graph and Exchange Online's admin API see it:
 * applications, service principals, app role assignments (consent), Exchange service
 * principals, mailbox permissions, management scopes and role assignments. The automated setup
 * changes it through the Graph and InvokeCommand emulators; `project.ts` turns it into the
 * PracticeTenantState the token endpoint and the SMTP emulator decide from, so what the setup
 * creates really works there.
 *
 * Kept in `<dataDir>/practice/directory.json` so a later process (the `diagnose` after a
 * `setup --practice`) sees the same tenant. Practice values only, and never a secret: a
 * password credential is kept as its SHA-256, the way a real directory keeps only a hash.
 */

export interface DirPasswordCredential {
  keyId: string;
  displayName: string | null;
  startDateTime: string;
  endDateTime: string;
  hint: string;
  secretSha256: string;
}

export interface DirApplication {
  id: string;
  appId: string;
  displayName: string;
  signInAudience: string;
  createdDateTime: string;
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
  passwordCredentials: DirPasswordCredential[];
  /** Epoch ms: before it, reads answer 404 (directory replication, fault 'replication-delay'). */
  visibleAt: number;
}

export interface DirAppRole {
  id: string;
  value: string;
  displayName: string;
  description: string;
  allowedMemberTypes: string[];
  isEnabled: boolean;
  origin: string;
}

export interface DirServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  servicePrincipalType: 'Application';
  appOwnerOrganizationId: string;
  appRoles: DirAppRole[];
  createdDateTime: string;
  visibleAt: number;
}

export interface DirAppRoleAssignment {
  id: string;
  appRoleId: string;
  principalId: string;
  principalDisplayName: string;
  principalType: 'ServicePrincipal';
  resourceId: string;
  resourceDisplayName: string;
  createdDateTime: string;
}

export interface ExoServicePrincipal {
  appId: string;
  objectId: string;
  displayName: string;
  /** Exchange's own identity (a GUID distinct from both ids). */
  identity: string;
}

export interface ExoMailboxPermission {
  mailbox: string;
  /** The service principal's ObjectId (Exchange resolves the User parameter to it). */
  user: string;
  accessRights: string[];
}

export interface ExoManagementScope {
  name: string;
  recipientRestrictionFilter: string;
  identity: string;
}

export interface ExoRoleAssignment {
  name: string;
  role: string;
  app: string;
  customResourceScope: string;
  identity: string;
  /** Under 'replication-delay': when Test-ServicePrincipalAuthorization starts to see it (RBAC replication). */
  visibleAt?: number;
}

export interface PracticeAdmin {
  upn: string;
  objectId: string;
  displayName: string;
  entraRoles: EntraRoleName[];
}

export interface DirectoryData {
  version: 1;
  exchangeResourceSpId: string;
  /** Per tenant, random: nothing may hard-code it (automation-apis.md B.1). */
  smtpSendAsAppRoleId: string;
  graphResourceSpId: string;
  applications: DirApplication[];
  servicePrincipals: DirServicePrincipal[];
  appRoleAssignments: DirAppRoleAssignment[];
  exchange: {
    servicePrincipals: ExoServicePrincipal[];
    mailboxPermissions: ExoMailboxPermission[];
    managementScopes: ExoManagementScope[];
    roleAssignments: ExoRoleAssignment[];
    /** Set-CASMailbox on the practice mailbox; undefined: never set (the scenario decides). */
    casSmtpAuthDisabled?: boolean | null;
  };
}

export const PRACTICE_ADMIN_UPN = `admin@${PRACTICE_IDS.tenantDomain}`;
export const PRACTICE_ADMIN_OBJECT_ID = '0c4f7a2e-9b1d-4e6f-8a3c-5d2e7f9b1a46';
/**
 * The practice tenant's own sign-in client (a public client, "Allow public client flows" on):
 * the default sign-in client id of `setup --practice`. Any other id is AADSTS700016 there.
 */
export const PRACTICE_SIGN_IN_CLIENT_ID = '4a7d1e93-6c2b-4f85-9e0a-b3d5c7f19e28';

/** Exchange Online's application permissions as its SP lists them (ids other than SMTP.SendAsApp's: documented or widely published). */
function exchangeAppRoles(smtpRoleId: string): DirAppRole[] {
  const role = (id: string, value: string, displayName: string): DirAppRole => ({
    id,
    value,
    displayName,
    description: displayName,
    allowedMemberTypes: ['Application'],
    isEnabled: true,
    origin: 'Application',
  });
  return [
    role('dc50a0fb-09a3-484d-be87-e023b12c6440', 'Exchange.ManageAsApp', 'Manage Exchange As Application'),
    role(smtpRoleId, 'SMTP.SendAsApp', 'Send emails from mailboxes using SMTP AUTH'),
    // A look-alike delegated-only entry, so a client that ignores allowedMemberTypes picks wrong.
    { ...role(randomUUID(), 'SMTP.SendAsApp', 'SMTP.SendAsApp (user)'), allowedMemberTypes: ['User'] },
    role(randomUUID(), 'full_access_as_app', 'Use Exchange Web Services with full access to all mailboxes'),
  ];
}

export function emptyDirectory(): DirectoryData {
  const smtpSendAsAppRoleId = randomUUID();
  const now = new Date().toISOString();
  const exchangeResourceSpId = randomUUID();
  const graphResourceSpId = randomUUID();
  const microsoft = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a'; // Microsoft Services' tenant (publicly known)
  return {
    version: 1,
    exchangeResourceSpId,
    smtpSendAsAppRoleId,
    graphResourceSpId,
    applications: [],
    servicePrincipals: [
      { id: exchangeResourceSpId, appId: EXCHANGE_ONLINE_APP_ID, displayName: 'Office 365 Exchange Online', servicePrincipalType: 'Application', appOwnerOrganizationId: microsoft, appRoles: exchangeAppRoles(smtpSendAsAppRoleId), createdDateTime: now, visibleAt: 0 },
      { id: graphResourceSpId, appId: MICROSOFT_GRAPH_APP_ID, displayName: 'Microsoft Graph', servicePrincipalType: 'Application', appOwnerOrganizationId: microsoft, appRoles: [], createdDateTime: now, visibleAt: 0 },
    ],
    appRoleAssignments: [],
    exchange: { servicePrincipals: [], mailboxPermissions: [], managementScopes: [], roleAssignments: [] },
  };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The directory, its faults and the admin who signs in. One per practice tenant. */
export class PracticeDirectory {
  data: DirectoryData;
  faults = new Set<AutomationFault>();
  /** Calls seen per fault counter (throttling answers the first N). */
  private readonly counters = new Map<string, number>();
  /** Delay before a new object becomes visible under 'replication-delay'. */
  replicationDelayMs = 1200;

  private stamp = '';

  constructor(private readonly file?: string) {
    this.data = file ? load(file) : emptyDirectory();
    if (file) this.stamp = fileStamp(file);
  }

  /** The admin as the faults make them: by default Cloud Application Administrator + Exchange Administrator. */
  get admin(): PracticeAdmin {
    let roles: EntraRoleName[] = ['Cloud Application Administrator', 'Exchange Administrator'];
    if (this.faults.has('admin-no-entra-role')) roles = ['Exchange Administrator'];
    if (this.faults.has('admin-app-developer-only')) roles = ['Application Developer', 'Exchange Administrator'];
    if (this.faults.has('admin-no-exchange-role')) roles = roles.filter((r) => r !== 'Exchange Administrator');
    return { upn: PRACTICE_ADMIN_UPN, objectId: PRACTICE_ADMIN_OBJECT_ID, displayName: 'Practice Admin', entraRoles: roles };
  }

  adminRoleIds(): string[] {
    return this.admin.entraRoles.map((r) => ENTRA_ROLE_TEMPLATE_IDS[r]);
  }

  setFaults(faults: Iterable<AutomationFault>): void {
    this.faults = new Set(faults);
    this.counters.clear();
  }

  /** True for the first `limit` calls of `key` while `fault` is on (then the service recovers). */
  trip(fault: AutomationFault, key: string, limit: number): boolean {
    if (!this.faults.has(fault)) return false;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return n <= limit;
  }

  /** When a new object becomes readable. */
  visibleAt(now = Date.now()): number {
    return this.faults.has('replication-delay') ? now + this.replicationDelayMs : 0;
  }

  /** Writes the directory (after every change: a later process must see it). */
  save(): void {
    if (!this.file) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.data, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
    this.stamp = fileStamp(this.file);
  }

  /** Re-reads the file when another process changed it (the file's mtime and size differ from ours). */
  reload(): void {
    if (!this.file) return;
    const stamp = fileStamp(this.file);
    if (stamp === this.stamp) return;
    this.data = load(this.file);
    this.stamp = stamp;
  }

  /** Back to an empty tenant (the trainee's "reset practice tenant"). */
  reset(): void {
    this.data = emptyDirectory();
    this.save();
  }
}

function fileStamp(file: string): string {
  try {
    const st = fs.statSync(file);
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return 'absent';
  }
}

function load(file: string): DirectoryData {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as DirectoryData;
    if (parsed && parsed.version === 1 && Array.isArray(parsed.applications)) return parsed;
  } catch {
    // absent or unreadable: a fresh tenant (practice data only, nothing to recover)
  }
  return emptyDirectory();
}

/** The directory file of a data folder. */
export function directoryFile(dataDir: string): string {
  return path.join(dataDir, 'practice', 'directory.json');
}
