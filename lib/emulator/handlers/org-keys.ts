// An organization's API keys, each with all its project and organization roles, and a key's access list.
import { jsonAnswer } from '../answer';
import type { Handler } from '../context';
import { orgFor, orgKeyFor } from '../lookup';
import { page, parsePaging } from '../paging';
import { renderAccessListEntry, renderKey } from '../render';

export const listOrgKeys: Handler = (context) => {
  const org = orgFor(context);
  const paging = parsePaging(context.url.searchParams);
  const keys = context.state.keysOf(org.id).map((k) => renderKey(k, context.base));
  return jsonAnswer(200, page(keys, paging, context.url), context.how);
};

export const getOrgKey: Handler = (context) => {
  const org = orgFor(context);
  return jsonAnswer(200, renderKey(orgKeyFor(context, org.id, `organization ${org.id}`), context.base), context.how);
};

/** Where and when a key was last used: the only usage signal the upstream gives. */
export const listAccessList: Handler = (context) => {
  const org = orgFor(context);
  const key = orgKeyFor(context, org.id, `organization ${org.id}`);
  const paging = parsePaging(context.url.searchParams);
  const entries = (key.accessList ?? []).map((e) => renderAccessListEntry(e, key, context.base));
  return jsonAnswer(200, page(entries, paging, context.url), context.how);
};
