import { LogLevel, PublicClientApplication, ServerError, type AccountInfo, type AuthenticationResult } from '@azure/msal-node';
import { authorityConfig } from '../diagnostics/token';
import { DiagnosticNetworkClient } from '../diagnostics/token-http';
import type { SetupFinding } from '../../../shared/contract/automation';

/**
 * The admin sign-in for the automated setup, through @azure/msal-node: interactive (system
 * browser, loopback redirect on 127.0.0.1, PKCE, the code as a form POST: msal-node ≥ 6) or the
 * device-code flow. One sign-in gives the Graph token; the Exchange token comes silently from
 * the same refresh token (extraScopesToConsent asks for it up front). Tokens stay in this
 * object's memory (MSAL's in-memory cache, no cache plugin: nothing on disk); signOut() drops
 * the MSAL instance and with it every token.
 */

export const GRAPH_SCOPES = ['https://graph.microsoft.com/Application.ReadWrite.All', 'https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All'];
export const EXCHANGE_SCOPES = ['https://outlook.office365.com/Exchange.Manage'];
/** How long an interactive sign-in may wait for the browser (MSAL itself waits forever). */
export const INTERACTIVE_TIMEOUT_MS = 5 * 60_000;

export interface AdminSignInOptions {
  tenantId: string;
  signInClientId: string;
  /** Default https://login.microsoftonline.com */
  authorityHost: string;
  ca?: string[];
  timeoutMs?: number;
  interactiveTimeoutMs?: number;
}

export interface DeviceCodePrompt {
  userCode: string;
  verificationUri: string;
  message: string;
  expiresIn: number;
}

export type SignInResult = { ok: true; upn: string } | { ok: false; finding: SetupFinding };

export class AdminSession {
  private app: PublicClientApplication | undefined;
  private account: AccountInfo | undefined;
  private network: DiagnosticNetworkClient | undefined;
  /** Token requests made (sign-in + silent refreshes), for the call count. */
  calls = 0;
  /** The scopes Entra granted (the token response's `scope`, which is what the token's scp holds), per resource. */
  private readonly granted = new Map<'graph' | 'exchange', string[]>();

  constructor(private readonly opts: AdminSignInOptions) {}

  get upn(): string | undefined {
    return this.account?.username;
  }

  get signedIn(): boolean {
    return this.account !== undefined;
  }

