import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../../electron/core/handlers/dispatch';
import { troubleshootHandlers } from '../../../../electron/core/handlers/troubleshoot';

// Issue 13 point 8: the last analysis outlives a reload of the window (main keeps it in memory) until cleared.
const FIXTURES = path.join(__dirname, '../../../fixtures/guest-log');
const ctx = { dataDir: os.tmpdir(), version: '0.0.0-test', shell: 'browser', practice: false } as const;

async function analyse(handlers: Handlers, name: string) {
  const uploadId = randomUUID();
  const bytesBase64 = fs.readFileSync(path.join(FIXTURES, name)).toString('base64');
  expect((await dispatch(handlers, 'logUploadChunk', { uploadId, name, offset: 0, bytesBase64 })).ok).toBe(true);
  const r = await dispatch(handlers, 'analyzeLogUploads', { uploadIds: [uploadId] });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the last log analysis, kept in main', () => {
  it('is nothing before any analysis', async () => {
    const handlers = troubleshootHandlers(ctx) as unknown as Handlers;
    expect(await dispatch(handlers, 'lastLogAnalysis', {})).toEqual({ ok: true, value: { analysis: null } });
  });

  it('is the latest analysis, until cleared', async () => {
    const handlers = troubleshootHandlers(ctx) as unknown as Handlers;
    await analyse(handlers, 'guide-pkix.log');
    const latest = await analyse(handlers, 'token-failures.log');
    expect(await dispatch(handlers, 'lastLogAnalysis', {})).toEqual({ ok: true, value: { analysis: latest } });
    expect(await dispatch(handlers, 'clearLogAnalysis', {})).toEqual({ ok: true, value: { cleared: true } });
    expect(await dispatch(handlers, 'lastLogAnalysis', {})).toEqual({ ok: true, value: { analysis: null } });
    expect(await dispatch(handlers, 'clearLogAnalysis', {})).toEqual({ ok: true, value: { cleared: false } });
  });

  it('belongs to its process: other handlers (another app run) do not see it', async () => {
    const first = troubleshootHandlers(ctx) as unknown as Handlers;
    await analyse(first, 'guide-pkix.log');
    const second = troubleshootHandlers(ctx) as unknown as Handlers;
    expect(await dispatch(second, 'lastLogAnalysis', {})).toEqual({ ok: true, value: { analysis: null } });
  });
});
