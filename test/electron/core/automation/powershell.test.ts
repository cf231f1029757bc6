import { describe, expect, it } from 'vitest';
import { exchangeFallbackScript } from '../../../../electron/core/automation/powershell';
import { scopeCovers } from '../../../../electron/practice/directory/project';

const v = { tenantId: 't-1', appId: 'a-1', servicePrincipalId: 'sp-1', displayName: "O'Brien app", mailbox: 'm@x.com', scopeName: 'S', assignmentName: 'A', enableSmtpAuth: false };

describe('PowerShell fallback', () => {
  it('classic: New-ServicePrincipal with the Enterprise Application ObjectId, then FullAccess', () => {
    const s = exchangeFallbackScript({ ...v, route: 'classic' });
    expect(s).toContain("New-ServicePrincipal -AppId 'a-1' -ObjectId 'sp-1' -DisplayName 'O''Brien app'");
    expect(s).toContain("Add-MailboxPermission -Identity 'm@x.com' -User 'sp-1' -AccessRights FullAccess");
    expect(s).not.toContain('New-ManagementRoleAssignment');
    expect(s).not.toContain('Set-CASMailbox');
  });
  it('app-rbac: scope + role assignment, no FullAccess; SMTP AUTH only when asked', () => {
    const s = exchangeFallbackScript({ ...v, route: 'app-rbac', enableSmtpAuth: true });
    expect(s).toContain("New-ManagementScope -Name 'S' -RecipientRestrictionFilter 'PrimarySmtpAddress -eq ''m@x.com'''");
    expect(s).toContain("-Role 'Application SMTP.SendAsApp' -App 'a-1' -CustomResourceScope 'S'");
    expect(s).not.toContain('Add-MailboxPermission');
    expect(s).toContain('Set-CASMailbox');
  });
});

describe('practice management scope filter', () => {
  it('covers the mailbox it names, and only that', () => {
    expect(scopeCovers("PrimarySmtpAddress -eq 'm@x.com'", 'm@x.com')).toBe(true);
    expect(scopeCovers("PrimarySmtpAddress -eq 'other@x.com'", 'm@x.com')).toBe(false);
    expect(scopeCovers(undefined, 'm@x.com')).toBe(false);
  });
});
