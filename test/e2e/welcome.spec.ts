import { test, expect } from './fixtures';

test.describe('welcome screen in browser mode', () => {
  test('renders the steps and the installation status from a contract call', async ({ page, server }, testInfo) => {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
    const steps = page.getByTestId('welcome-steps').getByRole('listitem');
    await expect(steps).toHaveCount(5);
    for (const title of ['Mailbox', 'App registration', 'Service principal', 'ISE settings', 'Verify']) {
      await expect(page.getByTestId('welcome-steps')).toContainText(title);
    }
    // The version comes back across the contract (appInfo), so this proves the round trip.
    await expect(page.getByTestId('app-version')).toHaveText(/Version \d+\.\d+\.\d+/);
    await expect(page.getByTestId('keychain-status')).toBeVisible();
    // The token left the address bar once read.
    expect(page.url()).not.toContain('token=');
    await page.screenshot({ path: testInfo.outputPath('welcome.png'), fullPage: true });
    await testInfo.attach('welcome', { path: testInfo.outputPath('welcome.png'), contentType: 'image/png' });
  });

  test('switching language changes the text and is remembered', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
    await page.getByLabel('Language').selectOption('de');
    await expect(page.getByRole('heading', { name: 'Willkommen' })).toBeVisible();
    await expect(page.getByTestId('welcome-steps')).toContainText('App-Registrierung');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Willkommen' })).toBeVisible();
    await page.getByLabel('Sprache').selectOption('zh-TW');
    await expect(page.getByRole('heading', { name: '歡迎' })).toBeVisible();
  });

  test('the page runs under a strict CSP with no console errors', async ({ page, server }) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    const response = await page.goto(server.url);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response!.headers()['content-security-policy']).toContain("default-src 'none'");
    await expect(page.getByTestId('app-version')).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe('browser mode refuses what is not its own page', () => {
  test('a call without the token is refused', async ({ request, server }) => {
    const res = await request.post(`${server.origin}/api/appInfo`, { data: {} });
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHORIZED');
  });

  test('a call with a wrong token is refused', async ({ request, server }) => {
    const res = await request.post(`${server.origin}/api/appInfo`, { data: {}, headers: { 'X-Setup-Token': 'x'.repeat(server.token.length) } });
    expect(res.status()).toBe(401);
  });

  test('a call with the token succeeds', async ({ request, server }) => {
    const res = await request.post(`${server.origin}/api/appInfo`, { data: {}, headers: { 'X-Setup-Token': server.token } });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.ok).toBe(true);
    expect(body.value.shell).toBe('browser');
  });

  test('a foreign Host (DNS rebinding) is refused', async ({ request, server }) => {
    const res = await request.post(`${server.origin}/api/appInfo`, {
      data: {},
      headers: { 'X-Setup-Token': server.token, Host: `attacker.example:${server.port}` },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe('FORBIDDEN_HOST');
  });

  test('a foreign Origin is refused, and no CORS header is sent', async ({ request, server }) => {
    const res = await request.post(`${server.origin}/api/appInfo`, {
      data: {},
      headers: { 'X-Setup-Token': server.token, Origin: 'https://attacker.example' },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe('FORBIDDEN_ORIGIN');
    expect(res.headers()['access-control-allow-origin']).toBeUndefined();
  });

  test('a page on another origin cannot read the API', async ({ page, server }) => {
    // A real cross-origin fetch from Chromium: the other origin is the same server under "localhost",
    // which the browser treats as a different origin.
    await page.goto(`http://localhost:${server.port}/`);
    const outcome = await page.evaluate(async ([origin, token]) => {
      try {
        const r = await fetch(`${origin}/api/appInfo`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Setup-Token': token! }, body: '{}' });
        return `status ${r.status}`;
      } catch {
        return 'blocked';
      }
    }, [server.origin, server.token]);
    expect(outcome).toBe('blocked');
  });
});
