// The Admin API client of the console's server code: one base URL, one credential, one flavor, plain objects out.
import 'server-only';
import { Agent, Client, type Dispatcher } from 'undici';
import type { z } from 'zod';
import type { ApiKey } from '@/lib/api/schemas';
import type { CreateServiceAccountBody, ServiceAccount, ServiceAccountSecret } from '@/lib/api/service-accounts';
import type { Flavor } from '@/lib/roles';
import {
  keyEventTypeNames,
  serviceAccountEventTypeNames,
  wireAccessListEntry,
  wireAccountAccessListEntry,
  wireEvent,
  type AccessListEntry,
  type AccountAccessListEntry,
  type AtlasEvent,
} from './events';
import { AnswerMemo, type Shared } from './answer-memo';
import { DigestAuthenticator } from './digest';
import { flavorOf, hasServiceAccounts, mediaTypeOf, type Product } from './flavor';
import { gatherPages, pageSize, type Page } from './paging';
import { paths } from './paths';
import { createTransport, defaultRetry, parseBody, type AtlasCall, type Authenticator, type RetryOptions } from './http';
import { ServiceAccountAuthenticator } from './oauth';
import { orgUserSchema, projectUserSchema, type AtlasUser } from './users';
import {
  parseWire,
  wireInvitations,
  wireKey,
  wireOrg,
  wirePage,
  wireProject,
  wireProjectTeam,
  wireSecret,
  wireServiceAccount,
  wireServiceAccountProject,
  wireTeam,
} from './wire';

export type { AtlasUser } from './users';
export type { AccessListEntry, AccountAccessListEntry, AtlasEvent } from './events';

export interface AtlasClientOptions {
  /** e.g. https://cloud.mongodb.com/api/atlas/v2; its path decides the flavor. */
  baseUrl: string;
  /** For an /api/public/v1.0 base URL whose host does not say whether it is Cloud or Ops Manager (ATLAS_PRODUCT). */
  product?: Product;
  orgId: string;
  auth: AtlasAuth;
  /** Per HTTP exchange. */
  timeoutMs?: number;
  /** For GETs only. */
  retry?: Partial<RetryOptions>;
  /** Defaults to a keep-alive agent of the client's own; tests pass theirs to close it. */
  dispatcher?: Dispatcher;
  /** Opens one keep-alive connection to the upstream: Digest lends each of its nonces with its own (see `digest.ts`). */
  connection?: () => Dispatcher;
}

export interface AtlasProject {
  id: string;
  name: string;
  orgId: string;
}

export interface AtlasTeam {
  id: string;
  name: string;
}

/** The roles one team holds in one project; `id` is the team's. */
export interface AtlasProjectTeam {
  id: string;
  roleNames: string[];
}

