import { Subtitle2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Instructions } from '../components/Instructions';

/**
 * What the ISE step must also say (issue 12): moving an ISE from Basic authentication to OAuth
 * (what changes on the SMTP Server page, what stays), and what Cisco's guide shows but the
 * sheet alone does not: the TLS/SSL toggle on 587, the guest email sender option that breaks
 * sponsored mail, guest notifications, the guide's own tests, and how to get a DEBUG guest.log.
 */
export function IseAdvice({ className }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <section className={className} aria-labelledby="basic-auth-heading" data-testid="ise-basic-auth">
        <Subtitle2 as="h2" id="basic-auth-heading">
          {t('advice.basicAuth.heading')}
        </Subtitle2>
        <Instructions items={[{ key: 'advice.basicAuth.why' }, { key: 'advice.basicAuth.changes' }, { key: 'advice.basicAuth.keeps' }, { key: 'advice.basicAuth.report' }]} />
      </section>
      <section className={className} aria-labelledby="ise-guide-heading" data-testid="ise-guide-notes">
        <Subtitle2 as="h2" id="ise-guide-heading">
          {t('advice.ise.heading')}
        </Subtitle2>
        <Instructions
          items={[
            { key: 'advice.ise.tls' },
            { key: 'advice.ise.sponsorSender' },
            { key: 'advice.ise.guestNotifications' },
            { key: 'advice.ise.testPaths' },
            { key: 'advice.ise.debugLog' },
          ]}
        />
      </section>
    </>
  );
}
