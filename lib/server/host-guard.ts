// The console answers only requests addressed to its own Host, so a DNS name pointed at it (rebinding) gets nothing.
import 'server-only';
import { getConfig } from '@/lib/config';
import { hostPolicy, isAllowedHost, type HostPolicy } from '@/lib/host-rules';
import { ApiError } from '@/lib/console-errors';

export function currentHostPolicy(): HostPolicy {
  return hostPolicy(getConfig());
}

export function checkHost(req: Request, policy: HostPolicy = currentHostPolicy()): void {
  if (!isAllowedHost(req.headers, req.url, policy)) {
    throw new ApiError(421, 'MISDIRECTED_REQUEST', 'This console does not answer for that host name; use its configured address.');
  }
}
