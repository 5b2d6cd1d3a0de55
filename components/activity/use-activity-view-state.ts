// The change history's view state read from and written to the URL (so /activity?groupId=… links work).
import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseActivityState, serializeActivityState, type ActivityViewState } from './activity-view-state';

/** history.replaceState is synced into useSearchParams by Next.js (given a null state, which marks it as not its own) and, unlike router.replace, asks the server for nothing. */
function replaceUrl(next: ActivityViewState): void {
  const query = serializeActivityState(next).toString();
  window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
}

export function useActivityViewState() {
  const search = useSearchParams();
  const state = useMemo(() => parseActivityState(search), [search]);
  /** Any filter change goes back to the first page; a page change keeps the filters. */
  const update = useCallback((patch: Partial<ActivityViewState>) => {
    const current = parseActivityState(new URLSearchParams(window.location.search));
    replaceUrl({ ...current, page: 1, ...patch });
  }, []);
  const reset = useCallback(() => replaceUrl(parseActivityState(new URLSearchParams())), []);
  return { state, update, reset };
}
