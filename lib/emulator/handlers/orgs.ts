// Organizations: the ones the caller holds a role in, and one of them.
import { jsonAnswer } from '../answer';
import type { Handler } from '../context';
import { orgFor } from '../lookup';
import { page, parsePaging } from '../paging';
import { isOrgMember } from '../permissions';
import { renderOrg } from '../render';

export const listOrgs: Handler = (context) => {
  const paging = parsePaging(context.url.searchParams);
  const roles = context.principal.roles();
  const orgs = context.state.data.orgs.filter((o) => isOrgMember(context.state, roles, o.id)).map((o) => renderOrg(o, context.base));
  return jsonAnswer(200, page(orgs, paging, context.url), context.how);
};

export const getOrg: Handler = (context) => jsonAnswer(200, renderOrg(orgFor(context), context.base), context.how);
