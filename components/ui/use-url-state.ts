// A page's view state, kept in React state for instant controls and mirrored to the URL's query string, so that a
// filtered view can be bookmarked and shared by its link.
import { useSearchParams } from 'next/navigation';
import { useCallback, useState } from 'react';

type Query = { get(name: string): string | null };

/** `parse` and `serialize` must be stable (module-level): they are the hook's memo keys. */
export function useUrlState<S>(parse: (query: Query) => S, serialize: (state: S) => URLSearchParams) {
  const search = useSearchParams();
  const query = search.toString();
  const [state, setState] = useState(() => parse(search));
  const [seenQuery, setSeenQuery] = useState(query);
  // The URL changed under us (back button, a link, or our own write arriving): adopt it.
  if (query !== seenQuery) {
    setSeenQuery(query);
    setState(parse(search));
  }
  /** `change` gets the state as the URL holds it: written synchronously on every change, it is the latest even inside a debounced callback. */
  const update = useCallback(
    (change: (latest: S) => S) => {
      const next = change(parse(new URLSearchParams(window.location.search)));
      const text = serialize(next).toString();
      // replaceState is synced into useSearchParams by Next.js (given a null state, which marks it as not its own)
      // and, unlike router.replace, asks the server for nothing and adds no history entry.
      window.history.replaceState(null, '', text ? `?${text}` : window.location.pathname);
      setState(next);
    },
    [parse, serialize],
  );
  return [state, update] as const;
}

/** `parse` and `serialize` for a view made of a few text parameters, each left out of the URL when empty. */
export function textParams<N extends string>(...names: N[]) {
  return {
    parse: (query: Query) => Object.fromEntries(names.map((name) => [name, query.get(name) ?? ''])) as Record<N, string>,
    serialize: (state: Record<N, string>) => new URLSearchParams(names.filter((name) => state[name]).map((name) => [name, state[name]])),
  };
}
