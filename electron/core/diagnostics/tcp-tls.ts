import { lookup } from 'node:dns/promises';
import { isIP, connect as netConnect, type Socket } from 'node:net';
import { X509Certificate } from 'node:crypto';
import { checkServerIdentity, connect as tlsConnect, type PeerCertificate, type SecureContext, type TLSSocket } from 'node:tls';
import type { FindingCode } from '../../../shared/findings';
import { classifyNetFault, errorCode, type NetPhase } from './net-faults';

/** A connection-level failure, classified: `finding` is null when no network code fits. */
export interface WireFault {
  phase: NetPhase;
  finding: FindingCode | null;
  errorCode?: string;
  detail: string;
}

export type WireResult<T> = { ok: true; value: T } | { ok: false; fault: WireFault };

/** One certificate of a peer's chain: what ISE's trusted store needs (DESIGN §2, the PKIX error). */
export interface ChainCertificate {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  sha256: string;
  pem: string;
}

function fault(phase: NetPhase, err: unknown, viaProxy = false): WireFault {
  const code = errorCode(err);
  return {
    phase,
    finding: classifyNetFault(code, phase, viaProxy),
    ...(code ? { errorCode: code } : {}),
    detail: err instanceof Error ? err.message : String(err),
  };
}

/** Runs `work` with a deadline; on expiry `onTimeout` cleans up and the result is the timeout fault. */
export function withDeadline<T>(ms: number, work: Promise<T>, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** DNS for a host (IP literals pass through), bounded. */
export async function resolveHost(host: string, timeoutMs: number): Promise<WireResult<string[]>> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return { ok: true, value: [bare] };
  return withDeadline<WireResult<string[]>>(
    timeoutMs,
    lookup(bare, { all: true }).then(
      (rows) => ({ ok: true, value: rows.map((r) => r.address) }),
      (err: unknown) => ({ ok: false, fault: fault('dns', err) }),
    ),
    () => ({ ok: false, fault: { phase: 'dns', finding: 'NET_DNS_FAILED', errorCode: 'EAI_AGAIN', detail: `no DNS answer within ${timeoutMs} ms` } }),
  );
}

/** A TCP connection, bounded: a silent drop (firewall) becomes NET_CONNECT_TIMEOUT. */
export function openTcp(host: string, port: number, timeoutMs: number, phase: NetPhase = 'connect'): Promise<WireResult<Socket>> {
  return new Promise((resolve) => {
    const socket = netConnect({ host: host.replace(/^\[|\]$/g, ''), port });
    const timer = setTimeout(() => {
      socket.destroy();
      const finding: FindingCode = phase === 'proxy' ? 'NET_PROXY_FAILED' : 'NET_CONNECT_TIMEOUT';
      resolve({ ok: false, fault: { phase, finding, errorCode: 'ETIMEDOUT', detail: `no TCP connection to ${host}:${port} within ${timeoutMs} ms` } });
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve({ ok: true, value: socket });
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ok: false, fault: fault(phase, err) });
    });
  });
}

/**
 * A TCP tunnel to host:port through an HTTP proxy (CONNECT), as nodemailer and undici do it.
 * Any failure here (proxy down, refused CONNECT, no answer) is NET_PROXY_FAILED.
 */
