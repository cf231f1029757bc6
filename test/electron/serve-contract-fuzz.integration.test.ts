import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallName } from '../../shared/contract';
import { MAX_BODY_BYTES, startBrowserMode, type BrowserModeServer } from '../../electron/serve';
import { boundaryProblem, inputsFor, prototypeSnapshot, recordingHandlers } from '../support/contract-fuzz';

/**
 * Contract fuzzing through browser mode (issue 7 item 3) over real HTTP on 127.0.0.1: 10,000
 * requests for every call, one at a time on a keep-alive connection (about a second per
 * thousand here), the same generators as the IPC fuzz (test/electron/ipc-contract-fuzz.test.ts). Each input is
 * sent as its JSON text (what a browser can send), or, for one in ten, as raw bytes.
 */
const RUNS_PER_CALL = 10_000;
const TOTAL_REQUESTS = RUNS_PER_CALL * CALL_NAMES.length;

const { handlers, reached } = recordingHandlers();
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
let server: BrowserModeServer;
let root: string;
let protoBefore: string[];

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  protoBefore = prototypeSnapshot();
  root = mkdtempSync(join(tmpdir(), 'fuzz-http-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
  server = await startBrowserMode({ handlers, rendererDir: join(root, 'renderer'), port: 0 });
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  agent.destroy();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

function post(name: string, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/api/${name}`,
        headers: { 'Content-Type': 'application/json', 'X-Setup-Token': server.token, 'Content-Length': body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The JSON text of an input, or null when it has none (a BigInt, undefined, a function). */
function jsonText(input: unknown): string | null {
  try {
    return JSON.stringify(input) ?? null;
  } catch {
    return null;
  }
}

const rawBody = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
  fc.jsonValue({ maxDepth: 2 }).chain((v) => {
    const text = JSON.stringify(v);
    return fc.nat(text.length).map((cut) => Buffer.from(text.slice(0, cut)));
  }),
  fc.constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '\uFEFF{}', ' ', 'null', '[', '{"a":1}}').map((t) => Buffer.from(t)),
);

/** What the server sees: the parsed body, or 'unparsable'. */
function asServerSees(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return 'unparsable' as const;
  }
}

async function checkOne(name: CallName, body: Buffer): Promise<void> {
  const before = reached.length;
  const res = await post(name, body);
  const hit = reached.length > before;
  const answer = JSON.parse(res.text) as { ok: boolean; error?: { code: string } };
  if (body.length > MAX_BODY_BYTES) {
    if (res.status !== 413 || answer.error?.code !== 'BODY_TOO_LARGE' || hit) throw new Error(`${name}: oversized body got ${res.status} ${res.text.slice(0, 200)}`);
    return;
  }
  const seen = asServerSees(body);
  if (seen === 'unparsable') {
    if (res.status !== 400 || answer.error?.code !== 'INVALID_JSON' || hit) throw new Error(`${name}: bad JSON got ${res.status} ${res.text.slice(0, 200)}`);
    return;
  }
  if (res.status !== 200) throw new Error(`${name}: status ${res.status} ${res.text.slice(0, 200)}`);
  const problem = boundaryProblem(name, seen, answer, hit);
  if (problem) throw new Error(`${name}: ${problem}`);
}

describe(`contract fuzz through browser mode (${TOTAL_REQUESTS} HTTP requests in all)`, () => {
  for (const name of CALL_NAMES) {
    it(`${name}: ${RUNS_PER_CALL} requests, every answer is data and every rejection names its field`, async () => {
      const bodies = fc.oneof(
        { arbitrary: inputsFor(name).map((input) => Buffer.from(jsonText(input) ?? '')), weight: 9 },
        { arbitrary: rawBody, weight: 1 },
      );
      await fc.assert(fc.asyncProperty(bodies, (body) => checkOne(name, body)), { numRuns: RUNS_PER_CALL, seed: 20261122, endOnFailure: true });
    }, 180_000);
  }

  it('left no unhandled rejection, no polluted prototype, and the server still answers', async () => {
    await new Promise((r) => setImmediate(r));
    expect(unhandled).toEqual([]);
    expect(prototypeSnapshot()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const res = await post('profilesPage', Buffer.from('{}'));
    expect(res.status).toBe(200);
  });
});
