// A piece of page state mirrored in the URL's query string, so a filtered view can be shared by its link.
import { useCallback, useState } from 'react';

/** `initial` comes from the server's searchParams so that the first render matches the URL. */
export function useUrlParam(name: string, initial: string): [string, (next: string) => void] {
  const [value, setValue] = useState(initial);
  const update = useCallback(
    (next: string) => {
      setValue(next);
      const url = new URL(window.location.href);
      if (next) url.searchParams.set(name, next);
      else url.searchParams.delete(name);
      // replaceState, not the router: filtering must not re-render the server component or add history entries.
      window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
    },
    [name],
  );
  return [value, update];
}
