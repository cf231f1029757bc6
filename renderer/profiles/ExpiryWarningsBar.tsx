import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shownWarnings, type ExpiryWarning } from './expiryWarnings';
import { expiryWarningText } from './useExpiryWarnings';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: '1.25em' }, toggle: { paddingInline: 0, minWidth: 0 } });

/**
 * One MessageBar for the secrets that need attention: an error bar when any is within 7 days
 * or expired, a warning bar when all are within 30. Renders nothing when none warns. Many
 * warnings are summed up in one line with the most urgent few listed and "Show all" for the rest.
 */
export const ExpiryWarningsBar = memo(function ExpiryWarningsBar({ warnings }: { warnings: readonly ExpiryWarning[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [expanded, setExpanded] = useState(false);
  if (warnings.length === 0) return null;
  const urgent = warnings.some((w) => w.level !== 'warn30');
  const { shown, hidden } = shownWarnings(warnings, expanded);
  const folds = hidden > 0 || expanded;
  return (
    <MessageBar intent={urgent ? 'error' : 'warning'} layout="multiline" data-testid="expiry-warnings">
      <MessageBarBody>
        <MessageBarTitle>{t(urgent ? 'profiles.expiry.barTitleUrgent' : 'profiles.expiry.barTitle')}</MessageBarTitle>
        {t('profiles.expiry.barHint')}
        {folds && <div data-testid="expiry-warnings-summary">{t('profilesSpeed.warnings.summary', { count: warnings.length })}</div>}
        <ul className={styles.list} data-testid="expiry-warnings-list">
          {shown.map((w) => (
            <li key={w.profileId}>{expiryWarningText(t, w)}</li>
          ))}
        </ul>
        {folds && (
          <Button appearance="transparent" size="small" className={styles.toggle} aria-expanded={expanded} onClick={() => setExpanded((e) => !e)} data-testid="expiry-warnings-toggle">
            {expanded ? t('profilesSpeed.warnings.showFewer') : t('profilesSpeed.warnings.showAll', { count: warnings.length })}
          </Button>
        )}
      </MessageBarBody>
    </MessageBar>
  );
});