  private client(): PublicClientApplication {
    if (this.app) return this.app;
    this.network = new DiagnosticNetworkClient({ timeoutMs: this.opts.timeoutMs ?? 30_000, ...(this.opts.ca ? { ca: this.opts.ca } : {}) });
    this.app = new PublicClientApplication({
      auth: { clientId: this.opts.signInClientId, ...authorityConfig(this.opts.authorityHost, this.opts.tenantId) },
      system: { networkClient: this.network, loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined } },
    });
    return this.app;
  }

  /** System browser + loopback. `openBrowser` is shell.openExternal in Electron, the OS opener in the CLI. */
  async signInInteractive(openBrowser: (url: string) => Promise<void>, loginHint?: string): Promise<SignInResult> {
    const app = this.client();
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        app.acquireTokenInteractive({
          scopes: GRAPH_SCOPES,
          extraScopesToConsent: EXCHANGE_SCOPES,
          openBrowser,
          prompt: 'select_account',
          ...(loginHint ? { loginHint } : {}),
          successTemplate: 'Signed in. You can close this window and return to ISE SMTP OAuth Setup.',
          errorTemplate: 'Sign-in failed: {{error}}. Return to ISE SMTP OAuth Setup.',
        }),
        new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), this.opts.interactiveTimeoutMs ?? INTERACTIVE_TIMEOUT_MS);
        }),
      ]);
      if (result === 'timeout') return { ok: false, finding: signInFinding('timeout') };
      return this.accept(result);
    } catch (err) {
      return { ok: false, finding: signInFailure(err, this.lastReplyBody()) };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Device code: `onPrompt` shows Microsoft's message; polls until approved, expired or cancelled. */
  async signInWithDeviceCode(onPrompt: (p: DeviceCodePrompt) => void, timeoutSeconds = 900): Promise<SignInResult> {
    const app = this.client();
    try {
      const result = await app.acquireTokenByDeviceCode({
        scopes: GRAPH_SCOPES,
        timeout: timeoutSeconds,
        deviceCodeCallback: (r) => onPrompt({ userCode: r.userCode, verificationUri: r.verificationUri, message: r.message, expiresIn: r.expiresIn }),
      });
      return this.accept(result);
    } catch (err) {
      return { ok: false, finding: signInFailure(err, this.lastReplyBody()) };
    }
  }

  /** The last token-endpoint reply: MSAL drops the AADSTS code of a device-code endpoint error. */
  private lastReplyBody(): string | undefined {
    const list = this.network?.exchanges ?? [];
    return list[list.length - 1]?.body;
  }

  private accept(result: AuthenticationResult | null): SignInResult {
    this.calls++;
    if (!result?.accessToken || !result.account) return { ok: false, finding: signInFinding('empty-token') };
    this.account = result.account;
    this.granted.set('graph', scopeNames(result.scopes));
    return { ok: true, upn: result.account.username };
  }

  /** A current Graph token (MSAL refreshes it from its memory cache when it expires). */
  graphToken(): Promise<string> {
    return this.token(GRAPH_SCOPES, 'graph');
  }

  exchangeToken(): Promise<string> {
    return this.token(EXCHANGE_SCOPES, 'exchange');
  }

  /** The delegated permissions the last token for that resource carries (bare names), undefined before one was issued. */
  grantedScopes(resource: 'graph' | 'exchange'): string[] | undefined {
    return this.granted.get(resource);
  }

  private async token(scopes: string[], resource: 'graph' | 'exchange'): Promise<string> {
    if (!this.app || !this.account) throw new SignInRequired();
    const before = this.network?.exchanges.length ?? 0;
    const result = await this.app.acquireTokenSilent({ account: this.account, scopes });
    if ((this.network?.exchanges.length ?? 0) > before) this.calls++;
    if (!result.accessToken) throw new SignInRequired();
    this.granted.set(resource, scopeNames(result.scopes));
    return result.accessToken;
  }

  /** Drops every admin token: the MSAL instance and its in-memory cache go. */
  async signOut(): Promise<void> {
    this.account = undefined;
    this.app = undefined;
    this.granted.clear();
    const network = this.network;
    this.network = undefined;
    await network?.close();
  }
}

/** "https://graph.microsoft.com/Application.ReadWrite.All" and "Application.ReadWrite.All" alike → the bare name; OIDC scopes dropped. */
export function scopeNames(scopes: string[] | undefined): string[] {
  return (scopes ?? []).map((s) => s.replace(/^https:\/\/[^/]+\//, '')).filter((s) => !['openid', 'profile', 'offline_access', 'email'].includes(s.toLowerCase()));
}

export class SignInRequired extends Error {
  constructor() {
    super('the admin is not signed in');
    this.name = 'SignInRequired';
  }
}

function signInFinding(reason: string, aadsts?: string): SetupFinding {
  return { code: 'SETUP_SIGNIN_FAILED', severity: 'error', step: 'sign-in', params: { reason, ...(aadsts ? { aadsts } : {}) } };
}

/** MSAL's error as a finding: the AADSTS number when Entra gave one, never the raw text (it may echo input). */
export function signInFailure(err: unknown, replyBody?: string): SetupFinding {
  const e = err as { errorCode?: string; errorMessage?: string; errorNo?: string };
  let codes = '';
  try {
    const parsed = replyBody ? (JSON.parse(replyBody) as { error_codes?: unknown }) : undefined;
    if (Array.isArray(parsed?.error_codes) && parsed.error_codes.length) codes = `AADSTS${String(parsed.error_codes[0])}`;
  } catch {
    // not JSON: nothing to add
  }
  const aadsts = /AADSTS(\d+)/.exec(`${e.errorNo ? `AADSTS${e.errorNo}` : ''} ${e.errorMessage ?? ''} ${codes}`)?.[0];
  if (err instanceof ServerError || aadsts) return signInFinding(e.errorCode || 'server-error', aadsts);
  return signInFinding(e.errorCode || (err instanceof Error ? err.name : 'error'));
}
