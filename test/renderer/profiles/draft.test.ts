import { describe, expect, it } from 'vitest';
import { draftFor, loadResume, RESUME_KEY, saveResume, type WizardResume } from '../../../renderer/profiles/draft';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('wizard resume point', () => {
  it('starts with no profile when nothing is saved or the saved text is broken', () => {
    expect(loadResume(memoryStorage())).toEqual({ profileId: null, unsaved: {}, visited: {} });
    expect(loadResume(memoryStorage({ [RESUME_KEY]: '{not json' }))).toEqual({ profileId: null, unsaved: {}, visited: {} });
    expect(loadResume(memoryStorage({ [RESUME_KEY]: JSON.stringify({ profileId: 7 }) })).profileId).toBeNull();
  });

  it('round-trips profile, unsaved values and visited screens', () => {
    const s = memoryStorage();
    const resume: WizardResume = { profileId: 'p1', unsaved: { p1: { mailbox: 'bad@' } }, visited: { p1: ['mailbox', 'ise'] } };
    saveResume(s, resume);
    expect(loadResume(s)).toEqual(resume);
  });

  it('never stores anything but known draft fields (a secret cannot ride along)', () => {
    const s = memoryStorage();
    saveResume(s, { profileId: null, unsaved: { new: { tenantId: 't', clientSecret: 'hunter2' } as never }, visited: {} });
    expect(s.data.get(RESUME_KEY)).not.toContain('hunter2');
    expect(loadResume(s).unsaved.new).toEqual({ tenantId: 't' });
  });
});

describe('draftFor', () => {
  it('overlays unsaved values on the profile', () => {
    const profile = {
      id: 'p1',
      name: 'Contoso',
      mailbox: 'no-reply@contoso.com',
      tenantId: 't',
      clientId: 'c',
      route: 'classic',
      iseVersion: '3.3 P8',
      secretExpiry: '2027-01-01',
    } as never;
    const d = draftFor(profile, { clientId: 'typed' });
    expect(d.mailbox).toBe('no-reply@contoso.com');
    expect(d.clientId).toBe('typed');
    expect(d.secretExpiry).toBe('2027-01-01');
    expect(d.servicePrincipalObjectId).toBe('');
  });
});
