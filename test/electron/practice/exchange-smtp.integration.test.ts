import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPracticeTenant, type PracticeTenant } from '../../../electron/practice';
import type { PracticeScenario } from '../../../shared/practice';
import { accessToken, enhancedCode, sendWithNodemailer } from '../../support/practice-wire';

const dataDir = mkdtempSync(join(tmpdir(), 'practice-smtp-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function withTenant<T>(scenario: PracticeScenario, fn: (t: PracticeTenant) => Promise<T>): Promise<T> {
  const tenant = await startPracticeTenant({ dataDir, scenario });
  try {
    return await fn(tenant);
  } finally {
    await tenant.close();
  }
}

/** Reads what the server says in the first `ms` after connecting, after sending `lines`. */
function rawSession(t: PracticeTenant, lines: string[], ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(t.smtpPort, '127.0.0.1');
    let text = '';
    s.setEncoding('utf8');
    s.on('data', (d: string) => {
      const greeting = text === '';
      text += d;
      if (greeting) for (const l of lines) s.write(`${l}\r\n`);
    });
    s.on('error', reject);
    setTimeout(() => {
      s.destroy();
      resolve(text);
    }, ms);
  });
}

describe('practice Exchange Online SMTP over the wire (nodemailer)', () => {
  it('healthy: STARTTLS, AUTH XOAUTH2 235 2.7.0, the test mail arrives', async () => {
    await withTenant('healthy', async (t) => {
      const token = await accessToken(t);
      const transcript: string[] = [];
      const r = await sendWithNodemailer(t, { accessToken: token, transcript });
      expect(r).toMatchObject({ ok: true });
      expect(transcript).toContain('220 2.0.0 SMTP server ready');
      expect(transcript).toContain('235 2.7.0 Authentication successful');
      expect(transcript).toContain('250 2.1.0 Sender OK');
      expect(transcript).toContain('250 2.1.5 Recipient OK');
      // the token went over the wire only inside the AUTH line, and nodemailer masks it in its log
      expect(transcript.some((l) => l.includes(token))).toBe(false);
      expect(r.response).toMatch(/^250 2\.0\.0 OK </);
      const mail = t.receivedMail();
      expect(mail).toHaveLength(1);
      expect(mail[0]).toMatchObject({ user: t.credentials().mailbox, from: t.credentials().mailbox, to: ['trainer@contoso-practice.onmicrosoft.com'] });
      expect(mail[0]!.raw).toContain('Subject: ISE SMTP OAuth test');
    });
  });

  it('app-rbac-healthy: a token without roles authenticates through the role assignment', async () => {
    await withTenant('app-rbac-healthy', async (t) => {
      const r = await sendWithNodemailer(t, { accessToken: await accessToken(t) });
      expect(r.ok).toBe(true);
      expect(t.receivedMail()).toHaveLength(1);
    });
  });

  it('greets and lists capabilities like smtp.office365.com, AUTH only after STARTTLS', async () => {
    await withTenant('healthy', async (t) => {
      const text = await rawSession(t, ['EHLO ise.example.com', 'AUTH XOAUTH2 dGVzdA==', 'MAIL FROM:<x@y.com>'], 600);
      const lines = text.split('\r\n');
      expect(lines[0]).toMatch(/^220 \S+\.outlook\.office365\.com Microsoft ESMTP MAIL Service ready at /);
      expect(lines).toContain('250-SIZE 157286400');
      expect(lines).toContain('250-STARTTLS');
      expect(lines).toContain('250-ENHANCEDSTATUSCODES');
      expect(lines).toContain('250 SMTPUTF8');
      expect(lines.some((l) => l.includes('AUTH'))).toBe(false);
      // AUTH before TLS is refused; MAIL before AUTH gets Exchange's 530 5.7.57
      expect(lines.some((l) => /^5\d\d /.test(l) && l.includes('STARTTLS'))).toBe(true);
      expect(lines.some((l) => /^530 5\.7\.57 Client not authenticated to send mail\./.test(l))).toBe(true);
    });
  });

  it('MAIL FROM before AUTH → 530 5.7.57 (nodemailer without credentials)', async () => {
    await withTenant('healthy', async (t) => {
      const r = await sendWithNodemailer(t, { noAuth: true });
      expect({ ok: r.ok, responseCode: r.responseCode, enhanced: enhancedCode(r.response) }).toEqual({ ok: false, responseCode: 530, enhanced: '5.7.57' });
    });
  });

  it.each([
    ['no-admin-consent', 535, '5.7.3'],
    ['permission-under-graph', 535, '5.7.3'],
    ['no-service-principal', 535, '5.7.3'],
    ['sp-wrong-object-id', 535, '5.7.3'],
    ['no-mailbox-permission', 535, '5.7.3'],
    ['smtp-auth-off-tenant', 535, '5.7.139'],
    ['smtp-auth-off-mailbox', 535, '5.7.139'],
    ['security-defaults', 535, '5.7.139'],
    ['throttled', 432, '4.3.2'],
  ] as const)('%s: AUTH answers %d %s', async (scenario, responseCode, enhanced) => {
    await withTenant(scenario, async (t) => {
      const r = await sendWithNodemailer(t, { accessToken: await accessToken(t) });
      expect({ ok: r.ok, code: r.code, responseCode: r.responseCode, enhanced: enhancedCode(r.response) }).toEqual({ ok: false, code: 'EAUTH', responseCode, enhanced });
      expect(t.receivedMail()).toHaveLength(0);
    });
  });

  it('the 5.7.139 texts say tenant, mailbox or security defaults', async () => {
    const texts: Record<string, string | undefined> = {};
    for (const s of ['smtp-auth-off-tenant', 'smtp-auth-off-mailbox', 'security-defaults'] as const) {
      texts[s] = await withTenant(s, async (t) => (await sendWithNodemailer(t, { accessToken: await accessToken(t) })).response);
    }
    expect(texts['smtp-auth-off-tenant']).toContain('SmtpClientAuthentication is disabled for the Tenant');
    expect(texts['smtp-auth-off-mailbox']).toContain('SmtpClientAuthentication is disabled for the Mailbox');
    expect(texts['security-defaults']).toContain("security defaults policy");
  });

  it('a token for another mailbox user → 535 5.7.3; a Graph token → 535 5.7.3', async () => {
    await withTenant('healthy', async (t) => {
      const token = await accessToken(t);
      const other = await sendWithNodemailer(t, { accessToken: token, user: 'someone@contoso-practice.onmicrosoft.com', from: 'someone@contoso-practice.onmicrosoft.com' });
      expect({ responseCode: other.responseCode, enhanced: enhancedCode(other.response) }).toEqual({ responseCode: 535, enhanced: '5.7.3' });
      const graph = await sendWithNodemailer(t, { accessToken: await accessToken(t, { scope: 'https://graph.microsoft.com/.default' }) });
      expect({ responseCode: graph.responseCode, enhanced: enhancedCode(graph.response) }).toEqual({ responseCode: 535, enhanced: '5.7.3' });
    });
  });

  it('send-as-denied: AUTH succeeds, the message is refused at end of DATA with 554 5.2.252', async () => {
    await withTenant('send-as-denied', async (t) => {
      const r = await sendWithNodemailer(t, { accessToken: await accessToken(t) });
      expect({ ok: r.ok, code: r.code, responseCode: r.responseCode, enhanced: enhancedCode(r.response) }).toEqual({ ok: false, code: 'EMESSAGE', responseCode: 554, enhanced: '5.2.252' });
      expect(r.response).toContain('SendAsDenied;');
      expect(t.receivedMail()).toHaveLength(0);
    });
  });

  it('healthy, MAIL FROM another address → 554 5.2.252 SendAsDenied', async () => {
    await withTenant('healthy', async (t) => {
      const r = await sendWithNodemailer(t, { accessToken: await accessToken(t), from: 'ceo@contoso-practice.onmicrosoft.com' });
      expect({ responseCode: r.responseCode, enhanced: enhancedCode(r.response) }).toEqual({ responseCode: 554, enhanced: '5.2.252' });
      expect(r.response).toContain(`${t.credentials().mailbox} not allowed to send as ceo@contoso-practice.onmicrosoft.com`);
    });
  });

  it('smtp-hangs: the TCP connection opens, no greeting comes, the client times out', async () => {
    await withTenant('smtp-hangs', async (t) => {
      const r = await sendWithNodemailer(t, { accessToken: 'unused', greetingTimeout: 700 });
      expect(r.ok).toBe(false);
      expect(r.code).toBe('ETIMEDOUT');
      expect(r.ms).toBeGreaterThanOrEqual(650);
      expect(r.ms).toBeLessThan(3000);
      // and nothing at all was said on the wire
      expect(await rawSession(t, [], 300)).toBe('');
    });
  });

  it('untrusted-certificate: STARTTLS fails certificate verification', async () => {
    await withTenant('untrusted-certificate', async (t) => {
      const r = await sendWithNodemailer(t, { accessToken: 'unused' });
      expect(r.ok).toBe(false);
      expect(r.code).toBe('ESOCKET');
      expect(r.message).toMatch(/self-signed certificate in certificate chain|unable to verify|unable to get issuer/i);
    });
  });

  it('switches scenario live without a restart', async () => {
    await withTenant('healthy', async (t) => {
      const token = await accessToken(t);
      expect((await sendWithNodemailer(t, { accessToken: token })).ok).toBe(true);
      t.setScenario('smtp-auth-off-mailbox');
      expect(enhancedCode((await sendWithNodemailer(t, { accessToken: token })).response)).toBe('5.7.139');
      t.setScenario('healthy');
      expect((await sendWithNodemailer(t, { accessToken: token })).ok).toBe(true);
      expect(t.receivedMail()).toHaveLength(2);
    });
  });
});
