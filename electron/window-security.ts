import type { Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from './core/page-security/external-links';

/**
 * Electron's security checklist applied to every webContents: no navigation away from the
 * app, no new windows (allow-listed https links go to the user's browser instead), no
 * webviews, and every permission request refused.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * Every permission is refused, except desktop notifications for the app's own page: the
 * secret-expiry warning at start is one (issue 5). `appOrigin` is e.g. `app://renderer`.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, appOrigin: string): boolean {
  return permission === 'notifications' && typeof requestingUrl === 'string' && requestingUrl.startsWith(`${appOrigin}/`);
}

export function hardenSession(session: Session, csp: string, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl, appOrigin)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, `${requestingOrigin.replace(/\/$/, '')}/`, appOrigin),
  );
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
