/**
 * The renderer's Content Security Policy, one source for Electron and browser mode.
 * Styles allow 'unsafe-inline' because Fluent UI (Griffel) inserts style elements at run time;
 * scripts, connections and everything else stay on the app's own origin.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