export interface AtlasClient {
  readonly flavor: Flavor;
  readonly orgId: string;
  /** Atlas v2 and Cloud Manager have service accounts; on the others their methods refuse before sending anything. */
  readonly hasServiceAccounts: boolean;
  /** Shared: the same frozen value, with its JSON, for as long as the upstream's answer does not change. */
  listProjectKeys(groupId: string): Promise<Shared<Page<ApiKey>>>;
  /** The only answer whose privateKey is not redacted. */
  createProjectKey(groupId: string, body: { desc: string; roles: string[] }): Promise<ApiKey>;
  assignKey(groupId: string, apiKeyId: string, roles: string[]): Promise<ApiKey>;
  /** Replaces the key's roles in the project: roles not listed are removed. */
  updateKeyRoles(groupId: string, apiKeyId: string, roles: string[]): Promise<ApiKey>;
  unassignKey(groupId: string, apiKeyId: string): Promise<void>;
  listOrgKeys(): Promise<Shared<Page<ApiKey>>>;
  getOrgKey(apiKeyId: string): Promise<ApiKey>;
  getOrg(): Promise<{ id: string; name: string }>;
  listProjects(): Promise<Page<AtlasProject>>;
  getProject(groupId: string): Promise<AtlasProject>;
  listProjectUsers(groupId: string): Promise<Page<AtlasUser>>;
  listOrgUsers(): Promise<Page<AtlasUser>>;
  listOrgTeams(): Promise<Page<AtlasTeam>>;
  /** The teams holding roles in the project, with those roles. */
  listProjectTeams(groupId: string): Promise<Page<AtlasProjectTeam>>;
  /** v1.0 only: who was invited and has not joined (v2 lists them among the users, with their status). */
  listOrgInvitations(): Promise<{ username: string }[]>;
  /**
   * The API key events of the organization, or of one project, created in [since, until] — newest first. A fixed
   * `until` keeps the list from growing while it is paged.
   */
  listKeyEvents(scope: { groupId?: string; since?: Date; until: Date }): Promise<AtlasEvent[]>;
  /** The key's access list entries, each with its last use when the upstream knows it. */
  listAccessList(apiKeyId: string): Promise<AccessListEntry[]>;
  /** The project's service accounts, each with its roles there and its secrets (masked). */
  listProjectServiceAccounts(groupId: string): Promise<Page<ServiceAccount>>;
  /** Rejects with the upstream's 404 when the account is not in the project. */
  getProjectServiceAccount(groupId: string, clientId: string): Promise<ServiceAccount>;
  /** The only answer that carries the new account's secret in full. */
  createProjectServiceAccount(groupId: string, body: CreateServiceAccountBody): Promise<ServiceAccount>;
  /** Replaces the account's roles in the project: roles not listed are removed. */
  updateServiceAccountRoles(groupId: string, clientId: string, roles: string[]): Promise<ServiceAccount>;
  /** Removes the account from the project only; its secrets stay valid until they expire. */
  removeProjectServiceAccount(groupId: string, clientId: string): Promise<void>;
  /** An organization's account joins the project with these roles. */
  inviteServiceAccount(groupId: string, clientId: string, roles: string[]): Promise<ServiceAccount>;
  /** The only answer that carries the new secret in full. */
  createServiceAccountSecret(groupId: string, clientId: string, secretExpiresAfterHours: number): Promise<ServiceAccountSecret>;
  deleteServiceAccountSecret(groupId: string, clientId: string, secretId: string): Promise<void>;
  /** The organization's accounts; their `roles` are organization roles. */
  listOrgServiceAccounts(): Promise<Page<ServiceAccount>>;
  /** The projects an account is in, with its roles in each. */
  listServiceAccountProjects(clientId: string): Promise<{ groupId: string; roles: string[] }[]>;
  /** The account's access list, read through its organization (in a project or not); empty = usable from any address. */
  listServiceAccountAccessList(clientId: string): Promise<AccountAccessListEntry[]>;
}

/** How a request gets the console's credential: Digest (an organization API key) or a bearer token (a service account). */
export type AtlasAuth =
  | { kind: 'digest'; publicKey: string; privateKey: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string; tokenUrl?: string };

function createAuthenticator(
  auth: AtlasAuth,
  upstream: { origin: string; dispatcher: Dispatcher; connection: () => Dispatcher; timeoutMs: number },
): Authenticator {
  if (auth.kind === 'digest') return new DigestAuthenticator(auth.publicKey, auth.privateKey, { connection: upstream.connection });
  const tokenUrl = new URL(auth.tokenUrl ?? `${upstream.origin}/api/oauth/token`);
  return new ServiceAccountAuthenticator({ ...upstream, tokenUrl, clientId: auth.clientId, clientSecret: auth.clientSecret });
}

function targetOf(request: AtlasCall): string {
  const query = Object.entries(request.query ?? {}).flatMap(([name, value]) => [value].flat().map((one) => [name, one]));
  return `${request.mediaType ?? ''} ${request.path}?${new URLSearchParams(query).toString()}`;
}

