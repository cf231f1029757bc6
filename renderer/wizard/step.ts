import type { WizardScreen } from '../../shared/steps';
import type { CurrentProfile } from '../profiles/currentProfile';

/**
 * What a wizard step is given: the current-profile store and how to move between steps. The
 * shell builds it (shell/Screens.tsx); steps never reach into the shell themselves.
 *
 * How to add a wizard step: add its id to WIZARD_SCREENS (shared/steps.ts), declare which
 * checks prove it in shared/checks.ts, write its component in wizard/steps/ taking
 * `{ wizard: Wizard }`, list it in shell/screenRegistry.ts, and add its texts
 * (`app.steps.<id>`, `wizard.<id>`) in renderer/i18n/sources.
 */
export type Wizard = CurrentProfile & {
  screen: WizardScreen;
  go(screen: WizardScreen): void;
  /** Back to the first screen, to start a profile for another site (Verify's hand-off). */
  openStart?(): void;
};
