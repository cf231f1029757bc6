import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseGuestLogOutput } from '../../bench/guest-log.mjs';
import { protocolMinimumMs } from '../../bench/latency.mjs';
import { startRttProxy } from '../../bench/rtt-proxy.mjs';
import { summarize } from '../../bench/util.mjs';

describe('summarize', () => {
  it('gives median, min and max, the median of an even count being the mean of the middle two', () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, n: 3 });
    expect(summarize([4, 1, 2, 3])).toEqual({ median: 2.5, min: 1, max: 4, n: 4 });
  });
});

describe('protocolMinimumMs', () => {
  it('overlaps the token path (3 RTT) with the SMTP path (5 RTT + the 100 ms greeting delay), then adds AUTH', () => {
    expect(protocolMinimumMs(40)).toBe(340);
    // With a huge RTT the SMTP path still dominates; with none, only the greeting delay is left.
    expect(protocolMinimumMs(1000)).toBe(6100);
    expect(protocolMinimumMs(0)).toBe(100);
  });
});

describe('parseGuestLogOutput', () => {
  it('reads the rows of bench-guest-log.mjs by shape, with RSS optional, and its goal line', () => {
    const parsed = parseGuestLogOutput(
      [
        'file: 102 MB, 512000 lines',
        '',
        'tool                             time        speed peak RSS   result',
        'analyzer (in-process)          0.67 s     151 MB/s   111 MB   5248 entries',
        'grep -cE (C.UTF-8)             0.23 s     451 MB/s      n/a   5440 matching lines',
        '',
        'goal ≥ 200 MB/s: NOT met (151 MB/s); RSS < 200 MB: met (111 MB)',
      ].join('\n'),
    );
    expect(parsed.fileMb).toBe(102);
    expect(parsed.rows['analyzer (in-process)']).toEqual({ seconds: 0.67, mbPerSecond: 151, rssMb: 111, note: '5248 entries' });
    expect(parsed.rows['grep -cE (C.UTF-8)']?.rssMb).toBeNull();
    expect(parsed.goal).toMatch(/^goal ≥ 200 MB\/s/);
  });
});

describe('startRttProxy (the user-space netem)', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (closers.length) await closers.pop()!();
  });

  async function echoServer(greeting?: string): Promise<number> {
    const server = net.createServer((s) => {
      if (greeting) s.write(greeting);
      s.on('data', (d) => s.write(d));
      s.on('error', () => undefined);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => server.close(() => r())));
    return (server.address() as net.AddressInfo).port;
  }

  it('charges a round trip per request/reply and 1.5 RTT before the first client bytes arrive, keeping bytes in order', async () => {
    const rtt = 60;
    const relay = await startRttProxy({ targetPort: await echoServer(), rttMs: rtt });
    closers.push(relay.close);
    const started = performance.now();
    const sock = net.connect({ host: '127.0.0.1', port: relay.port });
    closers.push(async () => void sock.destroy());
    await new Promise((r) => sock.once('connect', r));
    let received = '';
    const got = (n: number) =>
      new Promise<number>((resolve) => {
        const on = (d: Buffer) => {
          received += d.toString();
          if (received.length >= n) {
            sock.off('data', on);
            resolve(performance.now());
          }
        };
        sock.on('data', on);
      });
    // Client speaks first (like a TLS ClientHello): connect (1 RTT) + the echo (1 RTT).
    sock.write('ab');
    const first = (await got(2)) - started;
    expect(first).toBeGreaterThanOrEqual(2 * rtt - 2);
    const t = performance.now();
    sock.write('cd');
    sock.write('ef');
    const second = (await got(6)) - t;
    expect(second).toBeGreaterThanOrEqual(rtt - 2);
    expect(received).toBe('abcdef');
  });

  it('lets a server that speaks first be heard one RTT after connect() began (the SMTP greeting)', async () => {
    const rtt = 60;
    const relay = await startRttProxy({ targetPort: await echoServer('220 hello\r\n'), rttMs: rtt });
    closers.push(relay.close);
    const started = performance.now();
    const sock = net.connect({ host: '127.0.0.1', port: relay.port });
    closers.push(async () => void sock.destroy());
    const greetingAt = await new Promise<number>((r) => sock.once('data', () => r(performance.now())));
    expect(greetingAt - started).toBeGreaterThanOrEqual(rtt - 2);
    expect(greetingAt - started).toBeLessThan(2 * rtt);
  });
});
