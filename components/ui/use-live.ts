// Whether React has taken the server's HTML over: a control used before then would do nothing, or change the page
// behind React's back.
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/** False in the server's HTML and during hydration, true once the page is live. */
export function useLive(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
