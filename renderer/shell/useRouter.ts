import { useCallback, useEffect, useState } from 'react';
import { isScreenId, routeOf, type Route, type ScreenId } from './routes';

/** Where the screen is kept between launches, so a restart resumes where the engineer was. */
export const SCREEN_KEY = 'ise-smtp-oauth.screen';

export interface Router {
  screen: ScreenId;
  route: Route;
  go(screen: ScreenId): void;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Reads the saved screen; anything unknown starts at the welcome screen. */
export function loadScreen(store: { getItem(key: string): string | null } | null): ScreenId {
  try {
    const saved = store?.getItem(SCREEN_KEY);
    return isScreenId(saved) ? saved : 'start';
  } catch {
    return 'start';
  }
}

/**
 * The app's one router: the current screen as state, saved in localStorage. No URL routing:
 * the app is one page opened from a file or a token URL, and nothing links into a screen.
 */
export function useRouter(): Router {
  const [screen, setScreen] = useState<ScreenId>(() => loadScreen(storage()));
  useEffect(() => {
    try {
      storage()?.setItem(SCREEN_KEY, screen);
    } catch {
      // Private mode or a full quota: the screen is only a convenience.
    }
  }, [screen]);
  const go = useCallback((next: ScreenId) => setScreen(next), []);
  return { screen, route: routeOf(screen), go };
}
