// Projects: those the caller can see, those of an organization, and one of them.
import { jsonAnswer } from '../answer';
import type { Handler } from '../context';
import { orgFor, projectFor } from '../lookup';
import { page, parsePaging } from '../paging';
import { projectAccess } from '../permissions';
import { renderProject } from '../render';

/** GET /groups — every project in which the caller holds a role, directly or through an org-wide role. */
export const listProjects: Handler = (context) => {
  const paging = parsePaging(context.url.searchParams);
  const roles = context.principal.roles();
  const projects = context.state.data.projects
    .filter((p) => projectAccess(roles, p) !== 'none')
    .map((p) => renderProject(p, context.base));
  return jsonAnswer(200, page(projects, paging, context.url), context.how);
};

export const listOrgProjects: Handler = (context) => {
  const org = orgFor(context);
  const paging = parsePaging(context.url.searchParams);
  const projects = context.state.projectsOf(org.id).map((p) => renderProject(p, context.base));
  return jsonAnswer(200, page(projects, paging, context.url), context.how);
};

export const getProject: Handler = (context) => jsonAnswer(200, renderProject(projectFor(context, 'read'), context.base), context.how);
