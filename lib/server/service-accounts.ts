// A project's service accounts (DESIGN §7): list, create, change roles, remove, invite, rotate secrets — each change recorded in the history.
import 'server-only';
import type { UpdateRolesBody } from '@/lib/api/schemas';
import { sameRoles } from '@/lib/api/role-assignments';
import type {
  CreateSecretBody,
  CreateServiceAccountBody,
  InviteServiceAccountBody,
  ServiceAccount,
  ServiceAccountList,
  ServiceAccountSecret,
} from '@/lib/api/service-accounts';
import type { AtlasClient } from '@/lib/atlas/client';
import type { Person } from '@/lib/auth/session';
import { consoleError } from '@/lib/console-errors';
import type { ChangeIntent, SuccessDetails } from '@/lib/history/change';
import { recordChange } from '@/lib/history/record-change';
import { getAtlas, getChangeStore, readCurrentRoles } from '@/lib/services';
import { resolveOrgRoles } from './access';
import { exclusively } from './keyed-lock';
import { checkGrantable } from './project-keys';

/** Ops Manager and Atlas v1.0 have none: the page says so rather than showing an empty list. */
function withServiceAccounts(): AtlasClient {
  const atlas = getAtlas();
  if (!atlas.hasServiceAccounts) throw consoleError('SERVICE_ACCOUNTS_UNAVAILABLE');
  return atlas;
}

/** A list answer never carries a secret's value, whatever the upstream sent. */
const listed = (account: ServiceAccount): ServiceAccount => ({ ...account, secrets: account.secrets.map(({ secret: _secret, ...rest }) => rest) });

const sorted = (roles: readonly string[]) => [...roles].sort();

/**
 * Runs one change to a service account in the project between its intent and its outcome in the history; a change
 * whose answer may be lost and that can be read back passes `reconcile`.
 */
async function recorded<T>(
  person: Person,
  groupId: string,
  change: Omit<ChangeIntent, 'actor' | 'kind' | 'groupId'>,
  run: () => Promise<T>,
  describeSuccess: (result: T) => SuccessDetails,
  reconcile?: typeof readCurrentRoles,
): Promise<T> {
  return recordChange(await getChangeStore(), { actor: person.email, kind: 'serviceAccount', groupId, ...change }, run, describeSuccess, reconcile);
}

/** How the history names an account that exists already. */
const named = (account: ServiceAccount) => ({ clientId: account.clientId, keyDesc: account.name });

/** What the history keeps of an answer that is the account with its new roles. */
const rolesNow = (account: ServiceAccount) => ({ clientId: account.clientId, rolesAfter: sorted(account.roles) });

export async function listProjectServiceAccounts(groupId: string): Promise<ServiceAccountList> {
  const accounts = await withServiceAccounts().listProjectServiceAccounts(groupId);
  return { results: accounts.results.map(listed), totalCount: accounts.totalCount };
}

/** The organization's accounts, for the invite dialog: for those who may read the whole organization, as upstream. */
export async function listOrgServiceAccounts(person: Person, orgId: string): Promise<ServiceAccountList> {
  const atlas = withServiceAccounts();
  const orgRoles = orgId === atlas.orgId ? await resolveOrgRoles(person.email) : [];
  if (orgRoles.length === 0) throw consoleError('ORG_NOT_FOUND', orgId);
  if (!orgRoles.includes('ORG_OWNER') && !orgRoles.includes('ORG_READ_ONLY')) throw consoleError('NOT_ORG_READER');
  const accounts = await atlas.listOrgServiceAccounts();
  return { results: accounts.results.map(listed), totalCount: accounts.totalCount };
}

/** The answer that carries the new account's secret, once; the history keeps its client id and secret id only. */
export async function createServiceAccount(person: Person, groupId: string, body: CreateServiceAccountBody): Promise<ServiceAccount> {
  const atlas = withServiceAccounts();
  checkGrantable(body.roles);
  const change = { action: 'create', keyDesc: body.name, rolesBefore: [], rolesAfter: sorted(body.roles) } as const;
  const create = () => atlas.createProjectServiceAccount(groupId, body);
  return recorded(person, groupId, change, create, (account) => ({ ...rolesNow(account), secretId: account.secrets[0]?.id }));
}

