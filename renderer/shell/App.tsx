import { Button, FluentProvider, makeStyles, Subtitle1, Toaster, tokens, webLightTheme } from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ExpiryWarningsBar } from '../profiles/ExpiryWarningsBar';
import { useExpiryWarnings } from '../profiles/useExpiryWarnings';
import { CurrentProfileProvider, useCurrentProfile } from '../profiles/currentProfile';
import { TOASTER_ID } from '../components/toaster';
import { LanguagePicker } from './LanguagePicker';
import { goWhenLoaded } from './goWhenLoaded';
import { screenChunkLoading, type Navigate } from './screenRegistry';
import { Screens } from './Screens';
import { useAppInfo } from './useAppInfo';
import { useRouter, type Router } from './useRouter';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
    // A 640 px high laptop screen: the header gives the step its room.
    '@media (max-height: 720px)': { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}` },
  },
  tools: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
  main: { padding: tokens.spacingHorizontalXL, '@media (max-height: 720px)': { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}` } },
  warnings: { marginBottom: tokens.spacingVerticalL, ':empty': { display: 'none' } },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalS, top: tokens.spacingVerticalS, zIndex: 10, backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalS },
  },
});

/** The shell: the router and the current-profile store, for everything below. */
export function App() {
  const router = useRouter();
  const { go } = router;
  return (
    <CurrentProfileProvider onProfileGone={() => go('start')}>
      <Shell router={router} />
    </CurrentProfileProvider>
  );
}

/** Header (product name, Troubleshoot from every screen, language), the secret-expiry warnings, then the screen. */
function Shell({ router }: { router: Router }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const appInfo = useAppInfo();
  const store = useCurrentProfile();
  const expiry = useExpiryWarnings(store.revision);
  const { screen, go } = router;
  const { markVisited } = store;
  const goLoaded = useMemo(() => goWhenLoaded(go, screenChunkLoading), [go]);
  // A move the engineer chose marks the screen as visited for the current profile ("in progress").
  const navigate: Navigate = useCallback(
    (next, opts = {}) => {
      if (opts.visit !== false) markVisited(next);
      goLoaded(next);
    },
    [goLoaded, markVisited],
  );
  return (
    <FluentProvider theme={webLightTheme}>
      <a className={styles.skip} href="#main">
        {t('app.skipToContent')}
      </a>
      <header className={styles.header}>
        <Subtitle1 as="p">{t('app.title')}</Subtitle1>
        <div className={styles.tools}>
          <Button onClick={() => navigate('troubleshoot')} data-testid="open-troubleshoot" aria-pressed={screen === 'troubleshoot'}>
            {t('wizard.nav.troubleshoot')}
          </Button>
          <LanguagePicker />
        </div>
      </header>
      <main className={styles.main} id="main" tabIndex={-1}>
        {/* The profiles screen shows the same bar for its live list. */}
        {screen !== 'profiles' && (
          <div className={styles.warnings}>
            <ExpiryWarningsBar warnings={expiry.warnings} />
          </div>
        )}
        <Screens screen={screen} navigate={navigate} store={store} appInfo={appInfo} />
      </main>
      <Toaster toasterId={TOASTER_ID} position="top-end" />
    </FluentProvider>
  );
}
