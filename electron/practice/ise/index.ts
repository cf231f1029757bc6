import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { isIsePracticeScenario, type IsePracticeScenario } from '../../../shared/ise-api/practice';
import { loadOrCreatePki } from '../certificates';
import { createErsHandler } from './ers';
import type { IseAccount } from './http';
import { createOpenApiHandler } from './openapi';
import { issueAdminCertificate, loadOrCreateAdminCertificate, type AdminCertificate } from './pki';
import { isePracticeStateFor, type IsePracticeState } from './state';
import { entryFromPem, factoryEntries, type TrustEntry } from './trust-store';

/**
 * The practice ISE: ERS and OpenAPI, each on its own ephemeral HTTPS port on 127.0.0.1 (so either
 * can be off while the other answers), Basic auth, a self-signed admin certificate, playing one
 * scenario of shared/ise-api/practice.ts. The "Microsoft" CAs it is meant to trust are the
 * practice tenant's (the same `<dataDir>/practice/ca.pem`), so a capture of the practice tenant
 * and this trusted store compare the way the real ones do.
 *
 * How to add a scenario: name it in shared/ise-api/practice.ts, give it its one fault in
 * state.ts, and teach ers.ts / openapi.ts the rule the real ISE applies, with its real reply.
 */
export interface PracticeIse {
  host: string;
  ersPort: number;
  apiPort: number;
  /** The admin account for the scenario (the password is already "wrong" in wrong-password). */
  username: string;
  password: string;
  /** Other accounts: an ERS Operator (GET only) and a Helpdesk admin (no ERS group). */
  accounts: { ersOperator: string; helpdesk: string };
  adminCertificatePem: string;
  adminSha256: string;
  scenario: IsePracticeScenario;
  setScenario(name: IsePracticeScenario): Promise<void>;
  /** Serves a newly issued admin certificate from now on (a pin must catch this). */
  reissueAdminCertificate(): Promise<string>;
  /** Sets ISE's proxy settings (empty fqdn: none). */
  setProxy(proxy: { fqdn: string; port: number | null; bypassHosts?: string }): void;
  trustStore(): readonly TrustEntry[];
  /** Every request received (method, path, which API): what tests assert was, or was not, sent. */
  requests(): ReadonlyArray<{ api: 'ers' | 'openapi'; method: string; path: string }>;
  close(): Promise<void>;
}

export interface StartPracticeIseOptions {
  dataDir: string;
  scenario?: IsePracticeScenario;
  /** The sender mailbox the guest settings should name (healthy): the practice tenant's. */
  mailbox?: string;
  /** The admin password (tests: a canary); a fresh random one by default. */
  password?: string;
}

const PRACTICE_MAILBOX = 'no-reply@practice.onmicrosoft.com';

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function stop(server: Server, sockets: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    for (const s of sockets) s.destroy();
  });
}

function track(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // TLS handshakes that fail (a client that refuses the certificate) are the client's business.
  server.on('tlsClientError', () => undefined);
  return sockets;
}

