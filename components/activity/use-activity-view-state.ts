// The change history's view state, kept in React state for instant controls and mirrored to the URL (so /activity?groupId=… works).
import { useSearchParams } from 'next/navigation';
import { useCallback, useState } from 'react';
import { parseActivityState, serializeActivityState, type ActivityViewState } from './activity-view-state';

/** history.replaceState is synced into useSearchParams by Next.js (given a null state, which marks it as not its own) and, unlike router.replace, asks the server for nothing. */
function replaceUrl(next: ActivityViewState): void {
  const query = serializeActivityState(next).toString();
  window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
}

/** The URL is written synchronously on every change, so it is the latest state even inside a debounced callback. */
const latest = () => parseActivityState(new URLSearchParams(window.location.search));

export function useActivityViewState() {
  const search = useSearchParams();
  const query = search.toString();
  const [state, setState] = useState(() => parseActivityState(search));
  const [seenQuery, setSeenQuery] = useState(query);
  if (query !== seenQuery) {
    setSeenQuery(query);
    setState(parseActivityState(search));
  }
  const apply = useCallback((next: ActivityViewState) => {
    replaceUrl(next);
    setState(next);
  }, []);
  /** Any filter change goes back to the first page; a page change keeps the filters. */
  const update = useCallback((patch: Partial<ActivityViewState>) => apply({ ...latest(), page: 1, ...patch }), [apply]);
  const reset = useCallback(() => apply(parseActivityState(new URLSearchParams())), [apply]);
  return { state, update, reset };
}
