// Upstream resource paths, built only from checked 24-hex ids so nothing from outside is ever spliced into a URL.
import 'server-only';
import { isObjectId } from '@/lib/api/ids';

/** Refuses rather than escapes: a value that is not an id is a caller's bug, and the route handlers already answer 400. */
function id(name: string, value: string): string {
  if (!isObjectId(value)) throw new RangeError(`${name} must be 24 lowercase hexadecimal digits`);
  return value;
}

/** A service account's client id: `mdb_sa_id_` and 24 hex digits, checked like an id. */
function clientId(value: string): string {
  if (!/^mdb_sa_id_[a-f0-9]{24}$/.test(value)) throw new RangeError('clientId must be mdb_sa_id_ and 24 lowercase hexadecimal digits');
  return value;
}

export const paths = {
  org: (orgId: string) => `/orgs/${id('orgId', orgId)}`,
  orgKeys: (orgId: string) => `${paths.org(orgId)}/apiKeys`,
  orgKey: (orgId: string, apiKeyId: string) => `${paths.orgKeys(orgId)}/${id('apiKeyId', apiKeyId)}`,
  orgProjects: (orgId: string) => `${paths.org(orgId)}/groups`,
  orgUsers: (orgId: string) => `${paths.org(orgId)}/users`,
  orgTeams: (orgId: string) => `${paths.org(orgId)}/teams`,
  orgInvitations: (orgId: string) => `${paths.org(orgId)}/invites`,
  project: (groupId: string) => `/groups/${id('groupId', groupId)}`,
  projectKeys: (groupId: string) => `${paths.project(groupId)}/apiKeys`,
  projectKey: (groupId: string, apiKeyId: string) => `${paths.projectKeys(groupId)}/${id('apiKeyId', apiKeyId)}`,
  projectUsers: (groupId: string) => `${paths.project(groupId)}/users`,
  projectTeams: (groupId: string) => `${paths.project(groupId)}/teams`,
  orgEvents: (orgId: string) => `${paths.org(orgId)}/events`,
  projectEvents: (groupId: string) => `${paths.project(groupId)}/events`,
  orgKeyAccessList: (orgId: string, apiKeyId: string) => `${paths.orgKey(orgId, apiKeyId)}/accessList`,
  orgServiceAccounts: (orgId: string) => `${paths.org(orgId)}/serviceAccounts`,
  orgServiceAccount: (orgId: string, account: string) => `${paths.orgServiceAccounts(orgId)}/${clientId(account)}`,
  orgServiceAccountProjects: (orgId: string, account: string) => `${paths.orgServiceAccount(orgId, account)}/groups`,
  /** The account's access list through its organization (listOrgAccessList): readable for an account in no project. */
  serviceAccountAccessList: (orgId: string, account: string) => `${paths.orgServiceAccount(orgId, account)}/accessList`,
  projectServiceAccounts: (groupId: string) => `${paths.project(groupId)}/serviceAccounts`,
  projectServiceAccount: (groupId: string, account: string) => `${paths.projectServiceAccounts(groupId)}/${clientId(account)}`,
  inviteServiceAccount: (groupId: string, account: string) => `${paths.projectServiceAccount(groupId, account)}:invite`,
  serviceAccountSecrets: (groupId: string, account: string) => `${paths.projectServiceAccount(groupId, account)}/secrets`,
  serviceAccountSecret: (groupId: string, account: string, secretId: string) =>
    `${paths.serviceAccountSecrets(groupId, account)}/${id('secretId', secretId)}`,
};
