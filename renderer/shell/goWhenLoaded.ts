/**
 * A move to a screen whose chunk is still loading waits for the chunk on the current screen,
 * then shows the new screen at once. Rendered before its chunk is there, a side screen suspends,
 * and React holds the revealed screen back until 300 ms after its Suspense fallback appeared:
 * a click on "Profiles" before the idle preload had finished took 300 ms more (issue 16.2).
 *
 * `loading(screen)` is the chunk's pending load, or null once it is there (or for a screen
 * without one). Only the latest move goes ahead: clicking on while a chunk loads ends where the
 * last click points. A failed load moves on anyway, so the screen's own lazy load tries again
 * and shows its error.
 */
export function goWhenLoaded<S>(go: (screen: S) => void, loading: (screen: S) => Promise<unknown> | null): (screen: S) => void {
  let latest = 0;
  return (screen) => {
    const move = ++latest;
    const pending = loading(screen);
    if (!pending) return go(screen);
    const goIfLatest = () => {
      if (move === latest) go(screen);
    };
    pending.then(goIfLatest, goIfLatest);
  };
}
