import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CallResult } from '../../shared/contract';
import type { ProfileChanges, ProfileView } from '../../shared/contract/profiles';
import type { DiagnosticReport } from '../../shared/diagnostic-report';
import type { WizardScreen } from '../../shared/steps';
import { call } from '../client';
import { draftFor, loadResume, saveResume, type DraftField, type ProfileField, type WizardDraft, type WizardResume } from './draft';
import { latestStatus, SCREEN_CHECK_STEPS, type ScreenStatus, type ShellScreen } from './screens';

const NEW = 'new';
const OPTIONAL_FIELDS: ReadonlySet<string> = new Set(['secretExpiry', 'servicePrincipalObjectId']);

/** The outcome of saving one field: saved, kept as a draft (no profile yet), or refused by main. */
export type SaveOutcome = { state: 'saved' | 'draft' } | { state: 'error'; message: string };

export interface Wizard {
  screen: ShellScreen;
  go(screen: ShellScreen): void;
  loading: boolean;
  profile: ProfileView | null;
  /** True once the engineer chose "new profile" and no profile exists yet. */
  creating: boolean;
  draft: WizardDraft;
  setDraftValue(field: DraftField, value: string): void;
  saveField(field: ProfileField, value: string): Promise<SaveOutcome>;
  /** The client secret goes to main at once (or waits in memory until the profile exists). */
  setSecret(secret: string): Promise<SaveOutcome>;
  secretPending: boolean;
  reports: Partial<Record<WizardScreen, DiagnosticReport>>;
  runCheck(screen: WizardScreen, sendTo?: string): Promise<CallResult<DiagnosticReport>>;
  statusOf(screen: WizardScreen): ScreenStatus;
  /** Opens a profile; `fresh` drops values typed for it but not saved (its stored values changed elsewhere). */
  openProfile(profileId: string, opts?: { fresh?: boolean }): Promise<void>;
  /** Changes whenever the profile is replaced from outside the forms (open, practice, new): forms remount on it. */
  generation: number;
  startPractice(): Promise<CallResult<ProfileView>>;
  startNew(name: string): void;
  refreshProfile(): Promise<void>;
  /** Forgets the session's step results (after the practice scenario changed). */
  clearReports(): void;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The wizard's state, lifted to the shell so nothing typed is lost when a screen unmounts:
 * the current profile (kept in main), what was typed but not yet saved and where the engineer
 * was (localStorage, so a restart resumes), and this session's check reports.
 */
export function useWizard(): Wizard {
  const [resume, setResume] = useState<WizardResume>(() => {
    const s = storage();
    return s ? loadResume(s) : { profileId: null, screen: 'start', unsaved: {}, visited: {} };
  });
  const [profile, setProfile] = useState<ProfileView | null>(null);
  const [loading, setLoading] = useState<boolean>(resume.profileId !== null);
  const [reports, setReports] = useState<Partial<Record<WizardScreen, DiagnosticReport>>>({});
  const pendingSecret = useRef<string | null>(null);
  const [secretPending, setSecretPending] = useState(false);
  const creatingRef = useRef(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const s = storage();
    if (s) saveResume(s, resume);
  }, [resume]);

  const key = resume.profileId ?? NEW;
  const draft = useMemo(() => draftFor(profile, resume.unsaved[key]), [profile, resume.unsaved, key]);

  const loadProfile = useCallback(async (profileId: string) => {
    const r = await call('profileGet', { profileId });
    if (r.ok) setProfile(r.value);
    return r;
  }, []);

  // Resume: the profile itself lives in main; a profile deleted meanwhile sends us to the start.
  useEffect(() => {
    if (!resume.profileId) {
      setLoading(false);
      return;
    }
    let live = true;
    void loadProfile(resume.profileId).then((r) => {
      if (!live) return;
      if (!r.ok) setResume((prev) => ({ ...prev, profileId: null, screen: 'start' }));
      setLoading(false);
    });
    return () => {
      live = false;
    };
    // Only on launch: later switches go through openProfile.
  }, []);

  const go = useCallback((screen: ShellScreen) => {
    setResume((prev) => {
      const id = prev.profileId ?? NEW;
      const seen = prev.visited[id] ?? [];
      return { ...prev, screen, visited: seen.includes(screen) ? prev.visited : { ...prev.visited, [id]: [...seen, screen] } };
    });
  }, []);

  const setUnsaved = useCallback((id: string, field: DraftField, value: string | undefined) => {
    setResume((prev) => {
      const current = { ...(prev.unsaved[id] ?? {}) };
      if (value === undefined) delete current[field];
      else (current as Record<string, string>)[field] = value;
      return { ...prev, unsaved: { ...prev.unsaved, [id]: current } };
    });
  }, []);

  const setDraftValue = useCallback((field: DraftField, value: string) => setUnsaved(key, field, value), [key, setUnsaved]);

  const sendSecret = useCallback(async (profileId: string, secret: string): Promise<SaveOutcome> => {
    const r = await call('secretSet', { profileId, secret });
    if (!r.ok) return { state: 'error', message: r.error.message };
    pendingSecret.current = null;
    setSecretPending(false);
    await loadProfile(profileId);
    return { state: 'saved' };
  }, [loadProfile]);

