import { describe, expect, it, vi } from 'vitest';
import { createFakeElectron } from '../support/fake-electron';
import { CALL_NAMES } from '../../shared/contract';

// Checklist item 20: the preload exposes exactly the contract's named calls, nothing of Electron.
const fake = createFakeElectron();
vi.mock('electron', () => fake.module);

describe('preload surface', () => {
  it('exposes only window.setup with one method per contract call', async () => {
    await import('../../electron/preload');
    expect([...fake.record.exposed.keys()]).toEqual(['setup']);
    const api = fake.record.exposed.get('setup') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES].sort());
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('each method invokes its own channel with the input and nothing else', async () => {
    await import('../../electron/preload');
    const api = fake.record.exposed.get('setup') as Record<string, (input: unknown) => Promise<unknown>>;
    await api.appInfo!({});
    expect(fake.record.invoked.at(-1)).toEqual({ channel: 'setup:appInfo', args: [{}] });
  });
});
