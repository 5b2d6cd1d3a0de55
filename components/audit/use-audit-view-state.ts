// The audit view state, kept in React state for instant controls and mirrored to the URL to bookmark and share.
import { useSearchParams } from 'next/navigation';
import { useCallback, useState } from 'react';
import { parseViewState, serializeViewState, withoutFilters, type AuditViewState } from './audit-view-state';

/** history.replaceState is synced into useSearchParams by Next.js (given a null state, which marks it as not its own) and, unlike router.replace, asks the server for nothing. */
function replaceUrl(next: AuditViewState): void {
  const query = serializeViewState(next).toString();
  window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
}

/** The URL is written synchronously on every change, so it is the latest state even inside a debounced callback. */
const latest = () => parseViewState(new URLSearchParams(window.location.search));

export function useAuditViewState() {
  const search = useSearchParams();
  const query = search.toString();
  const [state, setState] = useState(() => parseViewState(search));
  const [seenQuery, setSeenQuery] = useState(query);
  // The URL changed under us (back button, a link, or our own write arriving): adopt it.
  if (query !== seenQuery) {
    setSeenQuery(query);
    setState(parseViewState(search));
  }
  const apply = useCallback((next: AuditViewState) => {
    replaceUrl(next);
    setState(next);
  }, []);
  const update = useCallback((patch: Partial<AuditViewState>) => apply({ ...latest(), ...patch }), [apply]);
  const reset = useCallback(() => apply(withoutFilters(latest())), [apply]);
  return { state, update, reset };
}
