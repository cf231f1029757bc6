import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { WizardScreen } from '../../shared/steps';
import type { CurrentProfile } from '../profiles/currentProfile';
import type { Wizard } from '../wizard/step';
import type { ScreenId, SideScreen } from './routes';

/** How the shell moves on: `visit: false` for moves the engineer did not choose (after opening a profile). */
export type Navigate = (screen: ScreenId, opts?: { visit?: boolean }) => void;

/** What a side screen is given: the current-profile store and the router. */
export interface SideScreenProps {
  store: CurrentProfile;
  navigate: Navigate;
  /** Whether this app runs the built-in practice tenant (the automated setup can target it). */
  practiceAvailable: boolean;
}

type Lazy<P> = LazyExoticComponent<ComponentType<P>>;

// The welcome screen needs none of these: each screen is its own chunk, fetched when first opened.
export const STEP_SCREENS: Record<WizardScreen, Lazy<{ wizard: Wizard }>> = {
  mailbox: lazy(() => import('../wizard/steps/MailboxStep').then((m) => ({ default: m.MailboxStep }))),
  'app-registration': lazy(() => import('../wizard/steps/AppRegistrationStep').then((m) => ({ default: m.AppRegistrationStep }))),
  'service-principal': lazy(() => import('../wizard/steps/ServicePrincipalStep').then((m) => ({ default: m.ServicePrincipalStep }))),
  ise: lazy(() => import('../wizard/steps/IseStep').then((m) => ({ default: m.IseStep }))),
  verify: lazy(() => import('../wizard/steps/VerifyStep').then((m) => ({ default: m.VerifyStep }))),
};

/**
 * A screen in its own chunk that can be fetched ahead of its first use. Once the chunk is loaded
 * the screen renders straight away instead of through React.lazy: a lazy component suspends on
 * its first render even when its chunk is already there, and React then holds the Suspense
 * fallback for its 300 ms throttle: about 320 ms of the Profiles screen's first 1.2 s were that.
 */
function preloadable<M>(load: () => Promise<M>, pick: (m: M) => ComponentType<SideScreenProps>) {
  let loaded: ComponentType<SideScreenProps> | undefined;
  let pending: Promise<ComponentType<SideScreenProps>> | undefined;
  const fetchOnce = () =>
    (pending ??= load().then(
      (m) => (loaded ??= pick(m)),
      (e: unknown) => {
        pending = undefined; // a failed fetch is tried again on the next use
        throw e;
      },
    ));
  const Lazy = lazy(() => fetchOnce().then((c) => ({ default: c })));
  function Screen(props: SideScreenProps) {
    const C = loaded;
    return C ? <C {...props} /> : <Lazy {...props} />;
  }
  return { Screen, preload: () => fetchOnce().then(() => undefined), loading: () => (loaded ? null : fetchOnce()) };
}

const SIDE: Partial<Record<SideScreen, ReturnType<typeof preloadable>>> = {
  profiles: preloadable(
    () => import('../profiles/ProfilesScreen'),
    (m) =>
      function Profiles({ store, navigate }: SideScreenProps) {
        return (
          <m.ProfilesScreen
            currentProfileId={store.profile?.id ?? null}
            onOpen={(id) => void store.openProfile(id).then((opened) => opened && navigate('mailbox', { visit: false }))}
            onChanged={store.profilesChanged}
          />
        );
      },
  ),
  troubleshoot: preloadable(
    () => import('../troubleshoot/TroubleshootScreen'),
    (m) =>
      function Troubleshoot() {
        return <m.TroubleshootScreen />;
      },
  ),
  automation: preloadable(
    () => import('../automation/AutomationScreen'),
    (m) =>
      function Automation({ store, navigate, practiceAvailable }: SideScreenProps) {
        return (
          <m.AutomationScreen
            practiceAvailable={practiceAvailable}
            onOpenProfile={(id) => void store.openProfile(id).then((opened) => opened && navigate('mailbox', { visit: false }))}
          />
        );
      },
  ),
};

/**
 * Fetches and compiles the side screens' chunks ahead of the click (the shell calls it when the
 * browser is idle after the first screen is drawn). They stay out of index.html's preloads, so
 * the welcome screen's JS budget is unchanged. A failure is ignored here: the click tries again.
 */
export function preloadSideScreens(): void {
  // Profiles first and alone: on a busy machine the three screens' chunks loading side by side
  // kept the one most often opened waiting (issue 16.2).
  const rest = () => {
    for (const s of Object.values(SIDE)) s?.preload().catch(() => undefined);
  };
  void (SIDE.profiles?.preload() ?? Promise.resolve()).then(rest, rest);
}

/** Starts fetching a side screen's chunk when the pointer or focus reaches its button (a click usually follows). */
export function preloadScreen(screen: ScreenId): void {
  sideScreen(screen)?.preload().catch(() => undefined);
}

/** The load of a side screen's chunk while it is not there yet (it starts it), else null (shell/goWhenLoaded.ts). */
export function screenChunkLoading(screen: ScreenId): Promise<unknown> | null {
  return sideScreen(screen)?.loading() ?? null;
}

function sideScreen(screen: ScreenId): ReturnType<typeof preloadable> | undefined {
  return (SIDE as Partial<Record<ScreenId, ReturnType<typeof preloadable>>>)[screen];
}

/**
 * The side screens that exist. A screen id without an entry (e.g. `automation` before its
 * screen is written) has no way in: the header and step list offer only registered screens.
 */
export const SIDE_SCREEN_COMPONENTS: Partial<Record<SideScreen, ComponentType<SideScreenProps>>> = Object.fromEntries(
  Object.entries(SIDE).map(([id, s]) => [id, s.Screen]),
);
