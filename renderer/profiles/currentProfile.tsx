import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CallError, CallResult } from '../../shared/contract';
import type { ProfileChanges, ProfileView } from '../../shared/contract/profiles';
import type { DraftSecretKey } from '../../shared/contract/draft-secret';
import type { DiagnosticReport } from '../../shared/diagnostic-report';
import type { WizardScreen } from '../../shared/steps';
import { call } from '../client';
import { staleReason, stepBadge, SCREEN_CHECK_STEPS, type StaleReason, type StepBadge } from '../wizard/screens';
import { changeFor, createFieldsFrom, draftFor, loadResume, saveResume, type DraftField, type ProfileField, type WizardDraft, type WizardResume } from './draft';
import { useDraftSecret, type DraftSecret } from './useDraftSecret';

const NEW = 'new';

/** The outcome of saving one field: saved, kept as a draft (no profile yet), or refused by main. */
export type SaveOutcome = { state: 'saved' | 'draft' } | { state: 'error'; message: string; error: CallError };

function failed(error: CallError): SaveOutcome {
  return { state: 'error', message: error.message, error };
}

/**
 * The one store of the current profile and its edits: the profile (kept in main), what was
 * typed but not yet saved, the pending secret and this session's check reports.
 */
export interface CurrentProfile {
  loading: boolean;
  profile: ProfileView | null;
  /** True once the engineer chose "new profile" and no profile exists yet. */
  creating: boolean;
  draft: WizardDraft;
  setDraftValue(field: DraftField, value: string): void;
  saveField(field: ProfileField, value: string): Promise<SaveOutcome>;
  /** The client secret goes to main at once (or is kept in main's memory until the profile exists). */
  setSecret(secret: string): Promise<SaveOutcome>;
  /** A typed secret is kept (in main's memory) until the profile exists. */
  secretPending: boolean;
  /** The typed-but-unsaved secret main keeps for this profile this session (never its value). */
  draftSecret: DraftSecret;
  /** Saves the kept typed secret to the profile, if one is kept and none is stored yet. */
  saveKeptSecret(): Promise<SaveOutcome>;
  reports: Partial<Record<WizardScreen, DiagnosticReport>>;
  runCheck(screen: WizardScreen, sendTo?: string): Promise<CallResult<DiagnosticReport>>;
  statusOf(screen: WizardScreen): StepBadge;
  /**
   * Opens a profile; `fresh` drops values typed for it but not saved (its stored values changed
   * elsewhere); `keepReports` keeps this session's results when it is the profile already open.
   */
  openProfile(profileId: string, opts?: { fresh?: boolean; keepReports?: boolean }): Promise<boolean>;
  /** Changes whenever the profile is replaced from outside the forms (open, practice, new): forms remount on it. */
  generation: number;
  startPractice(): Promise<CallResult<ProfileView>>;
  startNew(name: string): void;
  refreshProfile(): Promise<void>;
  /**
   * Marks every result at hand (this session's and the last verification) as made before the
   * practice scenario changed: kept and shown, as stale, never as current (issue 13 point 2).
   */
  markResultsStale(): void;
  /** Why a result is stale (scenario switched since, or other values typed now), or null when current. */
  staleReason(report: DiagnosticReport | null | undefined): StaleReason | null;
  /** Remembers that a screen was opened for the current profile (its status shows "in progress"). */
  markVisited(screen: string): void;
  /** Another screen changed stored profiles (rename, delete, import): readers of the list reload. */
  profilesChanged(): void;
  /** Grows with every change to stored profiles made here or reported by profilesChanged. */
  revision: number;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The store's state, held above every screen so nothing typed is lost when a screen unmounts;
 * what was typed and the current profile's id survive a restart (localStorage). `onProfileGone`
 * runs when the profile to resume was deleted meanwhile.
 */
function useCurrentProfileState(onProfileGone: () => void): CurrentProfile {
  const [resume, setResume] = useState<WizardResume>(() => {
    const s = storage();
    return s ? loadResume(s) : { profileId: null, unsaved: {}, visited: {} };
  });
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => setRevision((r) => r + 1), []);
  const [profile, setProfile] = useState<ProfileView | null>(null);
  const [loading, setLoading] = useState<boolean>(resume.profileId !== null);
  const [reports, setReports] = useState<Partial<Record<WizardScreen, DiagnosticReport>>>({});
  const creatingRef = useRef(false);
  const [generation, setGeneration] = useState(0);
  // Start times of the results made before the last practice-scenario switch.
  const [scenarioStale, setScenarioStale] = useState<ReadonlySet<string>>(() => new Set());

  useEffect(() => {
    const s = storage();
    if (s) saveResume(s, resume);
  }, [resume]);

