import type { ProfileView } from '../../shared/contract/profiles';

/**
 * The values a field engineer types, before and after they reach the profile. Never the
 * client secret: that goes to main with secretSet and is otherwise held only in memory.
 */
export interface WizardDraft {
  name: string;
  mailbox: string;
  tenantId: string;
  clientId: string;
  secretExpiry: string;
  route: 'classic' | 'app-rbac';
  servicePrincipalObjectId: string;
  iseVersion: string;
  sendTo: string;
}
export type DraftField = keyof WizardDraft;

export const EMPTY_DRAFT: WizardDraft = {
  name: '',
  mailbox: '',
  tenantId: '',
  clientId: '',
  secretExpiry: '',
  route: 'classic',
  servicePrincipalObjectId: '',
  iseVersion: '',
  sendTo: '',
};

/** The draft fields a profile stores (sendTo is only an input of the Verify check). */
export const PROFILE_FIELDS = ['mailbox', 'tenantId', 'clientId', 'secretExpiry', 'route', 'servicePrincipalObjectId', 'iseVersion'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/**
 * What is saved between launches: the current profile, what was typed but not yet saved, and
 * the screens opened per profile (the screen itself is the router's: shell/useRouter.ts).
 */
export interface WizardResume {
  profileId: string | null;
  /** Values not (yet) accepted by the profile, per profile id ('new' before one exists). */
  unsaved: Record<string, Partial<WizardDraft>>;
  /** Screens opened per profile, so a screen with values but no check shows "in progress". */
  visited: Record<string, string[]>;
}

export const RESUME_KEY = 'ise-smtp-oauth.wizard';

/** Reads the saved resume point; anything unreadable starts fresh rather than failing. */
export function loadResume(storage: { getItem(key: string): string | null }): WizardResume {
  const fresh: WizardResume = { profileId: null, unsaved: {}, visited: {} };
  try {
    const raw = storage.getItem(RESUME_KEY);
    if (!raw) return fresh;
    const parsed = JSON.parse(raw) as Partial<WizardResume>;
    return {
      profileId: typeof parsed.profileId === 'string' ? parsed.profileId : null,
      unsaved: parsed.unsaved && typeof parsed.unsaved === 'object' ? sanitizeUnsaved(parsed.unsaved) : {},
      visited: parsed.visited && typeof parsed.visited === 'object' ? parsed.visited : {},
    };
  } catch {
    return fresh;
  }
}

const DRAFT_KEYS = new Set<string>(Object.keys(EMPTY_DRAFT));

/** Keeps only known draft fields with string values: a secret can never ride along. */
function sanitizeUnsaved(unsaved: Record<string, unknown>): Record<string, Partial<WizardDraft>> {
  const out: Record<string, Partial<WizardDraft>> = {};
  for (const [id, values] of Object.entries(unsaved)) {
    if (!values || typeof values !== 'object') continue;
    const clean: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) if (DRAFT_KEYS.has(k) && typeof v === 'string') clean[k] = v;
    out[id] = clean as Partial<WizardDraft>;
  }
  return out;
}

export function saveResume(storage: { setItem(key: string, value: string): void }, resume: WizardResume): void {
  try {
    storage.setItem(RESUME_KEY, JSON.stringify({ ...resume, unsaved: sanitizeUnsaved(resume.unsaved) }));
  } catch {
    // Private mode or a full quota: the profile in main still holds every saved value.
  }
}

/** The draft a screen shows: the profile's stored values, overlaid with what was typed but not saved. */
export function draftFor(profile: ProfileView | null, unsaved: Partial<WizardDraft> | undefined): WizardDraft {
  const base: WizardDraft = profile
    ? {
        name: profile.name,
        mailbox: profile.mailbox,
        tenantId: profile.tenantId,
        clientId: profile.clientId,
        secretExpiry: profile.secretExpiry ?? '',
        route: profile.route,
        servicePrincipalObjectId: profile.servicePrincipalObjectId ?? '',
        iseVersion: profile.iseVersion,
        sendTo: '',
      }
    : { ...EMPTY_DRAFT };
  return { ...base, ...unsaved };
}
