import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { probeSmtp } from '../../../../electron/core/diagnostics/network-probe';
import { openSmtpSession } from '../../../../electron/core/diagnostics/smtp-session';
import { MAX_SMTP_REPLY_BYTES } from '../../../../electron/core/diagnostics/smtp-protocol';

// Issue 17 point 3: what is read from an SMTP server is capped; a reply past the cap is
// NET_REPLY_TOO_LARGE, whichever reader (nodemailer's session, our own probe) is reading.
const HOST = '127.0.0.1';
const servers: Server[] = [];
const sockets = new Set<Socket>();
const id = (s: string) => s;

/** An SMTP server whose greeting never ends: one endless line, or endless continuation lines. */
function endlessGreeting(shape: 'line' | 'continuations'): Promise<{ port: number; sent: () => number }> {
  let sent = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const piece = shape === 'line' ? Buffer.alloc(16 * 1024, 0x41) : Buffer.from('220-AM0PR02CA0001.outlook.office365.com still greeting\r\n'.repeat(300));
    if (shape === 'line') socket.write('220 ');
    const pump = () => {
      while (!socket.destroyed && sent < 256 * 1024 * 1024 && socket.write(piece)) sent += piece.length;
    };
    socket.on('drain', pump);
    pump();
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, HOST, () => resolve({ port: (server.address() as { port: number }).port, sent: () => sent })));
}

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

describe.each(['line', 'continuations'] as const)('an endless SMTP greeting (%s)', (shape) => {
  it('the session (nodemailer) reports NET_REPLY_TOO_LARGE and stops reading', async () => {
    const { port, sent } = await endlessGreeting(shape);
    const out = await openSmtpSession({ host: HOST, port, timeoutMs: 5000 }, id);
    expect(out.ok).toBe(false);
    expect(out.findings[0]).toMatchObject({ code: 'NET_REPLY_TOO_LARGE', params: { host: HOST, port, limit: MAX_SMTP_REPLY_BYTES, phase: 'banner' } });
    expect(sent()).toBeLessThan(32 * 1024 * 1024);
  });

  it('the hand-spoken probe reports NET_REPLY_TOO_LARGE and stops reading', async () => {
    const { port, sent } = await endlessGreeting(shape);
    const out = await probeSmtp({ host: HOST, port, timeoutMs: 5000 }, id);
    expect(out.ok).toBe(false);
    expect(out.findings[0]).toMatchObject({ code: 'NET_REPLY_TOO_LARGE', params: { host: HOST, port, limit: MAX_SMTP_REPLY_BYTES, phase: 'banner' } });
    expect(sent()).toBeLessThan(32 * 1024 * 1024);
  });
});

describe('a healthy greeting', () => {
  it('is read whole, with no size finding', async () => {
    const server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.write('220 AM0PR02CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready\r\n');
      socket.on('data', () => socket.write('250-AM0PR02CA0001 Hello\r\n250 SMTPUTF8\r\n'));
    });
    servers.push(server);
    const port = await new Promise<number>((resolve) => server.listen(0, HOST, () => resolve((server.address() as { port: number }).port)));
    const out = await probeSmtp({ host: HOST, port, timeoutMs: 2000 }, id);
    // No STARTTLS offered: that is the finding, not the size.
    expect(out.findings.map((f) => f.code)).toEqual(['SMTP_STARTTLS_UNAVAILABLE']);
  });
});
