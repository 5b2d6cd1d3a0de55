// The console answers only requests addressed to its own Host, so a DNS name pointed at it (rebinding) gets nothing.
import 'server-only';
import { getConfig } from '@/lib/config';
import { hostPolicy, isAllowedHost, type HostPolicy } from '@/lib/host-rules';
import { consoleError } from '@/lib/console-errors';

export function currentHostPolicy(): HostPolicy {
  return hostPolicy(getConfig());
}

export function checkHost(req: Request, policy: HostPolicy = currentHostPolicy()): void {
  if (!isAllowedHost(req.headers, req.url, policy)) {
    throw consoleError('MISDIRECTED_REQUEST');
  }
}
