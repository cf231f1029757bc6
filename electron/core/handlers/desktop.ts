import { type Handlers } from './dispatch';
import { CallFailure } from '../errors/call-failure';
import type { CoreContext } from './context';
import type { ProfileServices } from '../profiles/profile-service';
import { lazyProfileService } from '../profiles/process-services';
import { SECRET_CLIPBOARD_SECONDS } from '../../../shared/contract/desktop';

/**
 * The calls whose best answer needs the desktop app. Plain Node (browser mode, CLI) answers
 * what it can; electron/main.ts replaces them with the real ones:
 * - exportReportPdf: Chromium's printer (DESKTOP_ONLY here);
 * - copyClientSecret: main writes the clipboard (here the secret is handed to the page, the
 *   only call that ever returns it, because main cannot reach the browser's clipboard).
 */
export function desktopHandlers(ctx?: CoreContext, services?: ProfileServices): Pick<Handlers, 'exportReportPdf' | 'copyClientSecret'> {
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
