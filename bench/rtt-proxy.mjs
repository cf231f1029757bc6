// A user-space stand-in for `tc qdisc … netem delay`: a TCP relay on 127.0.0.1 that makes every
// byte take half the round-trip time in each direction, including the TCP handshake.
// Why not netem: this machine's kernel has no sch_netem (`tc qdisc add … netem` fails with
// "Specified qdisc kind is unknown"), although `ip netns add` works.
//
// The model, per connection accepted at time c (≈ the client's connect() call), h = RTT/2:
// - the relay dials the server at c + h: the SYN's trip, so a server that speaks first (SMTP's
//   greeting) starts its clock half a round trip late, as on a real link;
// - server → client bytes sent at t arrive at max(t + h, c + 2h);
// - client → server bytes sent at t arrive at max(t + h, c + 3h): on the loopback the client's
//   connect() completes at once, on a real link only after the SYN-ACK (c + 2h), so its first
//   bytes (a TLS ClientHello) cannot reach the server before c + 3h.
// Each direction is a FIFO, so bytes keep their order whatever the timer jitter.
import net from 'node:net';

/**
 * Starts a delaying relay in front of 127.0.0.1:targetPort.
 * @param {{ targetPort: number, rttMs: number, port?: number }} opts
 * @returns {Promise<{ port: number, readonly connections: number, close(): Promise<void> }>}
 */
export async function startRttProxy({ targetPort, rttMs, port = 0 }) {
  const half = rttMs / 2;
  const sockets = new Set();
  let accepted = 0;

  /** A FIFO of chunks for one direction, each written at its due time. */
  function delayedPipe(to) {
    const queue = [];
    let timer = null;
    let ended = false;
    const flush = () => {
      timer = null;
      const now = performance.now();
      // 0.5 ms of slack: setTimeout has millisecond resolution and never fires early by design.
      while (queue.length && queue[0].at <= now + 0.5) {
        const item = queue.shift();
        if (item.end) {
          ended = true;
          to.end();
        } else if (!to.destroyed) to.write(item.chunk);
      }
      if (queue.length) timer = setTimeout(flush, Math.max(0, queue[0].at - performance.now()));
    };
    return {
      push(at, chunk, end = false) {
        if (ended) return;
        const last = queue.length ? queue[queue.length - 1].at : 0;
        queue.push({ at: Math.max(at, last), chunk, end });
        if (!timer) timer = setTimeout(flush, Math.max(0, queue[0].at - performance.now()));
      },
      cancel() {
        if (timer) clearTimeout(timer);
        queue.length = 0;
      },
    };
  }

  const server = net.createServer((client) => {
    const c = performance.now();
    accepted++;
    client.setNoDelay(true);
    sockets.add(client);
    client.pause();
    let upstream = null;
    const toServerQueue = [];
    const dial = setTimeout(() => {
      upstream = net.connect({ host: '127.0.0.1', port: targetPort });
      upstream.setNoDelay(true);
      sockets.add(upstream);
      const toClient = delayedPipe(client);
      const toServer = delayedPipe(upstream);
      for (const q of toServerQueue) toServer.push(q.at, q.chunk, q.end);
      toServerQueue.length = 0;
      upstream.on('data', (chunk) => toClient.push(Math.max(performance.now() + half, c + 2 * half), chunk));
      upstream.on('end', () => toClient.push(performance.now() + half, null, true));
      const closeBoth = () => {
        toClient.cancel();
        toServer.cancel();
        client.destroy();
        upstream.destroy();
      };
      upstream.on('error', closeBoth);
      upstream.on('close', () => sockets.delete(upstream));
      client.removeAllListeners('data');
      client.removeAllListeners('end');
      client.on('data', (chunk) => toServer.push(Math.max(performance.now() + half, c + 3 * half), chunk));
      client.on('end', () => toServer.push(performance.now() + half, null, true));
      client.on('error', closeBoth);
    }, half);
    // Bytes the client sends before the relay has dialled wait in order for the server side.
    client.on('data', (chunk) => toServerQueue.push({ at: Math.max(performance.now() + half, c + 3 * half), chunk, end: false }));
    client.on('end', () => toServerQueue.push({ at: performance.now() + half, chunk: null, end: true }));
    client.on('error', () => {
      clearTimeout(dial);
      upstream?.destroy();
    });
    client.on('close', () => {
      clearTimeout(dial);
      sockets.delete(client);
    });
    client.resume();
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    /** Connections accepted so far (each costs the client a TCP handshake, and a TLS one on top). */
    get connections() {
      return accepted;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Measures the relay's effective round-trip time: connect + N ping-pongs against an echo server.
 * Returns the median of the ping-pongs and the connect time (both in ms).
 * @param {number} rttMs
 * @param {number} pings
 */
export async function calibrate(rttMs, pings = 20) {
  const echo = net.createServer((s) => {
    s.setNoDelay(true);
    s.on('data', (d) => s.write(d));
    s.on('error', () => undefined);
  });
  await new Promise((r) => echo.listen(0, '127.0.0.1', r));
  const relay = await startRttProxy({ targetPort: echo.address().port, rttMs });
  const started = performance.now();
  const sock = net.connect({ host: '127.0.0.1', port: relay.port });
  sock.setNoDelay(true);
  await new Promise((r) => sock.once('connect', r));
  // The first echo includes the handshake the model adds (1.5 RTT before the first byte lands).
  const firstByte = await new Promise((r) => {
    sock.once('data', () => r(performance.now() - started));
    sock.write('x');
  });
  const samples = [];
  for (let i = 0; i < pings; i++) {
    const t = performance.now();
    await new Promise((r) => {
      sock.once('data', r);
      sock.write('x');
    });
    samples.push(performance.now() - t);
  }
  sock.destroy();
  await relay.close();
  await new Promise((r) => echo.close(r));
  samples.sort((a, b) => a - b);
  return { rttMs: samples[Math.floor(samples.length / 2)], connectPlusFirstEchoMs: firstByte };
}