/** The account as it is in the project now; one that is not there is a 404 the page can explain. */
async function accountIn(atlas: AtlasClient, groupId: string, clientId: string): Promise<ServiceAccount> {
  try {
    return await atlas.getProjectServiceAccount(groupId, clientId);
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) throw consoleError('SERVICE_ACCOUNT_NOT_IN_GROUP', clientId);
    throw error;
  }
}

/** Replaces the account's roles in the project, unless they changed since the editor saw them (409 ROLES_CHANGED). */
export function setServiceAccountRoles(person: Person, groupId: string, clientId: string, body: UpdateRolesBody): Promise<ServiceAccount> {
  return exclusively(clientId, async () => {
    const atlas = withServiceAccounts();
    checkGrantable(body.roles);
    const account = await accountIn(atlas, groupId, clientId);
    const before = sorted(account.roles);
    if (body.expectedRoles && !sameRoles(before, body.expectedRoles)) throw consoleError('ROLES_CHANGED', `service account ${account.name}`, before);
    const change = { action: 'update_roles', ...named(account), rolesBefore: before, rolesAfter: sorted(body.roles) } as const;
    return listed(await recorded(person, groupId, change, () => atlas.updateServiceAccountRoles(groupId, clientId, body.roles), rolesNow, readCurrentRoles));
  });
}

/** Takes the account out of the project; it stays in the organization and its secrets stay valid until they expire. */
export function removeServiceAccount(person: Person, groupId: string, clientId: string): Promise<void> {
  return exclusively(clientId, async () => {
    const atlas = withServiceAccounts();
    const account = await accountIn(atlas, groupId, clientId);
    const change = { action: 'unassign', ...named(account), rolesBefore: sorted(account.roles), rolesAfter: [] } as const;
    await recorded(person, groupId, change, () => atlas.removeProjectServiceAccount(groupId, clientId), () => ({ clientId }), readCurrentRoles);
  });
}

/** An organization's existing account joins the project (Organization Owners only, checked by the route). */
export function inviteServiceAccount(person: Person, groupId: string, clientId: string, body: InviteServiceAccountBody): Promise<ServiceAccount> {
  return exclusively(clientId, async () => {
    const atlas = withServiceAccounts();
    checkGrantable(body.roles);
    const change = { action: 'assign', clientId, rolesBefore: [], rolesAfter: sorted(body.roles) } as const;
    return listed(await recorded(person, groupId, change, () => atlas.inviteServiceAccount(groupId, clientId, body.roles), rolesNow, readCurrentRoles));
  });
}

/** The first half of a rotation: the new secret, with its value in this answer only. */
export async function createSecret(person: Person, groupId: string, clientId: string, body: CreateSecretBody): Promise<ServiceAccountSecret> {
  const atlas = withServiceAccounts();
  const account = await accountIn(atlas, groupId, clientId);
  const roles = sorted(account.roles);
  const change = { action: 'add_secret', ...named(account), rolesBefore: roles, rolesAfter: roles } as const;
  const create = () => atlas.createServiceAccountSecret(groupId, clientId, body.secretExpiresAfterHours);
  return recorded(person, groupId, change, create, (secret) => ({ clientId, secretId: secret.id }));
}

/** The second half of a rotation: the old secret gets no more tokens. */
export async function deleteSecret(person: Person, groupId: string, clientId: string, secretId: string): Promise<void> {
  const atlas = withServiceAccounts();
  const account = await accountIn(atlas, groupId, clientId);
  if (!account.secrets.some((s) => s.id === secretId)) throw consoleError('SECRET_NOT_FOUND', account.name, secretId);
  const roles = sorted(account.roles);
  const change = { action: 'delete_secret', ...named(account), secretId, rolesBefore: roles, rolesAfter: roles } as const;
  await recorded(person, groupId, change, () => atlas.deleteServiceAccountSecret(groupId, clientId, secretId), () => ({ clientId, secretId }));
}
