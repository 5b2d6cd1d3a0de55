// The Admin API's five operations on a project's API keys: list, create and assign, assign an org key, modify roles, unassign.
import { z } from 'zod';
import { jsonAnswer } from '../answer';
import type { Handler, RequestContext } from '../context';
import { apiError } from '../errors';
import { keyEventTypes } from '../events';
import { parseDesc, parseJsonBody, parseObjectBody, parseProjectRoles } from '../key-input';
import { inProject, projectFor, orgKeyFor } from '../lookup';
import { page, parsePaging } from '../paging';
import { renderKey } from '../render';
import type { SeedApiKey, SeedProject } from '../seed';
import { recordEventAbout } from './events';

function keyOf(context: RequestContext, project: SeedProject): SeedApiKey {
  return orgKeyFor(context, project.orgId, `organization ${project.orgId}`);
}

export const listProjectKeys: Handler = (context) => {
  const project = projectFor(context, 'read');
  const paging = parsePaging(context.url.searchParams);
  const keys = context.state.keysIn(project.id).map((k) => renderKey(k, context.base));
  return jsonAnswer(200, page(keys, paging, context.url), context.how);
};

/** POST /groups/{groupId}/apiKeys — the only answer that carries the private key in full. */
export const createProjectKey: Handler = (context) => {
  const project = projectFor(context, 'manage');
  const body = parseObjectBody(context.body);
  const desc = parseDesc(body.desc);
  const roles = parseProjectRoles(body.roles, context.surface);
  const key = context.state.createKey(project.orgId, desc, project.id, roles);
  recordEventAbout(context, keyEventTypes.created, key);
  recordEventAbout(context, keyEventTypes.addedToGroup, key, project.id);
  return jsonAnswer(200, renderKey(key, context.base, { unredacted: true }), context.how);
};

/**
 * PATCH /groups/{groupId}/apiKeys/{apiKeyId} — replaces the key's roles in this project. On v1.0 the same call
 * assigns an organization key that is not in the project yet; v2 has POST for that and refuses it here.
 */
export const patchProjectKey: Handler = (context) => {
  const project = projectFor(context, 'manage');
  const key = keyOf(context, project);
  if (context.surface.versioned && !inProject(key, project)) throw apiError('API_KEY_NOT_FOUND', key.id, `project ${project.id}`);
  const body = parseObjectBody(context.body);
  const roles = parseProjectRoles(body.roles, context.surface);
  // v2's updateApiKeyRoles may also rename the key.
  const desc = context.surface.versioned && body.desc !== undefined ? parseDesc(body.desc) : undefined;
  const assigning = !inProject(key, project);
  context.state.setProjectRoles(key, project.id, roles);
  recordEventAbout(context, assigning ? keyEventTypes.addedToGroup : keyEventTypes.rolesChanged, key, project.id);
  if (desc !== undefined && desc !== key.desc) {
    context.state.setDesc(key, desc);
    recordEventAbout(context, keyEventTypes.descriptionChanged, key);
  }
  return jsonAnswer(200, renderKey(key, context.base), context.how);
};

const assignmentBody = z.array(z.object({ roles: z.array(z.unknown()).optional() }));

/** POST /groups/{groupId}/apiKeys/{apiKeyId} (v2 only, addGroupApiKey): assigns an org key; the body is an array of `{roles}`. Answers 204, no body. */
export const assignProjectKey: Handler = (context) => {
  const project = projectFor(context, 'manage');
  const key = keyOf(context, project);
  const parsed = assignmentBody.safeParse(parseJsonBody(context.body));
  if (!parsed.success) throw apiError('VALIDATION_ERROR', 'the body must be an array of {"roles": [...]}');
  const roles = parseProjectRoles(
    parsed.data.flatMap((entry) => entry.roles ?? []),
    context.surface,
  );
  if (inProject(key, project)) throw apiError('API_KEY_ALREADY_IN_GROUP', key.id, project.id);
  context.state.setProjectRoles(key, project.id, roles);
  recordEventAbout(context, keyEventTypes.addedToGroup, key, project.id);
  return jsonAnswer(204, undefined, context.how);
};

/** DELETE /groups/{groupId}/apiKeys/{apiKeyId} — removes the key's roles here; it stays in the organization with its others. */
export const unassignProjectKey: Handler = (context) => {
  const project = projectFor(context, 'manage');
  const key = keyOf(context, project);
  if (!inProject(key, project)) throw apiError('API_KEY_NOT_FOUND', key.id, `project ${project.id}`);
  context.state.setProjectRoles(key, project.id, []);
  recordEventAbout(context, keyEventTypes.removedFromGroup, key, project.id);
  return jsonAnswer(204, undefined, context.how);
};