export async function startPracticeIse(opts: StartPracticeIseOptions): Promise<PracticeIse> {
  const initial = opts.scenario ?? 'healthy';
  if (!isIsePracticeScenario(initial)) throw new Error(`unknown practice ISE scenario '${String(initial)}'`);
  const [tenantPki, firstCert] = await Promise.all([loadOrCreatePki(opts.dataDir), loadOrCreateAdminCertificate(opts.dataDir)]);
  let admin: AdminCertificate = firstCert;
  let scenario: IsePracticeScenario = initial;
  let state: IsePracticeState = isePracticeStateFor(initial);
  const password = opts.password ?? `Practice-${randomBytes(9).toString('base64url')}`;
  const mailbox = opts.mailbox ?? PRACTICE_MAILBOX;
  let proxy = { fqdn: '', port: null as number | null, bypassHosts: '', userName: '', passwordRequired: false };

  const accounts = (): IseAccount[] => {
    // wrong-password: the account's password is not the one handed out.
    const real = state.passwordRejected ? `${password}-changed` : password;
    return [
      { name: 'admin', password: real, ers: 'admin', openapi: 'rw' },
      { name: 'ersoperator', password: real, ers: 'operator', openapi: null },
      { name: 'helpdesk', password: real, ers: null, openapi: 'ro' },
    ];
  };

  const trust: TrustEntry[] = [];
  const resetTrustStore = () => {
    trust.length = 0;
    trust.push(...factoryEntries());
    // ISE lists its own self-signed server certificate among the trusted ones.
    trust.push(entryFromPem(admin.cert, 'Default self-signed server certificate', { trustForIseAuth: true, trustForClientAuth: true }));
    if (state.casPresent) trust.push(entryFromPem(tenantPki.caPem, 'ise-smtp-oauth Practice Root CA', { trustForIseAuth: true }));
  };
  resetTrustStore();

  let ersPort = 0;
  let apiPort = 0;
  const ersBase = () => `https://127.0.0.1:${ersPort}`;
  const apiBase = () => `https://127.0.0.1:${apiPort}`;
  const tls = () => ({ cert: admin.cert, key: admin.key, minVersion: 'TLSv1.2' as const });
  const seen: Array<{ api: 'ers' | 'openapi'; method: string; path: string }> = [];
  const logged =
    (name: 'ers' | 'openapi', handler: (req: IncomingMessage, res: ServerResponse) => void) =>
    (req: IncomingMessage, res: ServerResponse) => {
      if (seen.length < 1000) seen.push({ api: name, method: req.method ?? '', path: (req.url ?? '').split('?')[0]! });
      handler(req, res);
    };
  const ers = createServer(tls(), logged('ers', createErsHandler({ state: () => state, accounts, mailbox: () => mailbox, baseUrl: ersBase })));
  const api = createServer(tls(), logged('openapi', createOpenApiHandler({ state: () => state, accounts, trustStore: trust, baseUrl: apiBase, proxy: () => proxy })));
  const ersSockets = track(ers);
  const apiSockets = track(api);

  // ERS on its own port: when ERS is off the port is closed (connection refused), as on ISE.
  // Reserve its port by listening once even in ers-off, then close it.
  ersPort = await listen(ers);
  apiPort = await listen(api);
  if (!state.ersOn) await stop(ers, ersSockets);

  const applyErs = async () => {
    if (state.ersOn && !ers.listening) ersPort = await listen(ers, ersPort).catch(() => listen(ers));
    if (!state.ersOn && ers.listening) await stop(ers, ersSockets);
  };

  const ise: PracticeIse = {
    host: '127.0.0.1',
    get ersPort() {
      return ersPort;
    },
    get apiPort() {
      return apiPort;
    },
    username: 'admin',
    password,
    accounts: { ersOperator: 'ersoperator', helpdesk: 'helpdesk' },
    get adminCertificatePem() {
      return admin.cert;
    },
    get adminSha256() {
      return admin.sha256;
    },
    get scenario() {
      return scenario;
    },
    async setScenario(name) {
      if (!isIsePracticeScenario(name)) throw new Error(`unknown practice ISE scenario '${String(name)}'`);
      scenario = name;
      state = isePracticeStateFor(name);
      resetTrustStore();
      await applyErs();
    },
    async reissueAdminCertificate() {
      admin = await issueAdminCertificate();
      ers.setSecureContext(tls());
      api.setSecureContext(tls());
      return admin.sha256;
    },
    setProxy(p) {
      proxy = { ...proxy, fqdn: p.fqdn, port: p.port, bypassHosts: p.bypassHosts ?? '' };
    },
    trustStore: () => trust,
    requests: () => [...seen],
    close: async () => {
      await Promise.all([stop(ers, ersSockets), stop(api, apiSockets)]);
    },
  };
  return ise;
}
