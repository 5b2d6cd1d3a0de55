// Service accounts of a project and of an organization (v2 and Cloud Manager v1.0): list, create, change roles, remove, invite, secrets.
import { z } from 'zod';
import { jsonAnswer } from '../answer';
import type { Handler, RequestContext } from '../context';
import { apiError } from '../errors';
import { serviceAccountEventTypes } from '../events';
import { parseObjectBody, parseProjectRoles } from '../key-input';
import { inProject, orgFor, projectFor, projectServiceAccountFor, serviceAccountFor } from '../lookup';
import { page, parsePaging } from '../paging';
import { isOrgOwner } from '../permissions';
import type { SeedOrg, SeedProject, SeedSecret, SeedServiceAccount } from '../seed';
import { recordEventAbout } from './events';

/** The first v2 version of the service account resources (access lists included); an older Accept is refused as upstream does. */
const firstVersion = '2024-08-05';

/** Atlas's floor and ceiling for a secret's lifetime; an organization may lower the ceiling. */
const minSecretHours = 8;
const maxSecretHours = 365 * 24;

export function checkVersion(context: RequestContext): void {
  if (context.surface.versioned && (context.version ?? '') < firstVersion) throw apiError('INVALID_VERSION_DATE');
}

/** How the upstream shows a secret after creation: its last four characters. */
const mask = (secret: string) => `mdb_sa_sk_${'*'.repeat(8)}${secret.slice(-4)}`;

function renderSecret(secret: SeedSecret, { reveal = false } = {}) {
  return {
    createdAt: secret.createdAt,
    expiresAt: secret.expiresAt,
    id: secret.id,
    ...(secret.lastUsedAt ? { lastUsedAt: secret.lastUsedAt } : {}),
    maskedSecretValue: mask(secret.secret),
    ...(reveal ? { secret: secret.secret } : {}),
  };
}

/** `roles` are the account's role names in one project (GroupServiceAccount) or in the organization (OrgServiceAccount). */
function renderAccount(account: SeedServiceAccount, where: { groupId: string } | { orgId: string }, revealed?: string) {
  const roles = account.roles.filter((r) => ('groupId' in where ? r.groupId === where.groupId : r.orgId === where.orgId)).map((r) => r.roleName);
  return {
    clientId: account.clientId,
    createdAt: account.createdAt,
    description: account.description,
    name: account.name,
    roles,
    secrets: account.secrets.map((s) => renderSecret(s, { reveal: s.id === revealed })),
  };
}