  const key = resume.profileId ?? NEW;
  const draftSecret = useDraftSecret((resume.profileId ?? NEW) as DraftSecretKey);
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
      if (!r.ok) {
        setResume((prev) => ({ ...prev, profileId: null }));
        onProfileGone();
      }
      setLoading(false);
    });
    return () => {
      live = false;
    };
    // Only on launch: later switches go through openProfile.
  }, []);

  const markVisited = useCallback((screen: string) => {
    setResume((prev) => {
      const id = prev.profileId ?? NEW;
      const seen = prev.visited[id] ?? [];
      return seen.includes(screen) ? prev : { ...prev, visited: { ...prev.visited, [id]: [...seen, screen] } };
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
    if (!r.ok) return failed(r.error);
    // Main forgot the kept typed secret when this one was saved.
    await draftSecret.refresh();
    await loadProfile(profileId);
    changed();
    return { state: 'saved' };
  }, [loadProfile, changed, draftSecret]);

  /** Main saves the secret it keeps (the page never had it back); `from` is the key it was kept under. */
  const sendKeptSecret = useCallback(async (profileId: string, from?: DraftSecretKey): Promise<SaveOutcome> => {
    const r = await draftSecret.save(profileId, from);
    if (!r.ok) {
      await draftSecret.refresh();
      return failed(r.error);
    }
    await loadProfile(profileId);
    changed();
    return { state: 'saved' };
  }, [draftSecret, loadProfile, changed]);

  /** Before a profile exists: create it as soon as the three required values are valid. */
  const createFromDraft = useCallback(async (next: WizardDraft): Promise<SaveOutcome> => {
    // Imported here, not at the top: the rules pull in zod, which the welcome screen does not need (issue 8).
    const [{ ClientIdSchema, MailboxSchema, TenantIdSchema }, { ProfileFieldsSchema }] = await Promise.all([import('../../shared/validators'), import('../../shared/contract/profiles')]);
    const required = [MailboxSchema.safeParse(next.mailbox), TenantIdSchema.safeParse(next.tenantId), ClientIdSchema.safeParse(next.clientId)];
    if (required.some((r) => !r.success) || creatingRef.current) return { state: 'draft' };
    creatingRef.current = true;
    try {
      // A value still invalid on another step stays in the draft (its step shows why) rather
      // than blocking the profile: only the values that pass their rule are sent.
      const shape = ProfileFieldsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
      const valid = Object.fromEntries(Object.entries(createFieldsFrom(next)).filter(([f, v]) => shape[f]?.safeParse(v).success ?? true));
      const r = await call('profileCreate', {
        ...valid,
        name: next.name.trim() || next.mailbox.trim(),
        mailbox: next.mailbox,
        tenantId: next.tenantId,
        clientId: next.clientId,
      });
      if (!r.ok) return failed(r.error);
      setProfile(r.value);
      changed();
      const created = r.value.id;
      setResume((prev) => {
        const kept = prev.unsaved[NEW] ?? {};
        const { [NEW]: _dropped, ...rest } = prev.unsaved;
        // What was not sent (invalid for now) stays typed, under the new profile.
        const left = Object.fromEntries(Object.entries(kept).filter(([f]) => f !== 'name' && !(f in valid) && !['mailbox', 'tenantId', 'clientId'].includes(f)));
        return { ...prev, profileId: created, unsaved: Object.keys(left).length ? { ...rest, [created]: left } : rest, visited: { ...prev.visited, [created]: prev.visited[NEW] ?? [] } };
      });
      if (draftSecret.status.kept) return sendKeptSecret(created, NEW);
      return { state: 'saved' };
    } finally {
      creatingRef.current = false;
    }
  }, [sendKeptSecret, changed, draftSecret.status.kept]);

  const saveField = useCallback(async (field: ProfileField, value: string): Promise<SaveOutcome> => {
    if (!profile) return createFromDraft({ ...draft, [field]: value });
    const changes = changeFor(field, value) as ProfileChanges;
    const r = await call('profileUpdate', { profileId: profile.id, changes });
    if (!r.ok) return failed(r.error);
    setProfile(r.value);
    setUnsaved(profile.id, field, undefined);
    changed();
    return { state: 'saved' };
  }, [profile, draft, createFromDraft, setUnsaved, changed]);

  const setSecret = useCallback(async (secret: string): Promise<SaveOutcome> => {
    if (profile) return sendSecret(profile.id, secret);
    // No profile yet: main keeps it (never the page's storage), saved the moment the profile exists.
    await draftSecret.keep(secret);
    return createFromDraft(draft);
  }, [profile, draft, sendSecret, createFromDraft, draftSecret]);

  const saveKeptSecret = useCallback(async (): Promise<SaveOutcome> => {
    if (!profile) return createFromDraft(draft);
    if (!draftSecret.status.kept) return { state: 'saved' };
    return sendKeptSecret(profile.id);
  }, [profile, draft, createFromDraft, draftSecret.status.kept, sendKeptSecret]);

  const runCheck = useCallback(async (screen: WizardScreen, sendTo?: string) => {
    if (!profile) return { ok: false as const, error: { code: 'NO_PROFILE', message: 'no profile yet' } };
    // A secret typed and kept but not saved yet is what the engineer means the check to use.
    if (draftSecret.status.kept) {
      const saved = await sendKeptSecret(profile.id);
      if (saved.state === 'error') return { ok: false as const, error: saved.error };
    }
    const steps = SCREEN_CHECK_STEPS[screen];
    const r = await call('diagnoseProfile', { profileId: profile.id, ...(steps ? { steps } : {}), ...(sendTo ? { sendTo } : {}) });
    if (r.ok) {
      setReports((prev) => ({ ...prev, [screen]: r.value }));
      // A full run is stored as the profile's last verification: read it back, without holding
      // the verdict back for that extra round trip (the step shows the report it already has).
      if (!steps) void loadProfile(profile.id).then(() => changed());
    }
    return r;
  }, [profile, loadProfile, changed, draftSecret.status.kept, sendKeptSecret]);

  const statusOf = useCallback(
    (screen: WizardScreen) => {
      const visited = (resume.visited[key] ?? []).includes(screen);
      const current = { tenantId: draft.tenantId, clientId: draft.clientId, mailbox: draft.mailbox, route: draft.route };
      return stepBadge(screen, reports, profile?.lastVerification, visited, current, scenarioStale);
    },
    [reports, profile, resume.visited, key, draft.tenantId, draft.clientId, draft.mailbox, draft.route, scenarioStale],
  );

  const staleReasonOf = useCallback(
    (report: DiagnosticReport | null | undefined) =>
      report ? staleReason(report, { tenantId: draft.tenantId, clientId: draft.clientId, mailbox: draft.mailbox, route: draft.route }, scenarioStale) : null,
    [draft.tenantId, draft.clientId, draft.mailbox, draft.route, scenarioStale],
  );

  const markResultsStale = useCallback(() => {
    const made = [...Object.values(reports), profile?.lastVerification].filter((r): r is DiagnosticReport => !!r).map((r) => r.startedAt);
    setScenarioStale((prev) => new Set([...prev, ...made]));
    // Main drops the stored verification with the old scenario's credentials: keep it here, marked.
    const last = profile?.lastVerification;
    if (last) setReports((prev) => (prev.verify ? prev : { ...prev, verify: last }));
  }, [reports, profile]);

  const openProfile = useCallback(async (profileId: string, opts: { fresh?: boolean; keepReports?: boolean } = {}) => {
    if (!(opts.keepReports && profileId === profile?.id)) setReports({});
    const r = await loadProfile(profileId);
    if (!r.ok) return false;
    // Another profile: a secret typed for the previous one must not be saved to this one.
    if (profileId !== resume.profileId) await draftSecret.forget();
    setGeneration((g) => g + 1);
    setResume((prev) => {
      const { [profileId]: _typed, ...others } = prev.unsaved;
      return { ...prev, profileId, unsaved: opts.fresh ? others : prev.unsaved };
    });
    return true;
  }, [loadProfile, resume.profileId, draftSecret, profile?.id]);

  const startPractice = useCallback(async () => {
    const r = await call('practiceProfile', {});
    if (r.ok) {
      if (r.value.id !== resume.profileId) await draftSecret.forget();
      setReports({});
      setProfile(r.value);
      setGeneration((g) => g + 1);
      const { id } = r.value;
      setResume((prev) => {
        const { [id]: _typed, ...others } = prev.unsaved;
        return { ...prev, profileId: id, unsaved: others };
      });
    }
    return r;
  }, [resume.profileId, draftSecret]);

  const startNew = useCallback((name: string) => {
    setReports({});
    setProfile(null);
    void draftSecret.forget();
    setGeneration((g) => g + 1);
    setResume((prev) => ({ ...prev, profileId: null, unsaved: { ...prev.unsaved, [NEW]: { name } }, visited: { ...prev.visited, [NEW]: [] } }));
  }, [draftSecret]);

  const refreshProfile = useCallback(async () => {
    if (profile) await loadProfile(profile.id);
  }, [profile, loadProfile]);

  const creating = !profile && resume.unsaved[NEW] !== undefined;
  return {
    loading,
    profile,
    creating,
    draft,
    setDraftValue,
    saveField,
    setSecret,
    secretPending: !profile && draftSecret.status.kept,
    draftSecret,
    saveKeptSecret,
    reports,
    runCheck,
    statusOf,
    openProfile,
    startPractice,
    startNew,
    refreshProfile,
    markResultsStale,
    staleReason: staleReasonOf,
    generation,
    markVisited,
    profilesChanged: changed,
    revision,
  };
}

// React context rather than a store library (zustand and the like): the state is one value,
// read by the shell and handed to the screens, and React's own state already gives the
// update-and-render semantics the screens rely on; no new dependency for that.
const CurrentProfileContext = createContext<CurrentProfile | null>(null);

/** Holds the one current-profile store for everything below it. */
export function CurrentProfileProvider({ onProfileGone, children }: { onProfileGone: () => void; children: ReactNode }) {
  const value = useCurrentProfileState(onProfileGone);
  return <CurrentProfileContext.Provider value={value}>{children}</CurrentProfileContext.Provider>;
}

/** The current profile and its edits; only inside CurrentProfileProvider. */
export function useCurrentProfile(): CurrentProfile {
  const value = useContext(CurrentProfileContext);
  if (!value) throw new Error('useCurrentProfile outside CurrentProfileProvider');
  return value;
}
