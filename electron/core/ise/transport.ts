import { request } from 'node:https';
import { X509Certificate } from 'node:crypto';
import { checkServerIdentity, connect, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { IseCertificate } from '../../../shared/contract/ise';
import { normaliseFingerprint } from '../../../shared/ise-api/connection';

/**
 * One HTTPS exchange with ISE, on a socket whose certificate is checked BEFORE anything is
 * written to it: the Basic credentials never reach a server that is not the pinned one (or does
 * not chain to the given CA). No agent, no keep-alive, no redirects (a 3xx is returned as is),
 * a bounded time for the whole exchange and a cap on the reply.
 */
export type IseTrust =
  /** The SHA-256 the engineer accepted (trust on first use). */
  | { kind: 'pin'; sha256: string }
  /** A CA file: the usual chain and host-name checks. */
  | { kind: 'ca'; caPem: string }
  /** First contact: look only. Requests carrying credentials are refused in this mode. */
  | { kind: 'look' };

export interface IseHttpRequest {
  host: string;
  port: number;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  trust: IseTrust;
  timeoutMs: number;
  maxBytes?: number;
}

export type IseHttpResult =
  | { kind: 'response'; status: number; headers: Record<string, string | string[] | undefined>; body: string; certificate: IseCertificate }
  | { kind: 'certificate'; problem: 'changed' | 'untrusted'; certificate: IseCertificate; reason?: string }
  | { kind: 'network'; code: string }
  | { kind: 'too-large'; status: number };

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

class CertificateProblem extends Error {
  constructor(
    readonly problem: 'changed' | 'untrusted',
    readonly certificate: IseCertificate,
    readonly reason?: string,
  ) {
    super(problem);
  }
}

/** The admin certificate as the UI and the CLI show it. */
export function describePeer(peer: PeerCertificate): IseCertificate {
  let selfSigned = false;
  let subject = '';
  let issuer = '';
  try {
    const x = new X509Certificate(peer.raw);
    subject = x.subject.replace(/\n/g, ', ');
    issuer = x.issuer.replace(/\n/g, ', ');
    selfSigned = x.subject === x.issuer && x.verify(x.publicKey);
  } catch {
    // a certificate Node cannot re-read: the fingerprint still identifies it
  }
  return {
    sha256: normaliseFingerprint(peer.fingerprint256 ?? ''),
    subject,
    issuer,
    validFrom: new Date(Date.parse(peer.valid_from)).toISOString(),
    validTo: new Date(Date.parse(peer.valid_to)).toISOString(),
    selfSigned,
  };
}

/** Opens the TLS socket and judges the certificate; resolves only when it may carry credentials. */
function verifiedSocket(host: string, port: number, trust: IseTrust, timeoutMs: number): Promise<{ socket: TLSSocket; certificate: IseCertificate }> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port,
      servername: /^[\d.]+$|:/.test(host) ? undefined : host,
      minVersion: 'TLSv1.2',
      // Judged below, by pin or by CA; never by Node's default store alone.
      rejectUnauthorized: false,
      ...(trust.kind === 'ca' ? { ca: trust.caPem } : {}),
    });
    const timer = setTimeout(() => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), timeoutMs);
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const peer = socket.getPeerCertificate(false);
      const certificate = describePeer(peer);
      if (trust.kind === 'pin' && certificate.sha256 !== normaliseFingerprint(trust.sha256)) {
        socket.destroy();
        return reject(new CertificateProblem('changed', certificate));
      }
      if (trust.kind === 'ca') {
        const nameError = checkServerIdentity(host, peer);
        if (!socket.authorized || nameError) {
          socket.destroy();
          return reject(new CertificateProblem('untrusted', certificate, String(socket.authorizationError ?? nameError?.message ?? 'untrusted')));
        }
      }
      resolve({ socket, certificate });
    });
  });
}

/** Meets ISE's admin certificate without sending anything (first contact, and the pin check). */
export async function probeCertificate(host: string, port: number, timeoutMs: number): Promise<{ certificate: IseCertificate } | { code: string }> {
  try {
    const { socket, certificate } = await verifiedSocket(host, port, { kind: 'look' }, timeoutMs);
    socket.destroy();
    return { certificate };
  } catch (err) {
    return { code: (err as NodeJS.ErrnoException).code ?? 'ECONNRESET' };
  }
}

export async function iseHttp(req: IseHttpRequest): Promise<IseHttpResult> {
  if (req.trust.kind === 'look' && req.headers?.['Authorization']) throw new Error('credentials need a pinned or CA-verified certificate');
  const started = Date.now();
  let opened: { socket: TLSSocket; certificate: IseCertificate };
  try {
    opened = await verifiedSocket(req.host, req.port, req.trust, req.timeoutMs);
  } catch (err) {
    if (err instanceof CertificateProblem) return { kind: 'certificate', problem: err.problem, certificate: err.certificate, ...(err.reason ? { reason: err.reason } : {}) };
    return { kind: 'network', code: (err as NodeJS.ErrnoException).code ?? 'ECONNRESET' };
  }
  const remaining = Math.max(1, req.timeoutMs - (Date.now() - started));
  const max = req.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise<IseHttpResult>((resolve) => {
    let settled = false;
    const done = (r: IseHttpResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opened.socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => {
      r.destroy();
      done({ kind: 'network', code: 'ETIMEDOUT' });
    }, remaining);
    const r = request(
      {
        host: req.host,
        port: req.port,
        method: req.method,
        path: req.path,
        headers: { ...(req.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(req.body)) } : {}), ...req.headers, Connection: 'close' },
        // The verified socket, handed over only now: nothing was written before the check.
        createConnection: () => opened.socket,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > max) return done({ kind: 'too-large', status: res.statusCode ?? 0 });
          chunks.push(c);
        });
        res.on('end', () => done({ kind: 'response', status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), certificate: opened.certificate }));
        res.on('error', () => done({ kind: 'network', code: 'ECONNRESET' }));
      },
    );
    r.on('error', (err: NodeJS.ErrnoException) => done({ kind: 'network', code: err.code ?? 'ECONNRESET' }));
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}
