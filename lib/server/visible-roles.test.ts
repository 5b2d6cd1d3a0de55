import { describe, expect, it } from 'vitest';
import type { ApiKey, ApiKeyList } from '@/lib/api/schemas';
import { share } from '@/lib/atlas/answer-memo';
import { listWithVisibleRoles } from './visible-roles';

const key = (id: string, groupIds: string[]): ApiKey => ({
  id,
  desc: id,
  publicKey: `pub${id}`,
  privateKey: '********-****-****-1234',
  roles: groupIds.map((groupId) => ({ groupId, roleName: 'GROUP_READ_ONLY' })),
});

const list = (keys: ApiKey[]): ApiKeyList => ({ results: keys, totalCount: keys.length });

describe('listWithVisibleRoles', () => {
  it('hands a shared list back as it is when every project it names is visible', () => {
    const shared = share(list([key('1', ['a']), key('2', ['a', 'b'])]));
    expect(listWithVisibleRoles(shared, new Set(['a', 'b', 'c']))).toBe(shared);
  });

  it('hides projects from one person after the same shared list went whole to another', () => {
    const shared = share(list([key('1', ['a']), key('2', ['a', 'b'])]));
    listWithVisibleRoles(shared, new Set(['a', 'b']));
    const seen = listWithVisibleRoles(shared, new Set(['a']));
    expect(seen).not.toBe(shared);
    expect(seen.results[0]).toBe(shared.results[0]);
    expect(seen.results[1]).toEqual({ ...key('2', ['a']), hiddenProjects: 1 });
  });

  it('looks at a list that may still change every time', () => {
    const plain = list([key('1', ['a'])]);
    expect(listWithVisibleRoles(plain, new Set(['a']))).toBe(plain);
    plain.results.push(key('2', ['a', 'b']));
    expect(listWithVisibleRoles(plain, new Set(['a'])).results[1]?.hiddenProjects).toBe(1);
  });
});
