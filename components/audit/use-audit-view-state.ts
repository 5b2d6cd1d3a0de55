// The audit view state read from and written to the URL, so a filtered view can be bookmarked and shared.
import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { defaultViewState, parseViewState, serializeViewState, type AuditViewState } from './audit-view-state';

/** history.replaceState is synced into useSearchParams by Next.js (given a null state, which marks it as not its own) and, unlike router.replace, asks the server for nothing. */
function replaceUrl(next: AuditViewState): void {
  const query = serializeViewState(next).toString();
  window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
}

const current = () => parseViewState(new URLSearchParams(window.location.search));

export function useAuditViewState() {
  const search = useSearchParams();
  const state = useMemo(() => parseViewState(search), [search]);
  // Read the URL at call time: a debounced search box may write after other filters changed.
  const update = useCallback((patch: Partial<AuditViewState>) => replaceUrl({ ...current(), ...patch }), []);
  const reset = useCallback(() => {
    const { sort, manyProjects, manyOwnerKeys } = current();
    replaceUrl({ ...defaultViewState, sort, manyProjects, manyOwnerKeys });
  }, []);
  return { state, update, reset };
}
