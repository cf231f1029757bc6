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
 * The side screens that exist. A screen id without an entry (e.g. `automation` before its
 * screen is written) has no way in: the header and step list offer only registered screens.
 */
export const SIDE_SCREEN_COMPONENTS: Partial<Record<SideScreen, Lazy<SideScreenProps>>> = {
  profiles: lazy(() =>
    import('../profiles/ProfilesScreen').then((m) => ({
      default: ({ store, navigate }: SideScreenProps) => (
        <m.ProfilesScreen
          currentProfileId={store.profile?.id ?? null}
          onOpen={(id) => void store.openProfile(id).then((opened) => opened && navigate('mailbox', { visit: false }))}
          onChanged={store.profilesChanged}
        />
      ),
    })),
  ),
  troubleshoot: lazy(() => import('../troubleshoot/TroubleshootScreen').then((m) => ({ default: () => <m.TroubleshootScreen /> }))),
};
