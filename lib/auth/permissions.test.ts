import { describe, expect, it } from 'vitest';
import { decide } from './permissions';

describe("the Admin API's permission table", () => {
  it.each([
    [[], [], false, false],
    [['ORG_MEMBER'], [], false, false],
    [['ORG_MEMBER'], ['GROUP_READ_ONLY'], true, false],
    [['ORG_MEMBER'], ['GROUP_DATA_ACCESS_ADMIN', 'GROUP_READ_ONLY'], true, false],
    [['ORG_MEMBER'], ['GROUP_USER_ADMIN'], true, true],
    [['ORG_MEMBER'], ['GROUP_OWNER'], true, true],
    [['ORG_OWNER'], [], true, true],
    [['ORG_READ_ONLY'], [], true, false],
    [['ORG_READ_ONLY'], ['GROUP_OWNER'], true, true],
  ])('org %j, project %j → read %s, manage %s', (org, project, canRead, canManageKeys) => {
    expect(decide(org, project)).toEqual({ canRead, canManageKeys });
  });
});
