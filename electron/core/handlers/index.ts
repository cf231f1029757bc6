import { certificateCalls } from '../../../shared/contract/certificates';
import { iseCalls } from '../../../shared/contract/ise';
import { automationCalls } from '../../../shared/contract/automation';
import { draftSecretCalls } from '../../../shared/contract/draft-secret';
import type { CallSpec } from '../../../shared/contract/define';
import { fleetCalls } from '../../../shared/contract/fleet';
import { practiceCalls } from '../../../shared/contract/practice';
import { profileCalls } from '../../../shared/contract/profiles';
import { troubleshootCalls } from '../../../shared/contract/troubleshoot';
import { verificationCalls } from '../../../shared/contract/verification';
import type { CallName } from '../../../shared/contract';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { appHandlers } from './app';
import { desktopHandlers, type DesktopHandlersFactory } from './desktop';
import { forgetDraftSecretOn } from './forget-draft-secret';

/**
 * Every contract call's implementation, for one process. One file per domain, merged here.
 * A domain's module (and what it pulls in: msal-node, nodemailer, smtp-server, the log
 * analyzer …) loads on the first call of that domain, so starting the app or browser mode
 * does not wait for code the first screen never uses.
 */
export function createHandlers(ctx: CoreContext, options: { desktop?: DesktopHandlersFactory } = {}): Handlers {
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...desktopHandlers(ctx),
    ...lazyDomain(troubleshootCalls, () => import('./troubleshoot').then((m) => m.troubleshootHandlers(ctx))),
    ...lazyDomain(profileCalls, () => import('./profiles').then((m) => m.profileHandlers(ctx))),
    ...lazyDomain(practiceCalls, () => import('./practice').then((m) => m.practiceHandlers(ctx))),
    ...lazyDomain(verificationCalls, () => import('./verification').then((m) => m.verificationHandlers(ctx))),
    ...lazyDomain(certificateCalls, () => import('./certificates').then((m) => m.certificateHandlers(ctx))),
    ...lazyDomain(fleetCalls, () => import('./fleet').then((m) => m.fleetHandlers(ctx))),
    ...lazyDomain(iseCalls, () => import('./ise').then((m) => m.iseHandlers(ctx))),
    ...lazyDomain(automationCalls, () => import('./automation').then((m) => m.automationHandlers(ctx))),
    ...lazyDomain(draftSecretCalls, () => import('./draft-secret').then((m) => m.draftSecretHandlers(ctx))),
  };
  // The desktop app's own calls replace the DESKTOP_ONLY answers; they may use the core ones.
  const all = options.desktop ? { ...handlers, ...options.desktop(handlers) } : handlers;
  return forgetDraftSecretOn(all);
}

type DomainHandlers<C> = Pick<Handlers, keyof C & CallName>;

/** Stands in for a domain's handlers and loads the real ones once, on the first call. */
function lazyDomain<C extends Record<string, CallSpec>>(calls: C, load: () => Promise<DomainHandlers<C>>): DomainHandlers<C> {
  let loaded: Promise<DomainHandlers<C>> | undefined;
  const entries = Object.keys(calls).map((name) => [
    name,
    async (input: unknown) => {
      loaded ??= load();
      const handlers = (await loaded) as Record<string, (input: unknown) => Promise<unknown>>;
      return handlers[name]!(input);
    },
  ]);
  return Object.fromEntries(entries) as DomainHandlers<C>;
}
