import { readFile } from 'node:fs/promises';
import { rootCertificates, type SecureContext } from 'node:tls';
import type { Route } from '../../../shared/diagnostic-report';
import type { SetupStep } from '../../../shared/steps';
import { proxyFromEnvironment } from './proxy';
import { secureContextFor } from './tls-context';

/** ISE's own values (DESIGN §2): what the diagnosis uses when the caller gives nothing else. */
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const DEFAULT_SCOPE = 'https://outlook.office.com/.default';
export const DEFAULT_SMTP_HOST = 'smtp.office365.com';
export const DEFAULT_SMTP_PORT = 587;
export const DEFAULT_TIMEOUT_SECONDS = 15;

/** What one diagnosis is asked to prove: the values ISE will be given, plus test-only knobs. */
export interface DiagnoseOptions {
  tenantId: string;
  clientId: string;
  mailbox: string;
  /** The client secret Value; absent means the token path cannot run (reported as a skip). */
  clientSecret?: string;
  scope?: string;
  authorityHost?: string;
  smtpHost?: string;
  smtpPort?: number;
  /** An HTTP proxy URL; when absent, HTTPS_PROXY/https_proxy (honouring NO_PROXY) is used. */
  proxy?: string;
  /** A PEM file of extra CAs trusted on top of the system roots (TLS-inspecting proxy, practice CA). */
  caFile?: string;
  /** The same as PEM text (the practice tenant hands its CA over in memory). */
  caPem?: string;
  /** Bound for every network phase (DNS, connect, TLS, each SMTP reply, the token call). */
  timeoutSeconds?: number;
  /** The ObjectId given to New-ServicePrincipal, compared with the token's oid. */
  servicePrincipalObjectId?: string;
  route?: Route;
  /** When set, a test mail goes from the mailbox to this address (proves MAIL FROM / send-as). */
  sendTo?: string;
  iseVersion?: string;
  /** The secret's expiry date, YYYY-MM-DD. */
  secretExpiry?: string;
  /** Run only the checks these wizard steps need; all checks when absent. */
  steps?: SetupStep[];
  /** Marks the report as made against the built-in practice tenant. */
  practice?: boolean;
}

/** Options with defaults applied and the CA read: what the checks use. */
export interface ResolvedOptions extends Required<Pick<DiagnoseOptions, 'tenantId' | 'clientId' | 'mailbox' | 'route'>> {
  clientSecret: string | undefined;
  scope: string;
  authorityHost: string;
  tokenEndpoint: string;
  smtpHost: string;
  smtpPort: number;
  proxy: string | undefined;
  /** System roots plus the extra CA; undefined when no extra CA (Node's defaults apply). */
  ca: string[] | undefined;
  /** The same trust as one TLS context, shared by every connection of the diagnosis. */
  secureContext: SecureContext;
  caError: string | undefined;
  timeoutMs: number;
  servicePrincipalObjectId: string | undefined;
  sendTo: string | undefined;
  iseVersion: string | undefined;
  secretExpiry: string | undefined;
  steps: SetupStep[] | undefined;
  practice: boolean;
}

/** Injection points for tests: the clock and the environment. */
export interface DiagnoseDeps {
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
}

/** The token endpoint ISE auto-fills: `<authority-host>/<tenant>/oauth2/v2.0/token`. */
export function tokenEndpointFor(authorityHost: string, tenantId: string): string {
  return `${authorityHost.replace(/\/+$/, '')}/${tenantId.trim()}/oauth2/v2.0/token`;
}

/** Applies defaults, picks the proxy and reads the CA file. Never throws: a bad CA file is data. */
export async function resolveOptions(o: DiagnoseOptions, env: NodeJS.ProcessEnv = process.env): Promise<ResolvedOptions> {
  const authorityHost = (o.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, '');
  const smtpHost = o.smtpHost ?? DEFAULT_SMTP_HOST;
  let caPem = o.caPem;
  let caError: string | undefined;
  if (o.caFile) {
    try {
      caPem = [caPem, await readFile(o.caFile, 'utf8')].filter(Boolean).join('\n');
    } catch (err) {
      caError = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    }
  }
  let secureContext: SecureContext;
  try {
    secureContext = secureContextFor(caPem);
  } catch {
    // A CA text OpenSSL refuses: reported like an unreadable file, the system roots still apply.
    caError = 'invalid-ca';
    caPem = undefined;
    secureContext = secureContextFor(undefined);
  }
  const proxy = o.proxy ?? proxyFromEnvironment([new URL(authorityHost).hostname, smtpHost], env);
  return {
    tenantId: o.tenantId.trim(),
    clientId: o.clientId.trim(),
    mailbox: o.mailbox.trim(),
    clientSecret: o.clientSecret,
    scope: o.scope ?? DEFAULT_SCOPE,
    authorityHost,
    tokenEndpoint: tokenEndpointFor(authorityHost, o.tenantId),
    smtpHost,
    smtpPort: o.smtpPort ?? DEFAULT_SMTP_PORT,
    proxy,
    ca: caPem ? [...rootCertificates, caPem] : undefined,
    secureContext,
    caError,
    timeoutMs: (o.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    servicePrincipalObjectId: o.servicePrincipalObjectId?.trim() || undefined,
    route: o.route ?? 'classic',
    sendTo: o.sendTo,
    iseVersion: o.iseVersion,
    secretExpiry: o.secretExpiry,
    steps: o.steps,
    practice: o.practice ?? false,
  };
}