export function createAtlasClient(options: AtlasClientOptions): AtlasClient {
  const baseUrl = new URL(options.baseUrl);
  const { orgId } = options;
  const flavor = flavorOf(baseUrl, options.product);
  const v2 = flavor === 'atlas-v2';
  const timeoutMs = options.timeoutMs ?? 10_000;
  // Reused connections spare a TCP and TLS handshake per call; the upstream is one host.
  const dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, connections: 32 });
  const connection = options.connection ?? (() => new Client(baseUrl.origin, { keepAliveTimeout: 30_000 }));
  const authenticator = createAuthenticator(options.auth, { origin: baseUrl.origin, dispatcher, connection, timeoutMs });
  const call = createTransport({
    baseUrl,
    mediaType: mediaTypeOf(flavor),
    authenticator,
    dispatcher,
    timeoutMs,
    retry: { ...defaultRetry, ...options.retry },
  });

  const memo = new AnswerMemo();
  const decode = <T extends z.ZodType>(schema: T, text: string | undefined, what: string): z.output<T> =>
    parseWire(schema, parseBody(text, what), what);
  const read = async <T extends z.ZodType>(schema: T, request: AtlasCall): Promise<z.output<T>> => {
    const what = `${request.method} ${request.path}`;
    const answer = await call(request);
    if (request.method !== 'GET' || answer === undefined) return decode(schema, answer?.text, what);
    return memo.decode(targetOf(request), answer.bytes, () => decode(schema, answer.text, what) as z.output<T> & object);
  };
  /** A GET's answer, shared with every other read of the same unchanged answer (the Admin API's are objects or arrays). */
  const get = async <T extends z.ZodType>(schema: T, request: Omit<AtlasCall, 'method'>): Promise<Shared<z.output<T> & object>> =>
    (await read(schema, { ...request, method: 'GET' })) as Shared<z.output<T> & object>;

  const list = <T extends z.ZodType<{ id: string }>>(
    path: string,
    item: T,
    mediaType?: string,
    query: Record<string, string | string[]> = {},
    // The service account lists take no includeCount: they always count.
    { askCount = true } = {},
  ): Promise<Shared<Page<z.output<T>>>> =>
    gatherPages(`GET ${path}`, (pageNum) =>
      get(wirePage(item), {
        path,
        query: { ...query, pageNum: String(pageNum), itemsPerPage: String(pageSize), ...(askCount ? { includeCount: 'true' } : {}) },
        mediaType,
      }),
    );
  const usersMediaType = mediaTypeOf(flavor, 'users');

  const getOrgKey = async (apiKeyId: string) => read(wireKey, { method: 'GET', path: paths.orgKey(orgId, apiKeyId) });

  const serviceAccounts = hasServiceAccounts(flavor);
  const accountsMediaType = mediaTypeOf(flavor, 'serviceAccounts');
  const available = () => {
    if (!serviceAccounts) throw new RangeError(`service accounts do not exist on ${flavor}`);
  };
  /** The account as the console's contract has it: the paging id (its client id) goes. */
  const account = ({ id: _id, ...rest }: z.output<typeof wireServiceAccount>): ServiceAccount => rest;
  const accountCall = async (request: Omit<AtlasCall, 'mediaType'>) => {
    available();
    return account(await read(wireServiceAccount, { ...request, mediaType: accountsMediaType }));
  };
  const listAccounts = async (path: string): Promise<Page<ServiceAccount>> => {
    available();
    const page = await list(path, wireServiceAccount, accountsMediaType, {}, { askCount: false });
    return { results: page.results.map(account), totalCount: page.totalCount };
  };
  const sendAccountChange = async (request: Omit<AtlasCall, 'mediaType'>) => {
    available();
    await call({ ...request, mediaType: accountsMediaType });
  };

  return {
    flavor,
    orgId,
    hasServiceAccounts: serviceAccounts,
    listProjectKeys: async (groupId) => list(paths.projectKeys(groupId), wireKey),
    createProjectKey: async (groupId, { desc, roles }) =>
      read(wireKey, { method: 'POST', path: paths.projectKeys(groupId), body: { desc, roles } }),
    async assignKey(groupId, apiKeyId, roles) {
      const path = paths.projectKey(groupId, apiKeyId);
      if (!v2) return read(wireKey, { method: 'PATCH', path, body: { roles } });
      // v2 assigns with a POST of an array and may answer without a body; then the key is read back.
      const answer = await call({ method: 'POST', path, body: [{ roles }] });
      return answer === undefined ? getOrgKey(apiKeyId) : decode(wireKey, answer.text, `POST ${path}`);
    },
    updateKeyRoles: async (groupId, apiKeyId, roles) =>
      read(wireKey, { method: 'PATCH', path: paths.projectKey(groupId, apiKeyId), body: { roles } }),
    async unassignKey(groupId, apiKeyId) {
      await call({ method: 'DELETE', path: paths.projectKey(groupId, apiKeyId) });
    },
    listOrgKeys: async () => list(paths.orgKeys(orgId), wireKey),
    getOrgKey,
    getOrg: async () => read(wireOrg, { method: 'GET', path: paths.org(orgId) }),
    listProjects: async () => list(paths.orgProjects(orgId), wireProject),
    getProject: async (groupId) => read(wireProject, { method: 'GET', path: paths.project(groupId) }),
    listProjectUsers: async (groupId) => list(paths.projectUsers(groupId), projectUserSchema(v2, groupId), usersMediaType),
    listOrgUsers: async () => list(paths.orgUsers(orgId), orgUserSchema(v2, orgId), usersMediaType),
    listOrgTeams: async () => list(paths.orgTeams(orgId), wireTeam),
    listProjectTeams: async (groupId) => list(paths.projectTeams(groupId), wireProjectTeam),
    async listOrgInvitations() {
      if (v2) throw new RangeError('Atlas v2 lists invited people among the users');
      return read(wireInvitations, { method: 'GET', path: paths.orgInvitations(orgId) });
    },
    async listKeyEvents({ groupId, since, until }) {
      const path = groupId ? paths.projectEvents(groupId) : paths.orgEvents(orgId);
      const query = {
        // Ops Manager and Atlas v1.0 have no service accounts; an event type a server does not know fails the read.
        eventType: [...keyEventTypeNames, ...(serviceAccounts ? serviceAccountEventTypeNames : [])],
        ...(since ? { minDate: since.toISOString() } : {}),
        maxDate: until.toISOString(),
      };
      return (await list(path, wireEvent, undefined, query)).results;
    },
    listAccessList: async (apiKeyId) => (await list(paths.orgKeyAccessList(orgId, apiKeyId), wireAccessListEntry)).results,
    listProjectServiceAccounts: async (groupId) => listAccounts(paths.projectServiceAccounts(groupId)),
    getProjectServiceAccount: async (groupId, clientId) => accountCall({ method: 'GET', path: paths.projectServiceAccount(groupId, clientId) }),
    createProjectServiceAccount: async (groupId, body) => accountCall({ method: 'POST', path: paths.projectServiceAccounts(groupId), body }),
    updateServiceAccountRoles: async (groupId, clientId, roles) =>
      accountCall({ method: 'PATCH', path: paths.projectServiceAccount(groupId, clientId), body: { roles } }),
    removeProjectServiceAccount: async (groupId, clientId) => sendAccountChange({ method: 'DELETE', path: paths.projectServiceAccount(groupId, clientId) }),
    inviteServiceAccount: async (groupId, clientId, roles) =>
      accountCall({ method: 'POST', path: paths.inviteServiceAccount(groupId, clientId), body: { roles } }),
    async createServiceAccountSecret(groupId, clientId, secretExpiresAfterHours) {
      available();
      const path = paths.serviceAccountSecrets(groupId, clientId);
      return read(wireSecret, { method: 'POST', path, body: { secretExpiresAfterHours }, mediaType: accountsMediaType });
    },
    deleteServiceAccountSecret: async (groupId, clientId, secretId) =>
      sendAccountChange({ method: 'DELETE', path: paths.serviceAccountSecret(groupId, clientId, secretId) }),
    listOrgServiceAccounts: async () => listAccounts(paths.orgServiceAccounts(orgId)),
    async listServiceAccountProjects(clientId) {
      available();
      const page = await list(paths.orgServiceAccountProjects(orgId, clientId), wireServiceAccountProject, accountsMediaType, {}, { askCount: false });
      return page.results.map(({ id, roles }) => ({ groupId: id, roles }));
    },
    async listServiceAccountAccessList(clientId) {
      available();
      return (await list(paths.serviceAccountAccessList(orgId, clientId), wireAccountAccessListEntry, accountsMediaType)).results;
    },
  };
}
