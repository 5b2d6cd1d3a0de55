// Test helpers that call one API surface of a running emulator as a given key, and the JSON shapes they get back.
import { DigestClient, type DigestCredentials } from './digest-fetch';
import { credentials } from './fixture-seed';

export interface TestSurface {
  name: string;
  prefix: string;
  versioned: boolean;
  /** A project role grantable on this surface and one that is not. */
  grantable: string;
  notGrantable: string;
}

export const v2Accept = 'application/vnd.atlas.2023-01-01+json';

export const testSurfaces: readonly TestSurface[] = [
  { name: 'public v1.0', prefix: '/api/public/v1.0', versioned: false, grantable: 'GROUP_USER_ADMIN', notGrantable: 'GROUP_CLUSTER_MANAGER' },
  { name: 'atlas v1.0', prefix: '/api/atlas/v1.0', versioned: false, grantable: 'GROUP_CLUSTER_MANAGER', notGrantable: 'GROUP_USER_ADMIN' },
  { name: 'atlas v2', prefix: '/api/atlas/v2', versioned: true, grantable: 'GROUP_CLUSTER_MANAGER', notGrantable: 'GROUP_USER_ADMIN' },
];

export interface RoleJson {
  groupId?: string;
  orgId?: string;
  roleName: string;
}

/** The Admin API's links on every resource and page. */
export type LinksJson = { href: string; rel: string }[];

/** A resource with an id and a name (an organization, a project, a team). */
export interface NamedJson {
  id: string;
  name: string;
  links: LinksJson;
}

export interface KeyJson {
  desc: string;
  id: string;
  links: LinksJson;
  privateKey: string;
  publicKey: string;
  roles: RoleJson[];
}

export interface PageJson<T> {
  links: LinksJson;
  results: T[];
  totalCount?: number;
}

export interface ErrorJson {
  detail: string;
  error: number;
  errorCode: string;
  parameters: string[];
  reason: string;
}

export interface ApiAnswer<T> {
  status: number;
  headers: Headers;
  body: T;
}

export type CallApi = <T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiAnswer<T>>;

/** Calls `surface` as `credentials`, with the media types the surface wants; a string body is sent as is. */
export function surfaceClient(baseUrl: string, surface: TestSurface, credentials: DigestCredentials): CallApi {
  const client = new DigestClient(credentials);
  const mediaType = surface.versioned ? v2Accept : 'application/json';
  return async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await client.fetch(`${baseUrl}${surface.prefix}${path}`, {
      method,
      headers: { accept: mediaType, ...(body === undefined ? {} : { 'content-type': mediaType }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

/** The console key's client of `surface` on the test file's emulator, made on first use (the emulator starts in beforeAll). */
export function consoleClient(emulator: { readonly url: string }, surface: TestSurface): CallApi {
  let client: CallApi | undefined;
  return <T>(method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    (client ??= surfaceClient(emulator.url, surface, credentials.console))<T>(method, path, body, headers);
}
