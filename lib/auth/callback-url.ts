// Where a person goes after signing in: only somewhere the WHATWG URL parser keeps on the console's own origin.
import 'server-only';

export const defaultCallbackPath = '/projects';

/**
 * The path (with query and fragment) of `value` when a browser would resolve it against `ownOrigin` to that same
 * origin, else `/projects`. Never a prefix test: backslashes, tabs and new lines change an authority for a browser.
 */
export function localCallbackPath(value: string | undefined | null, ownOrigin: string): string {
  if (!value) return defaultCallbackPath;
  let url: URL;
  try {
    url = new URL(value, ownOrigin);
  } catch {
    return defaultCallbackPath;
  }
  if (url.origin !== new URL(ownOrigin).origin) return defaultCallbackPath;
  // `http://console//evil.example` keeps the origin, but its path alone would read as protocol-relative.
  return `/${url.pathname.replace(/^\/+/, '')}${url.search}${url.hash}`;
}
