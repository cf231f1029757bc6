import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useRef, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WizardScreen } from '../../shared/steps';
import type { AppInfoState } from '../shell/useAppInfo';
import type { ShellScreen } from './screens';
import { Welcome } from '../shell/Welcome';
import { FirstStart } from './FirstStart';
import { AutomationEntry } from '../automation/AutomationEntry';
import { PracticeBanner } from './PracticeBanner';
import { StepNav } from './StepNav';
import type { Wizard as WizardState } from './useWizard';

const useStyles = makeStyles({
  root: { display: 'flex', gap: tokens.spacingHorizontalXXL, alignItems: 'flex-start' },
  content: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

// The welcome screen needs none of these: each screen is its own chunk, fetched when first opened.
const ProfilesScreen = lazy(() => import('../profiles/ProfilesScreen').then((m) => ({ default: m.ProfilesScreen })));
const AutomationScreen = lazy(() => import('../automation/AutomationScreen').then((m) => ({ default: m.AutomationScreen })));
const TroubleshootScreen = lazy(() => import('../troubleshoot/TroubleshootScreen').then((m) => ({ default: m.TroubleshootScreen })));
const MailboxStep = lazy(() => import('./steps/MailboxStep').then((m) => ({ default: m.MailboxStep })));
const AppRegistrationStep = lazy(() => import('./steps/AppRegistrationStep').then((m) => ({ default: m.AppRegistrationStep })));
const ServicePrincipalStep = lazy(() => import('./steps/ServicePrincipalStep').then((m) => ({ default: m.ServicePrincipalStep })));
const IseStep = lazy(() => import('./steps/IseStep').then((m) => ({ default: m.IseStep })));
const VerifyStep = lazy(() => import('./steps/VerifyStep').then((m) => ({ default: m.VerifyStep })));

const STEP_SCREENS: Record<WizardScreen, ComponentType<{ wizard: WizardState }>> = {
  mailbox: MailboxStep,
  'app-registration': AppRegistrationStep,
  'service-principal': ServicePrincipalStep,
  ise: IseStep,
  verify: VerifyStep,
};

/**
 * Runs `onShown` once its Suspense boundary shows the screen: effects run only when the whole
 * boundary commits, so a lazily loaded screen's heading is on the page by then.
 */
function FocusHeading({ screen, onShown }: { screen: ShellScreen; onShown: (screen: ShellScreen) => void }) {
  useEffect(() => onShown(screen), [screen, onShown]);
  return null;
}

/** The wizard's body: the step list beside the current screen, the practice banner above it. */
export function Wizard({ wizard, appInfo }: { wizard: WizardState; appInfo: AppInfoState }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const contentRef = useRef<HTMLDivElement>(null);
  const shownScreen = useRef<ShellScreen | null>(null);
  const { screen } = wizard;

  // Moving to another screen puts focus on its heading, so keyboard and screen reader users start there
  // (not at start-up: the page opens at its top). FocusHeading calls it once the screen, maybe a chunk
  // still loading, is on the page.
  const focusHeading = useCallback((shown: ShellScreen) => {
    const previous = shownScreen.current;
    shownScreen.current = shown;
    if (previous !== null && previous !== shown) contentRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, []);

  if (wizard.loading) return <Spinner label={t('wizard.loading')} />;
  const practiceAvailable = appInfo.state === 'ready' && appInfo.info.practice;
  let body: ReactNode;
  if (screen === 'start') {
    body = (
      <Welcome appInfo={appInfo}>
        <FirstStart wizard={wizard} practiceAvailable={practiceAvailable} />
        <AutomationEntry onOpen={() => wizard.go('automation')} />
      </Welcome>
    );
  } else if (screen === 'profiles') {
    body = <ProfilesScreen currentProfileId={wizard.profile?.id ?? null} onOpen={(id) => void wizard.openProfile(id)} />;
  } else if (screen === 'automation') {
    body = <AutomationScreen practiceAvailable={practiceAvailable} onOpenProfile={(id) => void wizard.openProfile(id)} />;
  } else if (screen === 'troubleshoot') {
    body = <TroubleshootScreen />;
  } else {
    const Step = STEP_SCREENS[screen];
    // Keyed by profile: another profile's values must not linger in a form.
    body = <Step key={`${screen}-${wizard.profile?.id ?? 'new'}-${wizard.generation}`} wizard={wizard} />;
  }
  return (
    <div className={styles.root}>
      <StepNav screen={screen} statusOf={wizard.statusOf} onGo={wizard.go} />
      <div className={styles.content} ref={contentRef}>
        {wizard.profile?.practice && <PracticeBanner wizard={wizard} />}
        <Suspense fallback={<Spinner label={t('wizard.loading')} />}>
          <FocusHeading screen={screen} onShown={focusHeading} />
          {body}
        </Suspense>
      </div>
    </div>
  );
}
