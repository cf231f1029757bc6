import { describe, expect, it, vi } from 'vitest';
import { createFakeElectron } from '../support/fake-electron';

const fake = createFakeElectron();
vi.mock('electron', () => fake.module);
const { resolveAppUrl } = await import('../../electron/app-protocol');

describe('app:// scheme', () => {
  it('maps app://renderer/ paths into the renderer folder', () => {
    expect(resolveAppUrl('/opt/app/out/renderer', 'app://renderer/index.html')).toBe('/opt/app/out/renderer/index.html');
    expect(resolveAppUrl('/opt/app/out/renderer', 'app://renderer/assets/index-1.js')).toBe('/opt/app/out/renderer/assets/index-1.js');
  });

  it.each(['app://renderer/../secret', 'app://renderer/%2e%2e/secret'])('keeps dot segments inside the folder: %s', (url) => {
    // The URL parser folds these before we see them: they can only name files inside the folder.
    expect(resolveAppUrl('/opt/app/out/renderer', url)).toBe('/opt/app/out/renderer/secret');
  });

  it.each(['app://renderer/..%2f..%2fetc/passwd', 'app://other/index.html', 'file:///etc/passwd'])('refuses %s', (url) =>
    expect(resolveAppUrl('/opt/app/out/renderer', url)).toBeNull(),
  );
});