/** The specification's name pattern: letters, digits, spaces and - _ . , ' only. */
const nameSchema = z.string().min(1).max(64).regex(/^[\p{L}\p{N}\-_.,' ]*$/u);
const descriptionSchema = z.string().max(250);

function parseField<T>(schema: z.ZodType<T>, value: unknown, problem: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw apiError('VALIDATION_ERROR', problem);
  return parsed.data;
}

function parseSecretHours(value: unknown, org: SeedOrg): number {
  const max = org.maxServiceAccountSecretValidityInHours ?? maxSecretHours;
  const parsed = z.number().int().min(minSecretHours).max(max).safeParse(value);
  if (!parsed.success) throw apiError('INVALID_SECRET_EXPIRATION', String(max));
  return parsed.data;
}

function parseRoles(value: unknown, context: RequestContext): string[] {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) throw apiError('MISSING_SERVICE_ACCOUNT_ROLES');
  return parseProjectRoles(value, context.surface);
}

function orgOf(context: RequestContext, project: SeedProject): SeedOrg {
  const org = context.state.org(project.orgId);
  if (!org) throw apiError('ORG_NOT_FOUND', project.orgId);
  return org;
}

/** GET /groups/{groupId}/serviceAccounts — any role in the project. */
export const listProjectServiceAccounts: Handler = (context) => {
  checkVersion(context);
  const project = projectFor(context, 'read');
  const paging = parsePaging(context.url.searchParams);
  const accounts = context.state.serviceAccountsIn(project.id).map((a) => renderAccount(a, { groupId: project.id }));
  return jsonAnswer(200, page(accounts, paging, context.url), context.how);
};

/** GET /groups/{groupId}/serviceAccounts/{clientId} */
export const getProjectServiceAccount: Handler = (context) => {
  checkVersion(context);
  const project = projectFor(context, 'read');
  return jsonAnswer(200, renderAccount(projectServiceAccountFor(context, project), { groupId: project.id }), context.how);
};

/** POST /groups/{groupId}/serviceAccounts — Project Owner; the only answer that carries the first secret in full. */
export const createProjectServiceAccount: Handler = (context) => {
  checkVersion(context);
  const project = projectFor(context, 'own');
  const body = parseObjectBody(context.body);
  const name = parseField(nameSchema, body.name, "name must be 1 to 64 letters, digits, spaces or - _ . , '");
  const description = parseField(descriptionSchema, body.description ?? '', 'description must be at most 250 characters');
  const roles = parseRoles(body.roles, context);
  const secretHours = parseSecretHours(body.secretExpiresAfterHours, orgOf(context, project));
  const { account, secret } = context.state.createServiceAccount(project.orgId, { name, description, groupId: project.id, roles, secretHours });
  recordEventAbout(context, serviceAccountEventTypes.created, account);
  recordEventAbout(context, serviceAccountEventTypes.addedToGroup, account, project.id);
  return jsonAnswer(201, renderAccount(account, { groupId: project.id }, secret.id), context.how);
};

/** PATCH /groups/{groupId}/serviceAccounts/{clientId} — Project Owner; replaces its roles here, and may rename it. */
export const patchProjectServiceAccount: Handler = (context) => {
  checkVersion(context);
  const project = projectFor(context, 'own');
  const account = projectServiceAccountFor(context, project);
  const body = parseObjectBody(context.body);
  const roles = body.roles === undefined ? undefined : parseRoles(body.roles, context);
  const name = body.name === undefined ? undefined : parseField(nameSchema, body.name, "name must be 1 to 64 letters, digits, spaces or - _ . , '");
  const description = body.description === undefined ? undefined : parseField(descriptionSchema, body.description, 'description must be at most 250 characters');
  if (roles) {
    context.state.setProjectRoles(account, project.id, roles);
    recordEventAbout(context, serviceAccountEventTypes.rolesChanged, account, project.id);
  }
  if ((name !== undefined && name !== account.name) || (description !== undefined && description !== account.description)) {
    context.state.setServiceAccountDetails(account, { ...(name === undefined ? {} : { name }), ...(description === undefined ? {} : { description }) });
    recordEventAbout(context, serviceAccountEventTypes.detailsChanged, account);
  }
  return jsonAnswer(200, renderAccount(account, { groupId: project.id }), context.how);
};

/** DELETE /groups/{groupId}/serviceAccounts/{clientId} — removes it from the project only; its secrets stay valid. */
export const removeProjectServiceAccount: Handler = (context) => {
  checkVersion(context);
  const project = projectFor(context, 'own');
  const account = projectServiceAccountFor(context, project);
  context.state.setProjectRoles(account, project.id, []);
  recordEventAbout(context, serviceAccountEventTypes.removedFromGroup, account, project.id);
  return jsonAnswer(204, undefined, context.how);
};

/** POST /groups/{groupId}/serviceAccounts/{clientId}:invite — Organization Owner: an organization's account joins the project. */
export const inviteProjectServiceAccount: Handler = (context) => {
  checkVersion(context);
  const project = projectFor(context, 'read');
  if (!isOrgOwner(context.principal.roles(), project.orgId)) throw apiError('USER_UNAUTHORIZED');
  const account = serviceAccountFor(context, project.orgId, `organization ${project.orgId}`);
  const body = parseObjectBody(context.body);
  const roles = parseRoles(body.roles, context);
  if (inProject(account, project)) throw apiError('SERVICE_ACCOUNT_ALREADY_IN_GROUP', account.clientId, project.id);
  context.state.setProjectRoles(account, project.id, roles);
  recordEventAbout(context, serviceAccountEventTypes.addedToGroup, account, project.id);
  return jsonAnswer(200, renderAccount(account, { groupId: project.id }), context.how);
};

/** POST /groups/{groupId}/serviceAccounts/{clientId}/secrets — Project Owner; the answer is the one place the value shows. */
export const createProjectSecret: Handler = (context) => {
  checkVersion(context);
  const project = projectFor(context, 'own');
  const account = projectServiceAccountFor(context, project);
  const body = parseObjectBody(context.body);
  const secret = context.state.addSecret(account, parseSecretHours(body.secretExpiresAfterHours, orgOf(context, project)));
  recordEventAbout(context, serviceAccountEventTypes.secretAdded, account, project.id);
  return jsonAnswer(201, renderSecret(secret, { reveal: true }), context.how);
};

/** DELETE /groups/{groupId}/serviceAccounts/{clientId}/secrets/{secretId} — Project Owner; tokens can no longer be had with it. */
export const deleteProjectSecret: Handler = (context) => {
  checkVersion(context);
  const project = projectFor(context, 'own');
  const account = projectServiceAccountFor(context, project);
  const secretId = context.params.secretId ?? '';
  if (!account.secrets.some((s) => s.id === secretId)) throw apiError('SERVICE_ACCOUNT_SECRET_NOT_FOUND', secretId, account.clientId);
  context.state.deleteSecret(account, secretId);
  recordEventAbout(context, serviceAccountEventTypes.secretDeleted, account, project.id);
  return jsonAnswer(204, undefined, context.how);
};

/** GET /orgs/{orgId}/serviceAccounts — Organization Read Only or Owner. */
export const listOrgServiceAccounts: Handler = (context) => {
  checkVersion(context);
  const org = orgFor(context, 'reader');
  const paging = parsePaging(context.url.searchParams);
  const accounts = context.state.serviceAccountsOf(org.id).map((a) => renderAccount(a, { orgId: org.id }));
  return jsonAnswer(200, page(accounts, paging, context.url), context.how);
};

/** GET /orgs/{orgId}/serviceAccounts/{clientId} */
export const getOrgServiceAccount: Handler = (context) => {
  checkVersion(context);
  const org = orgFor(context, 'reader');
  return jsonAnswer(200, renderAccount(serviceAccountFor(context, org.id, `organization ${org.id}`), { orgId: org.id }), context.how);
};

/** GET /orgs/{orgId}/serviceAccounts/{clientId}/groups — the projects the account is in, with its roles in each. */
export const listServiceAccountProjects: Handler = (context) => {
  checkVersion(context);
  const org = orgFor(context, 'reader');
  const account = serviceAccountFor(context, org.id, `organization ${org.id}`);
  const paging = parsePaging(context.url.searchParams);
  const byProject = new Map<string, string[]>();
  for (const r of account.roles) if (r.groupId) byProject.set(r.groupId, [...(byProject.get(r.groupId) ?? []), r.roleName]);
  const projects = [...byProject].map(([groupId, roles]) => ({ groupId, roles }));
  return jsonAnswer(200, page(projects, paging, context.url), context.how);
};
