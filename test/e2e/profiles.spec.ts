import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, startWizardServer, test, type WizardServer } from './fixtures';

// One server per file with a fresh data folder: these tests create and delete profiles.
let server: WizardServer & { stop(): Promise<void> };
test.beforeAll(async () => {
  server = await startWizardServer();
});
test.afterAll(async () => {
  await server.stop();
});

const TENANT = '0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b';
const CLIENT = '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d';
/** A known secret: no export and no response to the page may contain it. */
const SECRET = 'Kx8Q~e2eCanary.SecretValue-7f3a9Zq';

async function api<T = unknown>(request: APIRequestContext, name: string, input: unknown): Promise<T> {
  const res = await request.post(`${server.origin}/api/${name}`, { data: input, headers: { 'X-Setup-Token': server.token } });
  const body = (await res.json()) as { ok: boolean; value: T; error?: unknown };
  expect(body.ok, `${name}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.value;
}

async function createProfile(request: APIRequestContext, name: string, extra: Record<string, unknown> = {}) {
  return api<{ id: string; name: string }>(request, 'profileCreate', { name, mailbox: 'no-reply@contoso.onmicrosoft.com', tenantId: TENANT, clientId: CLIENT, ...extra });
}

async function profileNames(request: APIRequestContext): Promise<string[]> {
  const list = await api<{ profiles: { name: string }[] }>(request, 'profilesPage', {});
  return list.profiles.map((p) => p.name).sort();
}

async function deleteAll(request: APIRequestContext) {
  const list = await api<{ profiles: { id: string }[] }>(request, 'profilesPage', {});
  for (const p of list.profiles) await api(request, 'profileDelete', { profileId: p.id });
}

async function openProfiles(page: Page) {
  await page.goto(server.url);
  await page.getByTestId('nav-profiles').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profiles' })).toBeVisible();
}

const row = (page: Page, name: string) => page.getByTestId('profile-row').filter({ has: page.getByText(name, { exact: true }) });

test.beforeEach(async ({ request }) => {
  await deleteAll(request);
});

test('create, rename, duplicate and delete (with confirmation) a profile', async ({ page, request }) => {
  await openProfiles(page);
  await expect(page.getByTestId('profiles-empty')).toBeVisible();

  await page.getByRole('button', { name: 'New profile' }).click();
  const create = page.getByTestId('create-profile-dialog');
  await create.getByLabel('Profile name').fill('Contoso HQ');
  await create.getByLabel('Customer').fill('Contoso Ltd');
  await create.getByLabel('Email Address').fill('not-a-mailbox');
  await create.getByLabel('Tenant ID').fill(TENANT);
  await create.getByLabel('Client ID').fill(CLIENT);
  await create.getByRole('button', { name: 'Create' }).click();
  // The rule is named beside the field, and nothing is created.
  await expect(create.getByText('Enter an email address like no-reply@contoso.onmicrosoft.com.')).toBeVisible();
  await create.getByLabel('Email Address').fill('no-reply@contoso.onmicrosoft.com');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create).toBeHidden();
  await expect(row(page, 'Contoso HQ')).toContainText('Contoso Ltd');
  await expect(row(page, 'Contoso HQ')).toContainText('no-reply@contoso.onmicrosoft.com');
  await expect(row(page, 'Contoso HQ')).toContainText('Not verified');
  await expect(row(page, 'Contoso HQ')).toContainText('Not stored');

  await page.getByRole('button', { name: 'More actions for Contoso HQ' }).click();
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  const rename = page.getByTestId('rename-profile-dialog');
  await rename.getByLabel('Profile name').fill('Contoso Zurich');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(row(page, 'Contoso Zurich')).toBeVisible();
  await expect(row(page, 'Contoso HQ')).toHaveCount(0);

  await page.getByRole('button', { name: 'More actions for Contoso Zurich' }).click();
  await page.getByRole('menuitem', { name: 'Duplicate' }).click();
  const duplicate = page.getByTestId('duplicate-profile-dialog');
  await expect(duplicate.getByLabel('Profile name')).toHaveValue('Contoso Zurich (copy)');
  await duplicate.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByTestId('profile-row')).toHaveCount(2);
  expect(await profileNames(request)).toEqual(['Contoso Zurich', 'Contoso Zurich (copy)']);

  // Cancel keeps the profile; confirming deletes it, and the dialog says the keychain entry goes too.
  await page.getByRole('button', { name: 'More actions for Contoso Zurich (copy)' }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  const del = page.getByTestId('delete-profile-dialog');
  await expect(del).toContainText('OS keychain');
  await del.getByRole('button', { name: 'Cancel' }).click();
  await expect(del).toBeHidden();
  await expect(page.getByTestId('profile-row')).toHaveCount(2);

  await page.getByRole('button', { name: 'More actions for Contoso Zurich (copy)' }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  await page.getByTestId('delete-profile-dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('profile-row')).toHaveCount(1);
  expect(await profileNames(request)).toEqual(['Contoso Zurich']);
});

test('the JSON export downloads a file without the secret', async ({ page, request }) => {
  const profile = await createProfile(request, 'Fabrikam', { customer: 'Fabrikam Inc', secretExpiry: '2099-12-31' });
  const responses: string[] = [];
  page.on('response', async (r) => {
    if (r.url().includes('/api/')) responses.push(await r.text().catch(() => ''));
  });
  await openProfiles(page);
  // The secret goes in through the masked field, as an engineer types it.
  await page.getByRole('button', { name: 'More actions for Fabrikam' }).click();
  await page.getByRole('menuitem', { name: 'Enter client secret…' }).click();
  const secretField = page.getByTestId('secret-dialog').getByLabel('Client Secret');
  await expect(secretField).toHaveAttribute('type', 'password');
  await secretField.fill(SECRET);
  await page.getByTestId('secret-dialog').getByRole('button', { name: 'Save secret' }).click();
  await expect(row(page, 'Fabrikam').getByTestId('secret-badge')).toHaveText('Stored in keychain');
  await expect(row(page, 'Fabrikam')).not.toContainText(SECRET.slice(-3)); // no part of the secret

  await page.getByRole('button', { name: 'Export Fabrikam' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Configuration \(JSON\)/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const content = await readFile((await download.path())!, 'utf8');
  const doc = JSON.parse(content) as Record<string, unknown>;
  expect(JSON.stringify(doc)).toContain(profile.name);
  expect(content).not.toContain(SECRET);
  expect(content).not.toContain(SECRET.slice(4, 20));
  expect(responses.length).toBeGreaterThan(0);
  for (const body of responses) expect(body).not.toContain(SECRET);
});

test('importing a tampered export shows the error and creates nothing; a good one asks for the secret', async ({ page, request }) => {
  const source = await createProfile(request, 'Northwind', { customer: 'Northwind Traders' });
  const exported = await api<{ content: string; fileName: string }>(request, 'exportProfile', { profileId: source.id, format: 'json' });
  await api(request, 'profileDelete', { profileId: source.id });
  const tampered = exported.content.replace('no-reply@contoso.onmicrosoft.com', 'attacker@contoso.onmicrosoft.com');
  expect(tampered).not.toBe(exported.content);

  await openProfiles(page);
  await page.getByTestId('import-file').setInputFiles({ name: 'northwind.json', mimeType: 'application/json', buffer: Buffer.from(tampered) });
  const error = page.getByTestId('profiles-error');
  await expect(error).toContainText('The profile was not imported');
  await expect(error).toContainText('changed after it was exported');
  expect(await profileNames(request)).toEqual([]);
  await expect(page.getByTestId('profile-row')).toHaveCount(0);

  await page.getByTestId('import-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await expect(error).toContainText('not an export of ISE SMTP OAuth Setup');
  expect(await profileNames(request)).toEqual([]);

  await page.getByTestId('import-file').setInputFiles({ name: exported.fileName, mimeType: 'application/json', buffer: Buffer.from(exported.content) });
  const secretDialog = page.getByTestId('secret-dialog');
  await expect(secretDialog).toContainText('“Northwind” was imported');
  await secretDialog.getByLabel('Client Secret').fill(SECRET);
  await secretDialog.getByRole('button', { name: 'Save secret' }).click();
  await expect(secretDialog).toBeHidden();
  await expect(row(page, 'Northwind').getByTestId('secret-badge')).toHaveText('Stored in keychain');
  await expect(row(page, 'Northwind')).not.toContainText(SECRET.slice(-3));
  expect(await profileNames(request)).toEqual(['Northwind']);
});

test('secrets close to expiry are warned about at the top and in the list', async ({ page, request }) => {
  const inDays = (n: number) => {
    const d = new Date();
    d.setDate(d.getDate() + n);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  await createProfile(request, 'Soon', { secretExpiry: inDays(20) });
  await createProfile(request, 'Urgent', { secretExpiry: inDays(5) });
  await createProfile(request, 'Fine', { secretExpiry: inDays(200) });
  await openProfiles(page);
  const bar = page.getByTestId('expiry-warnings');
  await expect(bar).toContainText('Urgent: the client secret expires in 5 days.');
  await expect(bar).toContainText('Soon: the client secret expires in 20 days.');
  await expect(bar).not.toContainText('Fine');
  await expect(row(page, 'Urgent').locator('[data-level="warn7"]')).toHaveText('5 days left');
  await expect(row(page, 'Soon').locator('[data-level="warn30"]')).toHaveText('20 days left');
  await expect(row(page, 'Fine').locator('[data-level="ok"]')).toHaveText('200 days left');
});

test('the profiles screen has no serious accessibility violations', async ({ page, request }) => {
  await createProfile(request, 'Axe check', { customer: 'Contoso' });
  await openProfiles(page);
  await expect(page.getByTestId('profile-row')).toHaveCount(1);
  // Scoped to this screen: the shell's navigation is another helper's and has its own a11y spec.
  const results = await new AxeBuilder({ page }).include('section[aria-labelledby="profiles-heading"]').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('profiles.png'), fullPage: true });
});

// A row's menus are mounted on first use (renderer/components/MenuButtonOnDemand.tsx): from the
// keyboard they open, move and close as Fluent's menu trigger does, and the names stay the same.
test('the row menus work from the keyboard before the pointer ever touched them', async ({ page, request }) => {
  await createProfile(request, 'Keyboard HQ', { secretExpiry: '2099-12-31' });
  await openProfiles(page);
  const more = page.getByRole('button', { name: 'More actions for Keyboard HQ' });
  await expect(more).toHaveAttribute('aria-haspopup', 'menu');
  // Enter (a click) opens it with the first item focused; Escape closes it and focus is back on the button.
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Rename' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Duplicate' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(more).toBeFocused();
  await expect(more).not.toHaveAttribute('aria-expanded', 'true');
  // Space opens it again (now Fluent's own trigger), and an item still acts.
  await page.keyboard.press('Space');
  await expect(page.getByRole('menuitem', { name: 'Rename' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rename-profile-dialog')).toBeVisible();
  await page.getByTestId('rename-profile-dialog').getByRole('button', { name: 'Cancel' }).click();

  // ArrowDown opens the export menu before the pointer or a click mounted it.
  const exportButton = page.getByRole('button', { name: 'Export Keyboard HQ' });
  await exportButton.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: /Configuration \(JSON\)/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(exportButton).toBeFocused();

  // The expiry badge's description is there for a screen reader without hovering.
  await expect(row(page, 'Keyboard HQ').locator('[data-level]')).toHaveAccessibleDescription(/^Expiry Date /);
});
