import type { CallInput, CallName, CallOutput, CallResult, SetupApi } from '../shared/contract';

/**
 * The renderer's one way across the boundary: `window.setup` (Electron preload) when present,
 * otherwise browser mode's `POST /api/<name>` with the per-launch token. Both return the same
 * `{ok, value} | {ok:false, error}` data.
 */
declare global {
  interface Window {
    setup?: SetupApi;
  }
}

const TOKEN_KEY = 'ise-smtp-oauth.token';

/** Browser mode puts the token in the URL fragment; keep it for this tab and clean the address bar. */
function browserToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

let token: string | null | undefined;

export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallResult<CallOutput<K>>> {
  if (window.setup) return window.setup[name](input);
  token ??= browserToken();
  try {
    const res = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Setup-Token': token ?? '' },
      body: JSON.stringify(input),
    });
    return (await res.json()) as CallResult<CallOutput<K>>;
  } catch {
    return { ok: false, error: { code: 'UNREACHABLE', message: 'the local service did not answer' } };
  }
}

/** Reads the token early (before React renders) so a reload keeps working. */
export function initClient(): void {
  if (!window.setup) token = browserToken();
}
