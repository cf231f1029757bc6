import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { Suspense, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentProfile } from '../profiles/currentProfile';
import { StepLinksProvider, type StepLinks } from '../components/stepLinks';
import { PracticeBanner } from '../wizard/PracticeBanner';
import type { Wizard } from '../wizard/step';
import type { AppInfoState } from './useAppInfo';
import { AutomationEntry } from '../automation/AutomationEntry';
import { FirstStart } from './FirstStart';
import type { ScreenId } from './routes';
import { isWizardScreen } from './routes';
import { preloadSideScreens, SIDE_SCREEN_COMPONENTS, STEP_SCREENS, type Navigate } from './screenRegistry';
import { StepNav } from './StepNav';
import { Welcome } from './Welcome';

const useStyles = makeStyles({
  root: { display: 'flex', gap: tokens.spacingHorizontalXXL, alignItems: 'flex-start' },
  content: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/**
 * Runs `onShown` once its Suspense boundary shows the screen: effects run only when the whole
 * boundary commits, so a lazily loaded screen's heading is on the page by then.
 */
function FocusHeading({ screen, onShown }: { screen: ScreenId; onShown: (screen: ScreenId) => void }) {
  useEffect(() => onShown(screen), [screen, onShown]);
  return null;
}

/** The router's view: the step list beside the current screen, the practice banner above it. */
export function Screens({ screen, navigate, store, appInfo }: { screen: ScreenId; navigate: Navigate; store: CurrentProfile; appInfo: AppInfoState }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const contentRef = useRef<HTMLDivElement>(null);
  const shownScreen = useRef<ScreenId | null>(null);

  // Moving to another screen puts focus on its heading, so keyboard and screen reader users start there
  // (not at start-up: the page opens at its top). FocusHeading calls it once the screen, maybe a chunk
  // still loading, is on the page.
  const focusHeading = useCallback((shown: ScreenId) => {
    const previous = shownScreen.current;
    shownScreen.current = shown;
    if (previous !== null && previous !== shown) contentRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, []);

  // Findings link to the step that fixes them (components/stepLinks.tsx).
  const stepLinks = useMemo<StepLinks>(() => ({ current: isWizardScreen(screen) ? screen : null, go: (s) => navigate(s) }), [screen, navigate]);

  // Once the first screen is drawn, fetch the side screens' chunks while the browser is idle.
  const loading = store.loading;
  useEffect(() => {
    if (loading) return;
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(preloadSideScreens, 200);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(preloadSideScreens, { timeout: 1000 });
    return () => cancelIdleCallback(idle);
  }, [loading]);

  if (store.loading) return <Spinner label={t('wizard.loading')} />;
  // Opening a profile from the welcome or the profiles screen goes on to its first step.
  const openHere: CurrentProfile['openProfile'] = async (profileId, opts) => {
    const opened = await store.openProfile(profileId, opts);
    if (opened && (screen === 'start' || screen === 'profiles')) navigate('mailbox', { visit: false });
    return opened;
  };
  const practiceAvailable = appInfo.state === 'ready' && appInfo.info.practice;
  const wizard = (step: Wizard['screen']): Wizard => ({ ...store, screen: step, go: (s) => navigate(s), openStart: () => navigate('start') });
  let body: ReactNode;
  if (screen === 'start') {
    body = (
      <Welcome appInfo={appInfo}>
        <FirstStart store={store} navigate={navigate} practiceAvailable={practiceAvailable} />
        <AutomationEntry onOpen={() => navigate('automation')} />
      </Welcome>
    );
  } else if (isWizardScreen(screen)) {
    const Step = STEP_SCREENS[screen];
    // Keyed by profile: another profile's values must not linger in a form.
    body = <Step key={`${screen}-${store.profile?.id ?? 'new'}-${store.generation}`} wizard={wizard(screen)} />;
  } else {
    const Side = SIDE_SCREEN_COMPONENTS[screen];
    body = Side ? <Side store={store} navigate={navigate} practiceAvailable={practiceAvailable} /> : null;
  }
  return (
    <div className={styles.root}>
      <StepNav screen={screen} statusOf={store.statusOf} onGo={(s) => navigate(s)} />
      <StepLinksProvider value={stepLinks}>
      <div className={styles.content} ref={contentRef}>
        {store.profile?.practice && <PracticeBanner wizard={{ markResultsStale: store.markResultsStale, openProfile: openHere }} />}
        <Suspense fallback={<Spinner label={t('wizard.loading')} />}>
          <FocusHeading screen={screen} onShown={focusHeading} />
          {body}
        </Suspense>
      </div>
      </StepLinksProvider>
    </div>
  );
}
