import { Button, FluentProvider, makeStyles, Subtitle1, Toaster, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ExpiryWarningsBar } from '../profiles/ExpiryWarningsBar';
import { useExpiryWarnings } from '../profiles/useExpiryWarnings';
import { useWizard } from '../wizard/useWizard';
import { Wizard } from '../wizard/Wizard';
import { LanguagePicker } from './LanguagePicker';
import { TOASTER_ID } from './toaster';
import { useAppInfo } from './useAppInfo';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
  },
  tools: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
  main: { padding: tokens.spacingHorizontalXL },
  warnings: { marginBottom: tokens.spacingVerticalL, ':empty': { display: 'none' } },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalS, top: tokens.spacingVerticalS, zIndex: 10, backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalS },
  },
});

/** The shell: header (product name, Troubleshoot from every screen, language), the secret-expiry warnings, then the wizard. */
export function App() {
  const { t } = useTranslation();
  const styles = useStyles();
  const appInfo = useAppInfo();
  const wizard = useWizard();
  const expiry = useExpiryWarnings();
  const { refresh } = expiry;
  // Another screen may have changed a profile (a new expiry date, a deleted profile): read the list again.
  // Not on mount: the hook's first load is the one that notifies.
  const seen = useRef(false);
  useEffect(() => {
    if (seen.current) refresh();
    seen.current = true;
  }, [wizard.screen, wizard.profile?.id, refresh]);
  return (
    <FluentProvider theme={webLightTheme}>
      <a className={styles.skip} href="#main">
        {t('app.skipToContent')}
      </a>
      <header className={styles.header}>
        <Subtitle1 as="p">{t('app.title')}</Subtitle1>
        <div className={styles.tools}>
          <Button onClick={() => wizard.go('troubleshoot')} data-testid="open-troubleshoot" aria-pressed={wizard.screen === 'troubleshoot'}>
            {t('wizard.nav.troubleshoot')}
          </Button>
          <LanguagePicker />
        </div>
      </header>
      <main className={styles.main} id="main" tabIndex={-1}>
        {/* The profiles screen shows the same bar for its live list. */}
        {wizard.screen !== 'profiles' && (
          <div className={styles.warnings}>
            <ExpiryWarningsBar warnings={expiry.warnings} />
          </div>
        )}
        <Wizard wizard={wizard} appInfo={appInfo} />
      </main>
      <Toaster toasterId={TOASTER_ID} position="top-end" />
    </FluentProvider>
  );
}
