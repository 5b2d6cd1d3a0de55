import { describe, expect, it } from 'vitest';
import { paths } from './paths';

const group = '5e2211c17a3e5a48f5497de3';
const key = '5d1d143c87d9d63e6d694746';

describe('paths', () => {
  it('builds paths from 24-hex ids', () => {
    expect(paths.projectKey(group, key)).toBe(`/groups/${group}/apiKeys/${key}`);
    expect(paths.orgProjects(group)).toBe(`/orgs/${group}/groups`);
  });

  it.each(['abcdefgh', '../orgs', `${group}/../x`, `${group}?a=b`, group.toUpperCase(), '', `${key}%2F`])('refuses %j rather than escaping it', (bad) => {
    expect(() => paths.projectKey(group, bad)).toThrow(RangeError);
    expect(() => paths.projectUsers(bad)).toThrow('groupId must be 24 lowercase hexadecimal digits');
  });
});
