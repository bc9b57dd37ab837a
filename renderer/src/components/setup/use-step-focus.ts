import { useEffect, useRef } from 'react';

/**
 * Moves focus to a step's heading when the user moved to this step, so screen readers announce where they now
 * are. Not on first page load: there focus starts at the top of the document, with the skip link.
 */
export function useStepFocus<T extends HTMLElement>(active = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (active) ref.current?.focus();
  }, [active]);
  return ref;
}
