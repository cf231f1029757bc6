import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../../../electron/core/diagnostics';
import { startPracticeTenant, type PracticeTenant } from '../../../../electron/practice';

// One SMTP session per diagnosis, as ISE holds it: set up, then AUTH (and the test mail) on it.
const HOST = '127.0.0.1';
let dataDir: string;
let tenant: PracticeTenant;
const servers: Server[] = [];
const sockets = new Set<Socket>();

function listen(server: Server): Promise<number> {
  servers.push(server);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => server.listen(0, HOST, () => resolve((server.address() as { port: number }).port)));
}

/** A TCP relay in front of a port that counts the connections made through it. */
async function countingRelay(targetPort: number): Promise<{ port: number; connections: () => number }> {
  let count = 0;
  const port = await listen(
    createServer((client) => {
      count++;
      const upstream = connect(targetPort, HOST);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    }),
  );
  return { port, connections: () => count };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'diag-session-'));
  tenant = await startPracticeTenant({ dataDir });
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await tenant?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function options(smtpPort: number, authorityHost = tenant.authorityHost) {
  const c = tenant.credentials();
  return {
    tenantId: c.tenantId,
    clientId: c.clientId,
    mailbox: c.mailbox,
    clientSecret: c.clientSecret,
    servicePrincipalObjectId: c.servicePrincipalObjectId,
    authorityHost,
    smtpHost: tenant.smtpHost,
    smtpPort,
    caPem: tenant.caPem,
    timeoutSeconds: 2,
    practice: true,
  };
}

describe('one SMTP session carries set-up, AUTH and the test mail', () => {
  it('the healthy tenant is proven over a single SMTP connection, with the set-up evidence kept', async () => {
    tenant.setScenario('healthy');
    const relay = await countingRelay(tenant.smtpPort);
    const before = tenant.receivedMail().length;
    const report = await diagnose({ ...options(relay.port), sendTo: 'helpdesk@contoso.com' });
    expect(report.ok, JSON.stringify(report.findings)).toBe(true);
    expect(report.checks.find((c) => c.id === 'smtp.auth')?.status).toBe('pass');
    expect(report.checks.find((c) => c.id === 'smtp.send')?.status).toBe('pass');
    expect(tenant.receivedMail().length).toBe(before + 1);
    expect(relay.connections()).toBe(1);

    const smtp = report.checks.find((c) => c.id === 'network.smtp')!;
    expect(smtp.status).toBe('pass');
    expect(String(smtp.evidence.banner)).toMatch(/^220 /);
    expect(smtp.evidence.capabilitiesBeforeTls).toContain('STARTTLS');
    expect(smtp.evidence.authMechanisms).toContain('XOAUTH2');
    expect(smtp.evidence.tlsProtocol).toMatch(/^TLSv1\.[23]$/);
    const chain = smtp.evidence.chain as Array<{ pem: string; subject: string }>;
    expect(chain.length).toBeGreaterThan(0);
    expect(chain[0]!.pem).toContain('BEGIN CERTIFICATE');
  });

  it('a session that ended while the token was on its way is replaced by a fresh one for AUTH', async () => {
    tenant.setScenario('healthy');
    // The token endpoint answers late (a relay that waits before connecting on), and the SMTP
    // relay drops the first session 100 ms after it is set up, like a server's idle timeout.
    const slowLogin = await listen(
      createServer((client) => {
        client.pause();
        setTimeout(() => {
          const upstream = connect(Number(new URL(tenant.authorityHost).port), HOST);
          client.pipe(upstream).pipe(client);
          client.resume();
          client.on('error', () => upstream.destroy());
          upstream.on('error', () => client.destroy());
        }, 600);
      }),
    );
    let count = 0;
    const dropping = await listen(
      createServer((client) => {
        count++;
        const upstream = connect(tenant.smtpPort, HOST);
        client.pipe(upstream).pipe(client);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
        if (count === 1) setTimeout(() => client.destroy(), 450);
      }),
    );
    const report = await diagnose(options(dropping, `https://${HOST}:${slowLogin}`));
    expect(report.checks.find((c) => c.id === 'network.smtp')?.status).toBe('pass');
    expect(report.checks.find((c) => c.id === 'smtp.auth')?.status, JSON.stringify(report.findings)).toBe('pass');
    expect(count).toBe(2);
  });
});

describe('STARTTLS is required, as ISE requires it', () => {
  it('a server that does not offer STARTTLS is never sent STARTTLS (nor anything secret)', async () => {
    const received: string[] = [];
    const port = await listen(
      createServer((socket) => {
        socket.write('220 AM0PR02CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready\r\n');
        let buf = '';
        socket.on('data', (chunk: Buffer) => {
          buf += chunk.toString();
          while (buf.includes('\r\n')) {
            const line = buf.slice(0, buf.indexOf('\r\n'));
            buf = buf.slice(buf.indexOf('\r\n') + 2);
            received.push(line);
            if (/^EHLO/i.test(line)) socket.write('250-AM0PR02CA0001 Hello\r\n250-SIZE 157286400\r\n250-AUTH LOGIN XOAUTH2\r\n250 SMTPUTF8\r\n');
            else if (/^STARTTLS/i.test(line)) socket.write('220 2.0.0 SMTP server ready\r\n');
            else socket.write('250 OK\r\n');
          }
        });
        socket.on('error', () => undefined);
      }),
    );
    const report = await diagnose({ ...options(port), steps: ['service-principal'] });
    expect(report.checks.find((c) => c.id === 'network.smtp')?.findings[0]?.code).toBe('SMTP_STARTTLS_UNAVAILABLE');
    expect(report.checks.find((c) => c.id === 'smtp.auth')?.status).toBe('skip');
    expect(received.some((l) => /^STARTTLS/i.test(l))).toBe(false);
    expect(received.some((l) => /^AUTH/i.test(l))).toBe(false);
    expect(received[0]).toMatch(/^EHLO /);
  });
});

describe('a TLS failure still yields the chain to import', () => {
  it('an untrusted chain on STARTTLS is named and its certificates captured', async () => {
    tenant.setScenario('healthy');
    const report = await diagnose({ ...options(tenant.smtpPort), caPem: undefined, steps: ['network'] });
    const smtp = report.checks.find((c) => c.id === 'network.smtp')!;
    expect(smtp.findings[0]?.code).toBe('TLS_UNTRUSTED_CHAIN');
    expect((smtp.evidence.chain as unknown[]).length).toBeGreaterThan(0);
    expect(smtp.evidence.capabilitiesBeforeTls).toContain('STARTTLS');
  });
});
