import { desktopCalls } from '../../../shared/contract/desktop';
import { type Handlers } from './dispatch';
import { CallFailure } from '../errors/call-failure';
import type { CoreContext } from './context';
import type { ProfileServices } from '../profiles/profile-service';
import { lazyProfileService } from '../profiles/process-services';
import { SECRET_CLIPBOARD_SECONDS } from '../../../shared/contract/desktop';

/** The calls only the desktop app can answer (shared/contract/desktop.ts). */
export type DesktopHandlers = Pick<Handlers, keyof typeof desktopCalls>;

/**
 * Builds the desktop app's own handlers from the core ones (e.g. the PDF prints the HTML
 * export): electron/main.ts passes one to createHandlers, the declared place for them.
 */
/** It replaces the calls it implements; the others keep plain Node's answer. */
export type DesktopHandlersFactory = (core: Handlers) => Partial<DesktopHandlers>;

/**
 * The calls whose best answer needs the desktop app. Plain Node (browser mode, CLI) answers
 * what it can; electron/main.ts's factory replaces them with the real ones:
 * - exportReportPdf: Chromium's printer (DESKTOP_ONLY here);
 * - copyClientSecret: main writes the clipboard (here the secret is handed to the page, the
 *   only call that ever returns it, because main cannot reach the browser's clipboard).
 * How to add a desktop-only call: declare it in shared/contract/desktop.ts, answer it here
 * (DESKTOP_ONLY when plain Node cannot), and implement it in the factory electron/main.ts passes in.
 */
export function desktopHandlers(ctx?: CoreContext, services?: ProfileServices): DesktopHandlers {
  const svc = ctx ? lazyProfileService(ctx.dataDir, services) : undefined;
  return {
    exportReportPdf: async () => {
      throw new CallFailure('DESKTOP_ONLY', 'a PDF needs the desktop app: download the HTML report and print it to PDF from your browser');
    },
    copyClientSecret: async ({ profileId }) => {
      if (!svc) throw new CallFailure('DESKTOP_ONLY', 'the client secret cannot be copied here');
      return { mode: 'deliver', secret: await storedSecret(svc, profileId), clearAfterSeconds: SECRET_CLIPBOARD_SECONDS };
    },
  };
}

/** The stored (keychain or session) secret of a profile; SECRET_NOT_STORED when there is none, never a placeholder. */
export async function storedSecret(svc: () => import('../profiles/profile-service').ProfileService, profileId: string): Promise<string> {
  const s = svc();
  const profile = s.store.get(profileId);
  const secret = await s.vault.get(profile.id);
  if (secret === null || secret === '') {
    throw new CallFailure('SECRET_NOT_STORED', `no client secret is stored for profile "${profile.name}": enter it on the App registration step first`, 'profileId');
  }
  return secret;
}
