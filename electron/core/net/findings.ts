import type { Finding } from '../../../shared/diagnostic-report';
import { printableLine } from '../../../shared/printable';
import { makeFinding } from '../diagnostics/finding';
import { redactAndCut, type Redactor } from '../diagnostics/redact';

/** A Location is shown in the texts: redacted (it may carry a query with a code), printable, short. */
const MAX_LOCATION_CHARS = 300;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * NET_REDIRECT_REFUSED for a call that carried a secret and got a 3xx (see ./safe-request):
 * names the host asked and the Location it pointed to; nothing was sent there.
 */
export function refusedRedirectFinding(requestUrl: string, redirect: { status: number; location: string }, redactor: Redactor): Finding {
  const location = redactAndCut(printableLine(redirect.location), MAX_LOCATION_CHARS, redactor) || '(none)';
  return makeFinding('NET_REDIRECT_REFUSED', { host: hostOf(requestUrl), location, status: redirect.status });
}

/** NET_REPLY_TOO_LARGE: the reply passed the fixed limit of its kind (REPLY_LIMITS) and was dropped. */
export function tooLargeFinding(requestUrl: string, tooLarge: { limit: number; status?: number }): Finding {
  return makeFinding('NET_REPLY_TOO_LARGE', { host: hostOf(requestUrl), limit: tooLarge.limit, ...(tooLarge.status ? { status: tooLarge.status } : {}) });
}
