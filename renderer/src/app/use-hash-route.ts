import { useEffect, useState } from 'react';

/** `#/credentials` → `credentials`. Hash routing works the same over file:// and http. */
function currentRoute(fallback: string): string {
  const match = /^#\/([\w-]+)/.exec(window.location.hash);
  return match?.[1] ?? fallback;
}

export function useHashRoute(fallback: string): [string, (route: string) => void] {
  const [route, setRoute] = useState(() => currentRoute(fallback));
  useEffect(() => {
    const onChange = () => setRoute(currentRoute(fallback));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [fallback]);
  return [route, (next) => (window.location.hash = `#/${next}`)];
}
