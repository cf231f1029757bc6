import { useCallback, useSyncExternalStore } from 'react';

/**
 * Troubleshoot's work (pasted text, the last lookup, the last log analysis) kept for the
 * session, outside the components: navigating to another screen and back finds it as it was,
 * until the engineer clears it. Memory only (never storage): a pasted error or log can hold
 * customer details, and it goes with the window.
 */
const values = new Map<string, unknown>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Like useState, but the value outlives the component for the rest of the session. */
export function useSessionState<T>(key: string, initial: T): [T, (next: T) => void] {
  // The first value is stored at once, so the snapshot is one stable reference until set.
  if (!values.has(key)) values.set(key, initial);
  const value = useSyncExternalStore(subscribe, () => values.get(key) as T);
  const set = useCallback(
    (next: T) => {
      values.set(key, next);
      for (const l of listeners) l();
    },
    [key],
  );
  return [value, set];
}

/** Forgets the kept work of one part (its Clear button). */
export function clearSessionState(prefix: string): void {
  for (const key of [...values.keys()]) if (key.startsWith(prefix)) values.delete(key);
  for (const l of listeners) l();
}
