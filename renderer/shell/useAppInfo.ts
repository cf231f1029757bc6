import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract/app';
import { call } from '../client';

export type AppInfoState = { state: 'loading' } | { state: 'ready'; info: AppInfo } | { state: 'error' };

/** The installation facts from the main process (one contract call). */
export function useAppInfo(): AppInfoState {
  const [result, setResult] = useState<AppInfoState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void call('appInfo', {}).then((r) => {
      if (live) setResult(r.ok ? { state: 'ready', info: r.value } : { state: 'error' });
    });
    return () => {
      live = false;
    };
  }, []);
  return result;
}
