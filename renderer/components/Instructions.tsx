import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { Trans } from 'react-i18next';
import { ExternalLink } from './ExternalLink';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace, backgroundColor: tokens.colorNeutralBackground3, padding: `0 ${tokens.spacingHorizontalXXS}` },
});

/** The portal pages the instructions link to (opened outside the wizard). */
export const PORTAL_LINKS = {
  activeUsers: 'https://admin.cloud.microsoft/?#/users',
  appRegistrations: 'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
  enterpriseApps: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview',
  securityDefaults: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/TenantOverview.ReactView',
  smtpAuthDocs: 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
  oauthSmtpDocs: 'https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
  appRbacDocs: 'https://learn.microsoft.com/exchange/permissions-exo/application-rbac',
  exoPowerShellDocs: 'https://learn.microsoft.com/powershell/exchange/connect-to-exchange-online-powershell',
  iseGuide: 'https://www.cisco.com/c/en/us/support/security/identity-services-engine/products-installation-and-configuration-guides-list.html',
} as const;
export type PortalLink = keyof typeof PORTAL_LINKS;

/**
 * Numbered instructions from i18n keys. A text may hold `<lnk>…</lnk>` (the step's portal
 * page, given per item) and `<code>…</code>` (a command or menu path kept verbatim).
 */
export function Instructions({ items, testId }: { items: { key: string; link?: PortalLink; values?: Record<string, string> }[]; testId?: string }) {
  const styles = useStyles();
  return (
    <ol className={styles.list} data-testid={testId}>
      {items.map((item) => {
        const components: Record<string, ReactElement> = { code: <code className={styles.code} /> };
        if (item.link) components.lnk = <ExternalLink href={PORTAL_LINKS[item.link]} />;
        return (
          <li key={item.key}>
            <Trans i18nKey={item.key} components={components} values={item.values ?? {}} />
          </li>
        );
      })}
    </ol>
  );
}
