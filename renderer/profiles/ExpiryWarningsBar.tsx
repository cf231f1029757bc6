import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ExpiryWarning } from './expiryWarnings';
import { expiryWarningText } from './useExpiryWarnings';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: '1.25em' } });

/**
 * One MessageBar for the secrets that need attention: an error bar when any is within 7 days
 * or expired, a warning bar when all are within 30. Renders nothing when none warns.
 */
export function ExpiryWarningsBar({ warnings }: { warnings: readonly ExpiryWarning[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (warnings.length === 0) return null;
  const urgent = warnings.some((w) => w.level !== 'warn30');
  return (
    <MessageBar intent={urgent ? 'error' : 'warning'} layout="multiline" data-testid="expiry-warnings">
      <MessageBarBody>
        <MessageBarTitle>{t(urgent ? 'profiles.expiry.barTitleUrgent' : 'profiles.expiry.barTitle')}</MessageBarTitle>
        {t('profiles.expiry.barHint')}
        <ul className={styles.list}>
          {warnings.map((w) => (
            <li key={w.profileId}>{expiryWarningText(t, w)}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
