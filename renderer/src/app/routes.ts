import { useEffect, useState } from 'react';

/**
 * Areas of the app, in navigation order. Later issues add clients, cases, network, reports here; the hash keeps
 * routing inside the page (no file:// or app:// paths) and survives nothing sensitive.
 */
export const AREAS = [{ id: 'home', hash: '#/uebersicht', labelKey: 'frame.areas.home' }] as const;
export type AreaId = (typeof AREAS)[number]['id'];

function areaFromHash(hash: string): AreaId {
  return AREAS.find((a) => a.hash === hash)?.id ?? 'home';
}

/** The current area, following the location hash. */
export function useArea(): AreaId {
  const [area, setArea] = useState<AreaId>(() => areaFromHash(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setArea(areaFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return area;
}
