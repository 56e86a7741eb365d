import { useEffect, useRef, useState } from 'react';

/** `#/credentials` → `credentials`. Hash routing works the same over file:// and http. */
function currentRoute(fallback: string): string {
  const match = /^#\/([\w-]+)/.exec(window.location.hash);
  return match?.[1] ?? fallback;
}

/**
 * The screen in the address's hash, and a way to change it. `confirmLeave` is asked before any
 * change of screen, including the browser's back button or a typed address: until it lets go,
 * the address is put back and the screen stays.
 */
export function useHashRoute(fallback: string, confirmLeave: (leave: () => void) => void = (leave) => leave()): [string, (route: string) => void] {
  const [route, setRoute] = useState(() => currentRoute(fallback));
  /** The screen on show, for the event handler, which may run before React re-renders. */
  const shown = useRef(route);
  const go = (next: string) => {
    shown.current = next;
    if (currentRoute(fallback) !== next) window.location.hash = `#/${next}`;
    setRoute(next);
  };
  const goRef = useRef(go);
  useEffect(() => {
    goRef.current = go;
  });
  useEffect(() => {
    const onChange = () => {
      const next = currentRoute(fallback);
      if (next === shown.current) return;
      // Put the address back while asking, so it always names the screen on show.
      window.history.replaceState(null, '', `#/${shown.current}`);
      confirmLeave(() => goRef.current(next));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [fallback, confirmLeave]);
  return [route, (next) => confirmLeave(() => go(next))];
}
