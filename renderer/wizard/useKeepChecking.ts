import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallResult } from '../../shared/contract';
import type { DiagnosticReport } from '../../shared/diagnostic-report';

/** Exchange caches permissions for 30 min – 2 h: one check a minute is enough and polite. */
export const KEEP_CHECKING_INTERVAL_MS = 60_000;

export interface KeepChecking {
  active: boolean;
  attempts: number;
  /** Milliseconds until the next run (0 while one runs). */
  remainingMs: number;
  start(): void;
  stop(): void;
}

/**
 * Re-runs a check every minute until it passes, then stops and calls `onSuccess`. The first run
 * starts at once; a run never overlaps the previous one.
 */
export function useKeepChecking(run: () => Promise<CallResult<DiagnosticReport>>, onSuccess: (report: DiagnosticReport) => void): KeepChecking {
  const [active, setActive] = useState(false);
  const [attempts, setAttempts] = useState(0);
  const [nextAt, setNextAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const busy = useRef(false);
  const runRef = useRef(run);
  const successRef = useRef(onSuccess);
  runRef.current = run;
  successRef.current = onSuccess;

  const once = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setNextAt(0);
    try {
      const r = await runRef.current();
      setAttempts((n) => n + 1);
      if (r.ok && r.value.ok) {
        setActive(false);
        successRef.current(r.value);
        return;
      }
      setNextAt(Date.now() + KEEP_CHECKING_INTERVAL_MS);
    } finally {
      busy.current = false;
    }
  }, []);

  useEffect(() => {
    if (!active) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [active]);

  useEffect(() => {
    if (active && nextAt !== 0 && now >= nextAt) void once();
  }, [active, now, nextAt, once]);

  const start = useCallback(() => {
    setAttempts(0);
    setActive(true);
    void once();
  }, [once]);
  const stop = useCallback(() => {
    setActive(false);
    setNextAt(0);
  }, []);

  return { active, attempts, remainingMs: active && nextAt ? Math.max(0, nextAt - now) : 0, start, stop };
}
