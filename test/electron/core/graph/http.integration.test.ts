import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDispatcher, callJson, HttpFailure, retryAfterMs } from '../../../../electron/core/graph/http';
import { GraphCallError, GraphClient } from '../../../../electron/core/graph/client';

let server: Server;
let base: string;
let hits = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    if (req.url === '/redirect') {
      res.writeHead(302, { Location: 'http://example.invalid/steal' });
      return res.end();
    }
    if (req.url === '/big') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(`"${'x'.repeat(5000)}"`);
    }
    if (req.url === '/hang') return; // never answers
    if (req.url?.startsWith('/v1.0/throttle')) {
      res.writeHead(429, { 'Retry-After': '0', 'Content-Type': 'application/json', 'request-id': 'r-429' });
      return res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Please retry again later.' } }));
    }
    res.writeHead(403, { 'Content-Type': 'application/json', 'request-id': 'r-403' });
    res.end(JSON.stringify({ error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.', innerError: { 'request-id': 'r-403' } } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('the admin clients\' HTTP: bounded, no redirects, capped', () => {
  it('never follows a redirect (the bearer token must not travel on)', async () => {
    await expect(callJson(adminDispatcher({}), 'GET', `${base}/redirect`, { Authorization: 'Bearer x' }, undefined)).rejects.toMatchObject({ kind: 'redirect' });
  });
  it('caps the reply size', async () => {
    await expect(callJson(adminDispatcher({}), 'GET', `${base}/big`, {}, undefined, { maxReplyBytes: 1000 })).rejects.toBeInstanceOf(HttpFailure);
  });
  it('bounds the call', async () => {
    await expect(callJson(adminDispatcher({ timeoutMs: 300 }), 'GET', `${base}/hang`, {}, undefined, { timeoutMs: 300 })).rejects.toMatchObject({ kind: 'timeout' });
  });
  it('Graph errors keep code and request id; 429 is retried a bounded number of times', async () => {
    const g = new GraphClient({ host: base, token: async () => 't', maxAttempts: 3, wait: async () => undefined });
    await expect(g.send('GET', '/x')).rejects.toMatchObject({ status: 403, code: 'Authorization_RequestDenied', requestId: 'r-403' });
    const before = hits;
    const err = await g.send('GET', '/throttle').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphCallError);
    expect(hits - before).toBe(3);
    expect(g.throttledWaits).toBe(2);
    await g.close();
  });
  it('Retry-After: seconds or a date, capped', () => {
    expect(retryAfterMs('2', 9)).toBe(2000);
    expect(retryAfterMs(undefined, 500)).toBe(500);
    expect(retryAfterMs('3600', 0)).toBe(30_000);
  });
});
