import { WIZARD_SCREENS, type WizardScreen } from '../../shared/steps';

/**
 * Every screen the app can show. `start` is the welcome (first start, resume); the wizard's
 * steps are `WIZARD_SCREENS`; side screens are reached from the header or the step list.
 *
 * How to add a screen: add its id to SIDE_SCREENS, register its component in
 * shell/screenRegistry.ts (a lazy import, so the welcome screen does not load it) and give it
 * an entry point (the header's button or the step list). `automation` is declared for the
 * automated-setup screen (renderer/automation/), which registers itself there.
 */
export const SIDE_SCREENS = ['profiles', 'troubleshoot', 'automation'] as const;
export type SideScreen = (typeof SIDE_SCREENS)[number];
export type ScreenId = 'start' | WizardScreen | SideScreen;

/** A screen as a route: the welcome, wizard step N (0-based index into WIZARD_SCREENS), or a side screen. */
export type Route = { screen: 'welcome' } | { screen: 'wizard'; step: WizardScreen; index: number } | { screen: SideScreen };

const SCREEN_IDS: readonly string[] = ['start', ...WIZARD_SCREENS, ...SIDE_SCREENS];

export function isScreenId(value: unknown): value is ScreenId {
  return typeof value === 'string' && SCREEN_IDS.includes(value);
}

export function isWizardScreen(screen: ScreenId): screen is WizardScreen {
  return (WIZARD_SCREENS as readonly string[]).includes(screen);
}

export function routeOf(screen: ScreenId): Route {
  if (screen === 'start') return { screen: 'welcome' };
  if (isWizardScreen(screen)) return { screen: 'wizard', step: screen, index: WIZARD_SCREENS.indexOf(screen) };
  return { screen };
}
