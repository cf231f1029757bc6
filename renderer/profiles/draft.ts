import type { ProfileFields, ProfileView } from '../../shared/contract/profiles';
import type { Route } from '../../shared/diagnostic-report';

/**
 * The profile fields the wizard edits, and how an emptied one is saved: `optional` is cleared
 * (null), `text` is saved empty, `required` is refused by main (the step shows why), `choice`
 * always has a value. The one list behind the draft's type, its empty value, what a field save
 * sends and what a new profile is created with.
 */
export const PROFILE_FIELDS = {
  mailbox: 'required',
  siteName: 'optional',
  tenantId: 'required',
  clientId: 'required',
  secretExpiry: 'optional',
  route: 'choice',
  servicePrincipalObjectId: 'optional',
  iseVersion: 'text',
} as const satisfies Partial<Record<keyof ProfileFields, 'required' | 'optional' | 'text' | 'choice'>>;
export type ProfileField = keyof typeof PROFILE_FIELDS;
export const PROFILE_FIELD_NAMES = Object.keys(PROFILE_FIELDS) as ProfileField[];

/**
 * The values a field engineer types, before and after they reach the profile. Never the
 * client secret: that goes to main with secretSet and is otherwise held only in memory.
 * `sendTo` is only an input of the Verify check.
 */
export type WizardDraft = { name: string; sendTo: string; route: Route } & Record<Exclude<ProfileField, 'route'>, string>;
export type DraftField = keyof WizardDraft;

export const EMPTY_DRAFT: WizardDraft = {
  ...(Object.fromEntries(PROFILE_FIELD_NAMES.map((f) => [f, ''])) as Record<Exclude<ProfileField, 'route'>, string>),
  name: '',
  sendTo: '',
  route: 'classic',
};

/** A profile's stored values as the draft holds them (absent optional values as ''). */
function draftValues(profile: ProfileView): Omit<WizardDraft, 'name' | 'sendTo'> {
  return Object.fromEntries(PROFILE_FIELD_NAMES.map((f) => [f, profile[f] ?? ''])) as Omit<WizardDraft, 'name' | 'sendTo'>;
}

/** The fields of a new profile from the draft: every edited field with a value. */
export function createFieldsFrom(draft: WizardDraft): Partial<Pick<ProfileFields, ProfileField>> {
  return Object.fromEntries(PROFILE_FIELD_NAMES.filter((f) => draft[f] !== '').map((f) => [f, draft[f]])) as Partial<Pick<ProfileFields, ProfileField>>;
}

/** What saving one field sends: an emptied optional field is cleared (null). */
export function changeFor(field: ProfileField, value: string): Record<string, string | null> {
  return { [field]: value.trim() === '' && PROFILE_FIELDS[field] === 'optional' ? null : value };
}

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
  const base: WizardDraft = profile ? { ...draftValues(profile), name: profile.name, sendTo: '' } : { ...EMPTY_DRAFT };
  return { ...base, ...unsaved };
}
