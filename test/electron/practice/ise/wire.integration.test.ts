import fs from 'node:fs';
import { request } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeIse, type PracticeIse } from '../../../../electron/practice/ise';

/** The practice ISE's wire format, per endpoint, as Cisco's documents give it (automation-apis.md §D). */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ise-wire-'));
let ise: PracticeIse;
beforeAll(async () => {
  ise = await startPracticeIse({ dataDir, mailbox: 'no-reply@contoso.onmicrosoft.com' });
});
afterAll(async () => {
  await ise?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function call(port: number, pathName: string, opts: { method?: string; auth?: string | null; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string; code?: string }> {
  return new Promise((resolve) => {
    const auth = opts.auth === null ? {} : { Authorization: `Basic ${Buffer.from(opts.auth ?? `admin:${ise.password}`).toString('base64')}` };
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const r = request(
      { host: '127.0.0.1', port, path: pathName, method: opts.method ?? 'GET', rejectUnauthorized: false, agent: false, headers: { Accept: 'application/json', ...auth, ...(body ? { 'Content-Type': 'application/json' } : {}), ...opts.headers } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    r.on('error', (err: NodeJS.ErrnoException) => resolve({ status: 0, headers: {}, body: '', code: err.code ?? '' }));
    r.end(body);
  });
}

describe('ERS', () => {
  it('iseversion: OperationResult.resultValue with version and the comma list of patches', async () => {
    const r = await call(ise.ersPort, '/ers/config/op/systemconfig/iseversion');
    expect(JSON.parse(r.body)).toEqual({ OperationResult: { resultValue: [{ value: '3.4.0.608', name: 'version' }, { value: '1,2,3,4', name: 'patch information' }] } });
  });
  it('guestsmtpnotificationsettings: SearchResult, then the ERSGuestSmtpNotificationSettings with string port and timeout', async () => {
    const list = JSON.parse((await call(ise.ersPort, '/ers/config/guestsmtpnotificationsettings')).body);
    expect(list.SearchResult.total).toBe(1);
    const one = JSON.parse((await call(ise.ersPort, `/ers/config/guestsmtpnotificationsettings/${list.SearchResult.resources[0].id}`)).body).ERSGuestSmtpNotificationSettings;
    expect(one).toMatchObject({ smtpPort: '587', connectionTimeout: '60', notificationEnabled: true, useDefaultFromAddress: true, defaultFromAddress: 'no-reply@contoso.onmicrosoft.com' });
  });
  it('an unknown resource: 404 ERSResponse with messages[{title,type,code}]', async () => {
    const r = await call(ise.ersPort, '/ers/config/guestsmtpnotificationsettings/nope');
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body).ERSResponse.messages[0]).toMatchObject({ type: 'ERROR', code: 'Resource not found exception' });
  });
  it('no or wrong credentials: 401 with a Basic challenge', async () => {
    expect((await call(ise.ersPort, '/ers/config/op/systemconfig/iseversion', { auth: null })).status).toBe(401);
    expect((await call(ise.ersPort, '/ers/config/op/systemconfig/iseversion', { auth: 'admin:wrong' })).headers['www-authenticate']).toContain('Basic');
  });
  it('csrf: without a token 403 "CSRF nonce validation failed"; the fetch returns X-CSRF-Token and APPSESSIONID', async () => {
    await ise.setScenario('csrf');
    try {
      const refused = await call(ise.ersPort, '/ers/config/op/systemconfig/iseversion');
      expect(refused.status).toBe(403);
      expect(refused.body).toContain('CSRF nonce validation failed');
      const fetched = await call(ise.ersPort, '/ers/config/op/systemconfig/iseversion', { headers: { 'X-CSRF-Token': 'fetch' } });
      const token = String(fetched.headers['x-csrf-token']);
      const cookie = String((fetched.headers['set-cookie'] as string[])[0]).split(';')[0]!;
      expect((await call(ise.ersPort, '/ers/config/op/systemconfig/iseversion', { headers: { 'X-CSRF-Token': token, Cookie: cookie } })).status).toBe(200);
      expect((await call(ise.ersPort, '/ers/config/op/systemconfig/iseversion', { headers: { 'X-CSRF-Token': token } })).status).toBe(403);
    } finally {
      await ise.setScenario('healthy');
    }
  });
  it('ers-off: the port is closed (connection refused), OpenAPI still answers', async () => {
    await ise.setScenario('ers-off');
    try {
      expect((await call(ise.ersPort, '/ers/config/op/systemconfig/iseversion')).code).toBe('ECONNREFUSED');
      expect((await call(ise.apiPort, '/api/v1/patch')).status).toBe(200);
    } finally {
      await ise.setScenario('healthy');
    }
    expect((await call(ise.ersPort, '/ers/config/op/systemconfig/iseversion')).status).toBe(200);
  });
});

describe('OpenAPI', () => {
  it('/api/v1/patch: no response wrapper', async () => {
    const j = JSON.parse((await call(ise.apiPort, '/api/v1/patch')).body);
    expect(j.iseVersion).toBe('3.4.0.608');
    expect(j.patchVersion.map((p: { patchNumber: number }) => p.patchNumber)).toEqual([1, 2, 3, 4]);
    expect(j.response).toBeUndefined();
  });
  it('/api/v1/deployment/node: Cisco enums; one unknown node: 404 {"error":{"message"},"version"}', async () => {
    const j = JSON.parse((await call(ise.apiPort, '/api/v1/deployment/node')).body);
    expect(j.version).toBe('1.0.0');
    expect(j.response[0]).toMatchObject({ hostname: 'ise-pan01', roles: ['PrimaryAdmin', 'PrimaryMonitoring'], nodeStatus: 'Connected' });
    const missing = await call(ise.apiPort, '/api/v1/deployment/node/nope');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toEqual({ error: { message: 'No deployment node found' }, version: '1.0.0' });
  });
  it('/api/v1/system-settings/proxy: response + version; an unknown setting: {"code","message"}', async () => {
    expect(JSON.parse((await call(ise.apiPort, '/api/v1/system-settings/proxy')).body)).toMatchObject({ response: { fqdn: '', passwordRequired: false }, version: '1.0.0' });
    expect(JSON.parse((await call(ise.apiPort, '/api/v1/system-settings/nope')).body)).toEqual({ code: '404', message: 'Not Found' });
  });
  it('trusted certificates: list, import (200 "added successfully"), duplicate 409 "binary equal", comma in description 400', async () => {
    const before = JSON.parse((await call(ise.apiPort, '/api/v1/certs/trusted-certificate')).body).response.length;
    const pem = fs.readFileSync(path.join(dataDir, 'practice', 'ca.pem'), 'utf8');
    const body = { data: pem, allowBasicConstraintCAFalse: false, allowOutOfDateCert: false, allowSHA1Certificates: false, trustForIseAuth: true, description: 'practice' };
    const ok = await call(ise.apiPort, '/api/v1/certs/trusted-certificate/import', { method: 'POST', body });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).response.message).toBe('Trust certificate was added successfully');
    const dup = await call(ise.apiPort, '/api/v1/certs/trusted-certificate/import', { method: 'POST', body });
    expect(dup.status).toBe(409);
    expect(JSON.parse(dup.body)).toEqual({ response: { status: 'Fail', message: 'Certificates are having same subject, same serial number and they are binary equal. Hence skipping the replace', id: null }, version: '1.0.0' });
    expect((await call(ise.apiPort, '/api/v1/certs/trusted-certificate/import', { method: 'POST', body: { ...body, description: 'a, b' } })).status).toBe(400);
    expect((await call(ise.apiPort, '/api/v1/certs/trusted-certificate/import', { method: 'POST', body: { data: pem } })).status).toBe(417);
    expect(JSON.parse((await call(ise.apiPort, '/api/v1/certs/trusted-certificate')).body).response.length).toBe(before + 1);
    await ise.setScenario('healthy');
  });
  it('no credentials 401; a Helpdesk admin may read but not import (403); no SMTP settings endpoint exists', async () => {
    expect((await call(ise.apiPort, '/api/v1/patch', { auth: null })).status).toBe(401);
    expect((await call(ise.apiPort, '/api/v1/patch', { auth: `helpdesk:${ise.password}` })).status).toBe(200);
    expect((await call(ise.apiPort, '/api/v1/certs/trusted-certificate/import', { method: 'POST', auth: `helpdesk:${ise.password}`, body: {} })).status).toBe(403);
    expect((await call(ise.apiPort, '/api/v1/system-settings/smtp')).status).toBe(404);
  });
  it('openapi-off: /api/v1 answers 404 while the port stays open', async () => {
    await ise.setScenario('openapi-off');
    try {
      expect((await call(ise.apiPort, '/api/v1/patch')).status).toBe(404);
    } finally {
      await ise.setScenario('healthy');
    }
  });
});
