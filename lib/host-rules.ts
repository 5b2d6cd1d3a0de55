// Which Host a request may name and which origin is the console's own: the answers to DNS rebinding and cross-site
// writes. Free of server-only and of lib/config so that proxy.ts can use it too.

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHostname(hostname: string): boolean {
  return loopbackNames.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function isLoopbackUrl(url: string): boolean {
  return isLoopbackHostname(new URL(url).hostname);
}

export interface HostPolicy {
  /** NEXTAUTH_URL: the one public URL of the console, when configured. */
  publicUrl: string | undefined;
  /** The upstream is the emulator on this machine (or not configured): loopback names are the console's own. */
  embedded: boolean;
  /** X-Forwarded-Host and X-Forwarded-Proto come from a proxy the operator put in front (TRUSTED_PROXY). */
  trustProxy: boolean;
}

export function hostPolicy(env: { NEXTAUTH_URL?: string; ATLAS_BASE_URL?: string; TRUSTED_PROXY?: boolean }): HostPolicy {
  return {
    publicUrl: env.NEXTAUTH_URL,
    embedded: !env.ATLAS_BASE_URL || isLoopbackUrl(env.ATLAS_BASE_URL),
    trustProxy: env.TRUSTED_PROXY === true,
  };
}

const firstValue = (value: string | null) => value?.split(',')[0]?.trim() || null;

/** The Host the browser used: the proxy's X-Forwarded-Host only when a trusted proxy is in front. */
export function requestHost(headers: Headers, policy: HostPolicy): string | null {
  return (policy.trustProxy ? firstValue(headers.get('x-forwarded-host')) : null) ?? headers.get('host');
}

/** `scheme://host[:port]` of the request as the browser sent it, or null when its Host is unusable. */
export function requestOrigin(headers: Headers, url: string, policy: HostPolicy): string | null {
  const host = requestHost(headers, policy);
  const forwardedProto = policy.trustProxy ? firstValue(headers.get('x-forwarded-proto')) : null;
  const scheme = forwardedProto === 'https' || forwardedProto === 'http' ? `${forwardedProto}:` : new URL(url).protocol;
  return host ? originOf(`${scheme}//${host}`) : null;
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}

/** Only the configured host; in embedded mode also any loopback name or address (never a DNS name that points there). */
export function isAllowedHost(headers: Headers, url: string, policy: HostPolicy): boolean {
  const origin = requestOrigin(headers, url, policy);
  if (!origin) return false;
  if (policy.embedded && isLoopbackHostname(new URL(origin).hostname)) return true;
  if (!policy.publicUrl) return !policy.embedded;
  return new URL(origin).host === new URL(policy.publicUrl).host;
}

/** The origins a same-site write may come from: the public URL's, else (or, on loopback in embedded mode) the request's own. */
export function ownOrigins(headers: Headers, url: string, policy: HostPolicy): string[] {
  const own = requestOrigin(headers, url, policy);
  const origins = policy.publicUrl ? [new URL(policy.publicUrl).origin] : [];
  if (own && (!policy.publicUrl || (policy.embedded && isLoopbackHostname(new URL(own).hostname)))) origins.push(own);
  return origins;
}
