import { createContext, useContext, type ReactNode } from 'react';
import type { WizardScreen } from '../../shared/steps';

/**
 * How a finding links to the wizard step that fixes it: the shell provides the router here, so
 * a card anywhere (a step's check, Troubleshoot) can offer "Fix it in step N" without knowing
 * the shell. `anchor` names a part of the step to scroll to (e.g. the certificate card).
 */
export interface StepLinks {
  /** The wizard screen shown now (null on a side screen): its own findings say "here". */
  current: WizardScreen | null;
  go(screen: WizardScreen, anchor?: StepAnchor): void;
}

/** The parts of a step a finding can point at: `data-anchor` on the element. */
export type StepAnchor = 'certificates';

const StepLinksContext = createContext<StepLinks | null>(null);

export function StepLinksProvider({ value, children }: { value: StepLinks; children: ReactNode }) {
  return <StepLinksContext.Provider value={value}>{children}</StepLinksContext.Provider>;
}

/** The step links, or null outside the shell (a card then shows its step as plain text). */
export function useStepLinks(): StepLinks | null {
  return useContext(StepLinksContext);
}

/**
 * Scrolls to a step's part once it is on the page (the step may still be loading as its own
 * chunk) and moves focus there; gives up after `timeoutMs`.
 */
export function revealAnchor(anchor: StepAnchor, timeoutMs = 5000): void {
  const until = Date.now() + timeoutMs;
  const look = () => {
    const el = document.querySelector<HTMLElement>(`[data-anchor="${anchor}"]`);
    if (el) {
      el.scrollIntoView({ block: 'start' });
      if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
      el.focus({ preventScroll: true });
      return;
    }
    if (Date.now() < until) window.setTimeout(look, 50);
  };
  look();
}
