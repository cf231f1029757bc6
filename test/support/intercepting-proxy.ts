import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, createSecureContext, TLSSocket } from 'node:tls';
import { generate } from 'selfsigned';

const HOST = '127.0.0.1';
const DAY_MS = 86_400_000;

/**
 * A corporate TLS-inspecting proxy in miniature: an HTTP CONNECT proxy on 127.0.0.1 that, for the
 * ports it is told to inspect, answers the CONNECT, terminates the client's TLS with a leaf from
 * its own "inspection CA", and re-originates TLS to the real endpoint (trusting `upstreamCaPem`),
 * so the client sees the proxy's chain instead of the server's. Every other CONNECT (here: SMTP
 * on 587) is tunnelled plainly, byte for byte: intercepting STARTTLS needs the proxy to speak
 * SMTP, which inspection appliances rarely do for submission traffic.
 */
export interface InterceptingProxy {
  url: string;
  /** The inspection CA the client must trust to get through (PEM). */
  caPem: string;
  /** Connections whose TLS was terminated by the proxy, and those tunnelled untouched ("host:port"). */
  intercepted: string[];
  tunnelled: string[];
  close(): Promise<void>;
}

async function inspectionPki(): Promise<{ caPem: string; leaf: { cert: string; key: string } }> {
  const now = Date.now();
  const ca = await generate([{ name: 'commonName', value: 'Contoso Corporate Inspection CA (test)' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + 30 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  // The leaf an inspecting proxy mints on the fly for the host the client asked for.
  const leaf = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + 30 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
    ca: { cert: ca.cert, key: ca.private },
  });
  return { caPem: ca.cert, leaf: { cert: `${leaf.cert.trim()}\n${ca.cert.trim()}\n`, key: leaf.private } };
}

/** Starts the proxy; `inspectPorts` are the CONNECT target ports whose TLS it terminates. */
export async function startInterceptingProxy(opts: { inspectPorts: number[]; upstreamCaPem: string }): Promise<InterceptingProxy> {
  const { caPem, leaf } = await inspectionPki();
  const context = createSecureContext({ cert: leaf.cert, key: leaf.key });
  const intercepted: string[] = [];
  const tunnelled: string[] = [];
  const sockets = new Set<Socket>();

  const server: Server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const [host, portText] = String(req.url).split(':');
    const port = Number(portText);
    client.on('error', () => client.destroy());
    // Tests only ever talk to 127.0.0.1: refuse any other target outright.
    if (host !== HOST || !Number.isInteger(port)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    if (!opts.inspectPorts.includes(port)) {
      tunnelled.push(`${host}:${port}`);
      const upstream = netConnect({ host, port }, () => {
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        if (head.length) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      return;
    }
    intercepted.push(`${host}:${port}`);
    client.write('HTTP/1.1 200 Connection established\r\n\r\n');
    if (head.length) client.unshift(head);
    const inner = new TLSSocket(client, { isServer: true, secureContext: context });
    inner.on('error', () => client.destroy());
    // Re-originate only once the client's handshake succeeded: a client that refuses our chain
    // (the PKIX case) never reaches the real server, as with a real inspecting proxy.
    inner.once('secure', () => {
      const upstream = tlsConnect({ host, port, ca: [opts.upstreamCaPem] }, () => {
        upstream.pipe(inner);
        inner.pipe(upstream);
      });
      upstream.on('error', () => inner.destroy());
      inner.on('close', () => upstream.destroy());
    });
  });

  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://${HOST}:${port}`,
    caPem,
    intercepted,
    tunnelled,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
