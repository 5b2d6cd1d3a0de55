// A service account's access list (v2 from 2024-08-05, Cloud Manager): list, add entries, delete one, through a project
// the account is in or through its organization; the list is the account's, so both paths read and change the same one.
import { z } from 'zod';
import { accessListEntryOf } from '../access-list';
import { jsonAnswer } from '../answer';
import type { Handler, RequestContext } from '../context';
import { apiError } from '../errors';
import { serviceAccountEventTypes } from '../events';
import { parseJsonBody } from '../key-input';
import { orgFor, projectFor, projectServiceAccountFor, serviceAccountFor } from '../lookup';
import { page, parsePaging } from '../paging';
import type { SeedServiceAccount } from '../seed';
import { recordEventAbout } from './events';
import { checkVersion } from './service-accounts';

/** The whole list as a page; stored entries are ServiceAccountIPAccessListEntry as is (no links, `ipAddress` for one address only). */
function listAnswer(context: RequestContext, account: SeedServiceAccount) {
  const paging = parsePaging(context.url.searchParams);
  return jsonAnswer(200, page(account.accessList ?? [], paging, context.url), context.how);
}

/** The specification's request body: at most 200 entries, each an address or a block (its other fields are read-only). */
const entriesBody = z.array(z.strictObject({ cidrBlock: z.string().optional(), ipAddress: z.string().optional() })).max(200);

function parseEntries(body: string): { cidrBlock: string; ipAddress?: string }[] {
  const parsed = entriesBody.safeParse(parseJsonBody(body));
  if (!parsed.success) throw apiError('VALIDATION_ERROR', 'the body must be an array of at most 200 {"ipAddress"} or {"cidrBlock"} entries');
  return parsed.data.map(({ cidrBlock, ipAddress }) => {
    const text = cidrBlock ?? ipAddress;
    const entry = text === undefined || (cidrBlock !== undefined && ipAddress !== undefined) ? undefined : accessListEntryOf(text);
    if (!entry || (ipAddress !== undefined && !entry.ipAddress) || (cidrBlock !== undefined && !cidrBlock.includes('/'))) {
      throw apiError('VALIDATION_ERROR', `each entry needs one ipAddress or one cidrBlock, not ${JSON.stringify({ cidrBlock, ipAddress })}`);
    }
    return entry;
  });
}

function addEntries(context: RequestContext, account: SeedServiceAccount, groupId?: string) {
  const added = context.state.addAccessListEntries(account, parseEntries(context.body));
  // One event per entry added, as for keys' access lists; the event view has no field for the address.
  added.forEach(() => recordEventAbout(context, serviceAccountEventTypes.accessListEntryAdded, account, groupId));
  return listAnswer(context, account);
}

/** The address, or the block with its slash encoded as %2F; answers 204. */
function deleteEntry(context: RequestContext, account: SeedServiceAccount, groupId?: string) {
  const text = context.params.ipAddress ?? '';
  const wanted = accessListEntryOf(text);
  if (!wanted) throw apiError('VALIDATION_ERROR', `${text} is neither an IP address nor a CIDR block`);
  if (!(account.accessList ?? []).some((e) => e.cidrBlock === wanted.cidrBlock)) throw apiError('RESOURCE_NOT_FOUND', `access list entry ${text} of ${account.clientId}`);
  context.state.deleteAccessListEntry(account, wanted.cidrBlock);
  recordEventAbout(context, serviceAccountEventTypes.accessListEntryDeleted, account, groupId);
  return jsonAnswer(204, undefined, context.how);
}

/** GET /groups/{groupId}/serviceAccounts/{clientId}/accessList — any role in the project ("Project Read Only"). */
export const listServiceAccountAccessList: Handler = (context) => {
  checkVersion(context);
  const project = projectFor(context, 'read');
  return listAnswer(context, projectServiceAccountFor(context, project));
};

/** POST …/accessList — "Project Access Manager" (a key manager here, or Organization Owner); answers the whole list. */
export const addServiceAccountAccessList: Handler = (context) => {
  checkVersion(context);
  const project = projectFor(context, 'manage');
  return addEntries(context, projectServiceAccountFor(context, project), project.id);
};

/** DELETE …/accessList/{ipAddress} — "Project Access Manager", as adding. */
export const deleteServiceAccountAccessListEntry: Handler = (context) => {
  checkVersion(context);
  const project = projectFor(context, 'manage');
  return deleteEntry(context, projectServiceAccountFor(context, project), project.id);
};

/** GET /orgs/{orgId}/serviceAccounts/{clientId}/accessList (listOrgAccessList) — "Organization Read Only"; an account in no project included. */
export const listOrgServiceAccountAccessList: Handler = (context) => {
  checkVersion(context);
  const org = orgFor(context, 'reader');
  return listAnswer(context, serviceAccountFor(context, org.id, `organization ${org.id}`));
};

/** POST /orgs/{orgId}/serviceAccounts/{clientId}/accessList (createOrgAccessList) — "Organization Owner"; the events are the organization's. */
export const addOrgServiceAccountAccessList: Handler = (context) => {
  checkVersion(context);
  const org = orgFor(context, 'owner');
  return addEntries(context, serviceAccountFor(context, org.id, `organization ${org.id}`));
};

/** DELETE /orgs/{orgId}/serviceAccounts/{clientId}/accessList/{ipAddress} (deleteOrgAccessEntry) — "Organization Owner". */
export const deleteOrgServiceAccountAccessListEntry: Handler = (context) => {
  checkVersion(context);
  const org = orgFor(context, 'owner');
  return deleteEntry(context, serviceAccountFor(context, org.id, `organization ${org.id}`));
};