  /** Before a profile exists: create it as soon as the three required values are valid. */
  const createFromDraft = useCallback(async (next: WizardDraft): Promise<SaveOutcome> => {
    // Imported here, not at the top: the rules pull in zod, which the welcome screen does not need (issue 8).
    const { ClientIdSchema, MailboxSchema, TenantIdSchema } = await import('../../shared/validators');
    const required = [MailboxSchema.safeParse(next.mailbox), TenantIdSchema.safeParse(next.tenantId), ClientIdSchema.safeParse(next.clientId)];
    if (required.some((r) => !r.success) || creatingRef.current) return { state: 'draft' };
    creatingRef.current = true;
    try {
      const r = await call('profileCreate', {
        name: next.name.trim() || next.mailbox.trim(),
        mailbox: next.mailbox,
        tenantId: next.tenantId,
        clientId: next.clientId,
        route: next.route,
        iseVersion: next.iseVersion,
        ...(next.secretExpiry ? { secretExpiry: next.secretExpiry } : {}),
        ...(next.servicePrincipalObjectId ? { servicePrincipalObjectId: next.servicePrincipalObjectId } : {}),
      });
      if (!r.ok) return { state: 'error', message: r.error.message };
      setProfile(r.value);
      setResume((prev) => {
        const { [NEW]: _dropped, ...rest } = prev.unsaved;
        return { ...prev, profileId: r.value.id, unsaved: rest, visited: { ...prev.visited, [r.value.id]: prev.visited[NEW] ?? [] } };
      });
      if (pendingSecret.current) return sendSecret(r.value.id, pendingSecret.current);
      return { state: 'saved' };
    } finally {
      creatingRef.current = false;
    }
  }, [sendSecret]);

  const saveField = useCallback(async (field: ProfileField, value: string): Promise<SaveOutcome> => {
    if (!profile) return createFromDraft({ ...draft, [field]: value });
    const cleared = value.trim() === '' && OPTIONAL_FIELDS.has(field);
    const changes = { [field]: cleared ? null : value } as ProfileChanges;
    const r = await call('profileUpdate', { profileId: profile.id, changes });
    if (!r.ok) return { state: 'error', message: r.error.message };
    setProfile(r.value);
    setUnsaved(profile.id, field, undefined);
    return { state: 'saved' };
  }, [profile, draft, createFromDraft, setUnsaved]);

  const setSecret = useCallback(async (secret: string): Promise<SaveOutcome> => {
    if (profile) return sendSecret(profile.id, secret);
    // No profile yet: memory only (never localStorage), sent the moment the profile exists.
    pendingSecret.current = secret;
    setSecretPending(true);
    return createFromDraft(draft);
  }, [profile, draft, sendSecret, createFromDraft]);

  const runCheck = useCallback(async (screen: WizardScreen, sendTo?: string) => {
    if (!profile) return { ok: false as const, error: { code: 'NO_PROFILE', message: 'no profile yet' } };
    const steps = SCREEN_CHECK_STEPS[screen];
    const r = await call('diagnoseProfile', { profileId: profile.id, ...(steps ? { steps } : {}), ...(sendTo ? { sendTo } : {}) });
    if (r.ok) {
      setReports((prev) => ({ ...prev, [screen]: r.value }));
      // A full run is stored as the profile's last verification: read it back.
      if (!steps) await loadProfile(profile.id);
    }
    return r;
  }, [profile, loadProfile]);

  const statusOf = useCallback(
    (screen: WizardScreen) => {
      const visited = (resume.visited[key] ?? []).includes(screen);
      return latestStatus(screen, [...Object.values(reports), profile?.lastVerification], visited);
    },
    [reports, profile, resume.visited, key],
  );

  const openProfile = useCallback(async (profileId: string, opts: { fresh?: boolean } = {}) => {
    setReports({});
    const r = await loadProfile(profileId);
    if (!r.ok) return;
    setGeneration((g) => g + 1);
    setResume((prev) => {
      const { [profileId]: _typed, ...others } = prev.unsaved;
      return {
        ...prev,
        profileId,
        unsaved: opts.fresh ? others : prev.unsaved,
        screen: prev.screen === 'start' || prev.screen === 'profiles' ? 'mailbox' : prev.screen,
      };
    });
  }, [loadProfile]);

  const startPractice = useCallback(async () => {
    const r = await call('practiceProfile', {});
    if (r.ok) {
      setReports({});
      setProfile(r.value);
      setGeneration((g) => g + 1);
      const { id } = r.value;
      setResume((prev) => {
        const { [id]: _typed, ...others } = prev.unsaved;
        return { ...prev, profileId: id, screen: 'mailbox', unsaved: others };
      });
    }
    return r;
  }, []);

  const startNew = useCallback((name: string) => {
    setReports({});
    setProfile(null);
    pendingSecret.current = null;
    setSecretPending(false);
    setGeneration((g) => g + 1);
    setResume((prev) => ({ ...prev, profileId: null, screen: 'mailbox', unsaved: { ...prev.unsaved, [NEW]: { name } }, visited: { ...prev.visited, [NEW]: [] } }));
  }, []);

  const refreshProfile = useCallback(async () => {
    if (profile) await loadProfile(profile.id);
  }, [profile, loadProfile]);

  const creating = !profile && resume.unsaved[NEW] !== undefined;
  return {
    screen: resume.screen,
    go,
    loading,
    profile,
    creating,
    draft,
    setDraftValue,
    saveField,
    setSecret,
    secretPending,
    reports,
    runCheck,
    statusOf,
    openProfile,
    startPractice,
    startNew,
    refreshProfile,
    clearReports: () => setReports({}),
    generation,
  };
}
