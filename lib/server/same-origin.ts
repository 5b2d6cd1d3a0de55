// Refuses state-changing requests that a browser did not send from the console's own pages (CSRF).
import 'server-only';
import { ownOrigins, type HostPolicy } from '@/lib/host-rules';

/**
 * Cross-site unless the request proves otherwise: a write with neither Origin nor Sec-Fetch-Site is refused,
 * Sec-Fetch-Site must say same-origin, and Origin must be the console's own by scheme, host and port.
 */
export function isCrossSite(req: Request, policy: HostPolicy): boolean {
  const site = req.headers.get('sec-fetch-site');
  const origin = req.headers.get('origin');
  if (!site && !origin) return true;
  if (site && site !== 'same-origin') return true;
  if (!origin) return false;
  let sent: string;
  try {
    sent = new URL(origin).origin;
  } catch {
    return true;
  }
  return !ownOrigins(req.headers, req.url, policy).includes(sent);
}
