import { createHash } from 'node:crypto';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';

/** How many distinct CA sets a process keeps contexts for (a wizard session uses one or two). */
const MAX_CACHED = 4;
const cache = new Map<string, SecureContext>();

/**
 * The TLS trust one diagnosis uses for every connection it makes (login probe, token call,
 * SMTP STARTTLS): Node's roots plus the extra CA when there is one.
 *
 * Why one context: with an extra CA, each tls.connect built its own context from ~140 root
 * certificates again (150–300 ms of CPU per diagnosis). Why a per-process cache keyed by the CA
 * text: a context holds only trust anchors here (no client key, no session state a client
 * reuses across connections), so two diagnoses with the same CA can share it safely, and a
 * changed CA file is a different key, so it is never trusted stale.
 */
export function secureContextFor(caPem: string | undefined): SecureContext {
  const key = createHash('sha256').update(caPem ?? '').digest('hex');
  const hit = cache.get(key);
  if (hit) return hit;
  const context = caPem ? createSecureContext({ ca: [...rootCertificates, caPem] }) : createSecureContext();
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, context);
  return context;
}
