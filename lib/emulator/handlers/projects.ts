// Projects: those of an organization, and one of them.
import { jsonAnswer } from '../answer';
import type { Handler } from '../context';
import { orgFor, projectFor } from '../lookup';
import { page, parsePaging } from '../paging';
import { renderProject } from '../render';

export const listOrgProjects: Handler = (context) => {
  const org = orgFor(context);
  const paging = parsePaging(context.url.searchParams);
  const projects = context.state.projectsOf(org.id).map((p) => renderProject(p, context.base));
  return jsonAnswer(200, page(projects, paging, context.url), context.how);
};

export const getProject: Handler = (context) => jsonAnswer(200, renderProject(projectFor(context, 'read'), context.base), context.how);
