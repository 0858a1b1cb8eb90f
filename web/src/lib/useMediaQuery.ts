// Whether a CSS media query matches, known on the first render. Ant Design's Grid.useBreakpoint
// answers only after an effect: the first render laid out the phone view, a second one the desktop
// view — a full extra render of the layout and a visible jump on every page load.
import { useCallback, useSyncExternalStore } from 'react';

const lists = new Map<string, MediaQueryList>();
function mediaQueryList(query: string): MediaQueryList {
  let list = lists.get(query);
  if (!list) lists.set(query, (list = window.matchMedia(query)));
  return list;
}

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = mediaQueryList(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => mediaQueryList(query).matches);
}

/** Narrower than Ant Design's `md` breakpoint (768 px): the phone layout. */
export function usePhone(): boolean {
  return useMediaQuery('(max-width: 767.98px)');
}
