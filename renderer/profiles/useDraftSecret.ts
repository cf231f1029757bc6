import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CallResult } from '../../shared/contract';
import type { DraftSecretKey, DraftSecretStatus } from '../../shared/contract/draft-secret';
import type { SecretStatus } from '../../shared/contract/profiles';
import { call } from '../client';

export interface DraftSecret {
  /** Whether main keeps a typed secret for the current profile (and its length): never the value. */
  status: DraftSecretStatus;
  /** Hands what is typed to main (every change; '' forgets it). */
  keep(secret: string): Promise<void>;
  /** Saves the kept secret as `profileId`'s client secret; `from` when it was kept for the profile-to-be. */
  save(profileId: string, from?: DraftSecretKey): Promise<CallResult<SecretStatus>>;
  /** Forgets any kept secret (another profile is opened). */
  forget(): Promise<void>;
  /** Reads the status again (after a save made elsewhere). */
  refresh(): Promise<void>;
}

/**
 * The typed-but-unsaved Client Secret, kept in MAIN's memory for the session (issue 13 point
 * 3), so it survives navigation (forms unmount) and a reload, and never sits in the page's
 * storage. Calls go one after another, so a slow `keep` cannot overtake the next keystroke's.
 */
export function useDraftSecret(key: DraftSecretKey): DraftSecret {
  const [status, setStatus] = useState<DraftSecretStatus>({ kept: false });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const keyRef = useRef(key);
  keyRef.current = key;

  const inOrder = useCallback(<T,>(job: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(job, job);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const refresh = useCallback(
    () =>
      inOrder(async () => {
        const asked = keyRef.current;
        const r = await call('draftSecretStatus', { key: asked });
        if (r.ok && keyRef.current === asked) setStatus(r.value);
      }),
    [inOrder],
  );

  // On launch, after a reload and on every profile change: what does main keep for this one?
  useEffect(() => {
    void refresh();
  }, [key, refresh]);

  const keep = useCallback(
    (secret: string) =>
      inOrder(async () => {
        const r = await call('draftSecretPut', { key: keyRef.current, secret });
        if (r.ok) setStatus(r.value);
      }),
    [inOrder],
  );

  const save = useCallback(
    (profileId: string, from?: DraftSecretKey) =>
      inOrder(async () => {
        const r = await call('draftSecretSave', { key: from ?? keyRef.current, profileId });
        if (r.ok) setStatus({ kept: false });
        return r;
      }),
    [inOrder],
  );

  const forget = useCallback(() => keep(''), [keep]);
  return useMemo(() => ({ status, keep, save, forget, refresh }), [status, keep, save, forget, refresh]);
}
