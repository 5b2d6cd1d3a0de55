import { describe, expect, it } from 'vitest';
import { decide } from './permissions';

describe("the Admin API's permission table", () => {
  it.each([
    [[], [], false, false, false, false],
    [['ORG_MEMBER'], [], false, false, false, false],
    [['ORG_MEMBER'], ['GROUP_READ_ONLY'], true, false, false, false],
    [['ORG_MEMBER'], ['GROUP_DATA_ACCESS_ADMIN', 'GROUP_READ_ONLY'], true, false, false, false],
    [['ORG_MEMBER'], ['GROUP_USER_ADMIN'], true, true, false, false],
    // The specification's "Project Access Manager" manages a project's keys; its service accounts need Project Owner.
    [['ORG_MEMBER'], ['GROUP_ACCESS_MANAGER'], true, true, false, false],
    [['ORG_MEMBER'], ['GROUP_OWNER'], true, true, true, false],
    [['ORG_OWNER'], [], true, true, true, true],
    [['ORG_READ_ONLY'], [], true, false, false, false],
    [['ORG_READ_ONLY'], ['GROUP_OWNER'], true, true, true, false],
  ])('org %j, project %j → read %s, keys %s, service accounts %s, invite %s', (org, project, canRead, canManageKeys, canManageServiceAccounts, canInviteServiceAccounts) => {
    expect(decide(org, project)).toEqual({ canRead, canManageKeys, canManageServiceAccounts, canInviteServiceAccounts });
  });
});
