import { generate } from 'selfsigned';

/** A small test PKI (EC keys: fast), built with dates relative to `now`. */
export interface Pair {
  cert: string;
  key: string;
}

const DAY = 86_400_000;

/** A CA certificate: self-signed root, or an intermediate when `issuer` is given. */
export async function ca(commonName: string, now: Date, opts: { issuer?: Pair; organization?: string; days?: number } = {}): Promise<Pair> {
  const attrs = [{ name: 'commonName', value: commonName }, ...(opts.organization ? [{ name: 'organizationName', value: opts.organization }] : [])];
  const pems = await generate(attrs, {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - DAY),
    notAfterDate: new Date(now.getTime() + (opts.days ?? 3650) * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
    ...(opts.issuer ? { ca: opts.issuer } : {}),
  });
  return { cert: pems.cert, key: pems.private };
}

/** A server (leaf) certificate for 127.0.0.1/localhost; self-signed without `issuer`. */
export async function leaf(now: Date, opts: { issuer?: Pair; notBefore?: Date; notAfter?: Date; commonName?: string } = {}): Promise<Pair> {
  const pems = await generate([{ name: 'commonName', value: opts.commonName ?? 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: opts.notBefore ?? new Date(now.getTime() - DAY),
    notAfterDate: opts.notAfter ?? new Date(now.getTime() + 365 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
    ...(opts.issuer ? { ca: opts.issuer } : {}),
  });
  return { cert: pems.cert, key: pems.private };
}

export const days = (n: number) => n * DAY;
