import { describe, expect, it } from 'vitest';
import { appHandlers } from '../../../../electron/core/handlers/app';
import type { PracticeHost } from '../../../../electron/core/handlers/practice-tenant';

const host: PracticeHost = { running: false, get: async () => Promise.reject(new Error('not started in this test')), close: async () => {} };
const base = { dataDir: '/nonexistent', version: '9.9.9', shell: 'browser' as const };

describe('appInfo', () => {
  it('offers the practice tenant wherever the process carries one, even before it started', async () => {
    const info = await appHandlers({ ...base, practice: false, practiceHost: host }).appInfo({});
    expect(info).toMatchObject({ practice: true, version: '9.9.9', shell: 'browser' });
  });

  it('says no practice tenant where there is none', async () => {
    const info = await appHandlers({ ...base, practice: false }).appInfo({});
    expect(info.practice).toBe(false);
  });
});