export async function openTunnel(proxyUrl: string, host: string, port: number, timeoutMs: number): Promise<WireResult<Socket>> {
  const proxy = new URL(proxyUrl);
  const opened = await openTcp(proxy.hostname, Number(proxy.port || 80), timeoutMs, 'proxy');
  if (!opened.ok) return opened;
  const socket = opened.value;
  return new Promise((resolve) => {
    let buffered = '';
    const done = (result: WireResult<Socket>) => {
      clearTimeout(timer);
      socket.removeListener('data', onData);
      socket.removeAllListeners('error');
      if (!result.ok) socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => done({ ok: false, fault: { phase: 'proxy', finding: 'NET_PROXY_FAILED', errorCode: 'ETIMEDOUT', detail: `proxy sent no CONNECT answer within ${timeoutMs} ms` } }),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(buffered);
      if (status?.[1] !== '200') {
        done({ ok: false, fault: { phase: 'proxy', finding: 'NET_PROXY_FAILED', errorCode: `HTTP_${status?.[1] ?? '???'}`, detail: buffered.slice(0, end).split('\r\n')[0] ?? '' } });
        return;
      }
      const rest = buffered.slice(end + 4);
      if (rest) socket.unshift(Buffer.from(rest, 'latin1'));
      done({ ok: true, value: socket });
    };
    socket.on('data', onData);
    socket.once('error', (err) => done({ ok: false, fault: fault('proxy', err) }));
    socket.once('close', () => done({ ok: false, fault: { phase: 'proxy', finding: 'NET_PROXY_FAILED', errorCode: 'ECONNRESET', detail: 'proxy closed the connection' } }));
    const auth = proxy.username ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}\r\n` : '';
    socket.write(`CONNECT ${host}:${port} HTTP/1.1\r\nHost: ${host}:${port}\r\n${auth}\r\n`);
  });
}

/** DNS (of the proxy when there is one), then a direct connection or a CONNECT tunnel. */
export async function reach(
  host: string,
  port: number,
  timeoutMs: number,
  proxyUrl?: string,
): Promise<{ addresses: string[]; socket: WireResult<Socket> }> {
  const dnsHost = proxyUrl ? new URL(proxyUrl).hostname : host;
  const dns = await resolveHost(dnsHost, timeoutMs);
  if (!dns.ok) {
    const f: WireFault = proxyUrl ? { ...dns.fault, phase: 'proxy', finding: 'NET_PROXY_FAILED' } : dns.fault;
    return { addresses: [], socket: { ok: false, fault: f } };
  }
  const socket = proxyUrl ? await openTunnel(proxyUrl, host, port, timeoutMs) : await openTcp(host, port, timeoutMs);
  return { addresses: proxyUrl ? [] : dns.value, socket };
}

function toPem(raw: Buffer): string {
  const b64 = raw.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

/** The whole chain the peer sent (leaf first), each with what an ISE admin needs to import it. */
export function peerChain(socket: TLSSocket): ChainCertificate[] {
  const chain: ChainCertificate[] = [];
  const seen = new Set<string>();
  let cert: PeerCertificate | undefined = socket.getPeerCertificate(true) as PeerCertificate;
  while (cert && cert.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    const x509 = new X509Certificate(cert.raw);
    chain.push({
      subject: x509.subject.replace(/\n/g, ', '),
      issuer: x509.issuer.replace(/\n/g, ', '),
      validFrom: x509.validFrom,
      validTo: x509.validTo,
      sha256: x509.fingerprint256,
      pem: toPem(cert.raw),
    });
    cert = (cert as { issuerCertificate?: PeerCertificate }).issuerCertificate;
  }
  return chain;
}

export interface TlsOutcome {
  socket: TLSSocket;
  chain: ChainCertificate[];
  protocol: string | null;
}

/**
 * A TLS handshake on an open socket (or a STARTTLS-upgraded one). The chain is captured even
 * when it is not trusted, because that chain is exactly what the engineer must export for ISE;
 * trust and host name are then judged the way Node (and ISE's Java) would. `trust` is a CA list
 * or, better, the diagnosis's one secure context (building a context per connection is costly).
 */
export function handshake(
  socket: Socket,
  servername: string,
  trust: string[] | SecureContext | undefined,
  timeoutMs: number,
): Promise<{ outcome?: TlsOutcome; chain: ChainCertificate[]; fault?: WireFault }> {
  return new Promise((resolve) => {
    const sni = isIP(servername) ? undefined : servername;
    const trustOption = !trust ? {} : Array.isArray(trust) ? { ca: trust } : { secureContext: trust };
    const tlsSocket = tlsConnect({ socket, ...(sni ? { servername: sni } : {}), ...trustOption, rejectUnauthorized: false });
    const timer = setTimeout(() => {
      tlsSocket.destroy();
      resolve({ chain: [], fault: { phase: 'tls', finding: 'NET_READ_TIMEOUT', errorCode: 'ETIMEDOUT', detail: `no TLS handshake within ${timeoutMs} ms` } });
    }, timeoutMs);
    tlsSocket.once('secureConnect', () => {
      clearTimeout(timer);
      tlsSocket.removeAllListeners('error');
      const chain = peerChain(tlsSocket);
      const authError = tlsSocket.authorizationError as unknown as Error | string | null;
      if (!tlsSocket.authorized && authError) {
        const code = typeof authError === 'string' ? authError : ((authError as NodeJS.ErrnoException).code ?? String(authError));
        tlsSocket.destroy();
        resolve({ chain, fault: { phase: 'tls', finding: classifyNetFault(code, 'tls') ?? 'TLS_UNTRUSTED_CHAIN', errorCode: code, detail: String(authError) } });
        return;
      }
      const identity = checkServerIdentity(servername, tlsSocket.getPeerCertificate());
      if (identity) {
        tlsSocket.destroy();
        resolve({ chain, fault: { phase: 'tls', finding: 'TLS_HOSTNAME_MISMATCH', errorCode: 'ERR_TLS_CERT_ALTNAME_INVALID', detail: identity.message } });
        return;
      }
      resolve({ outcome: { socket: tlsSocket, chain, protocol: tlsSocket.getProtocol() }, chain });
    });
    tlsSocket.once('error', (err) => {
      clearTimeout(timer);
      tlsSocket.destroy();
      resolve({ chain: [], fault: fault('tls', err) });
    });
  });
}
