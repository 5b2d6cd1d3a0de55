// The keys table's row model and filters: roles split by place, search by description or public key, exact role filter.
import { describe, expect, it } from 'vitest';
import type { ApiKey } from '@/lib/api/schemas';
import { filterRows, pendingIdPrefix, toRowModel } from './key-row-model';

const p1 = 'a'.repeat(24);
const p2 = 'b'.repeat(24);
const org = 'c'.repeat(24);

const key = (id: string, desc: string, publicKey: string, roles: ApiKey['roles']): ApiKey => ({ id, desc, publicKey, privateKey: '********', roles });

const ci = key('1'.repeat(24), 'Terraform CI', 'abcdefgh', [
  { groupId: p1, roleName: 'GROUP_READ_ONLY' },
  { groupId: p1, roleName: 'GROUP_OWNER' },
  { groupId: p2, roleName: 'GROUP_READ_ONLY' },
  { orgId: org, roleName: 'ORG_MEMBER' },
]);
const backup = key('2'.repeat(24), 'Nightly backup', 'zyxwvuts', [{ groupId: p1, roleName: 'GROUP_BACKUP_ADMIN' }]);

describe('toRowModel', () => {
  it('separates this project’s roles, other projects and organization roles', () => {
    const row = toRowModel(ci, p1, org);
    expect(row.roles).toEqual(['GROUP_OWNER', 'GROUP_READ_ONLY']);
    expect(row.otherProjects).toEqual([{ groupId: p2, roles: ['GROUP_READ_ONLY'] }]);
    expect(row.orgRoles).toEqual(['ORG_MEMBER']);
    expect(row.pending).toBe(false);
  });

  it('marks optimistic placeholders as pending', () => {
    expect(toRowModel({ ...backup, id: `${pendingIdPrefix}x` }, p1, org).pending).toBe(true);
  });
});

describe('filterRows', () => {
  const rows = [toRowModel(ci, p1, org), toRowModel(backup, p1, org)];
  const descs = (search: string, role = '') => filterRows(rows, search, role).map((r) => r.key.desc);

  it('matches description or public key, ignoring case and spaces around', () => {
    expect(descs(' terraform ')).toEqual(['Terraform CI']);
    expect(descs('ZYXW')).toEqual(['Nightly backup']);
    expect(descs('')).toEqual(['Terraform CI', 'Nightly backup']);
  });

  it('filters by a role held in this project only', () => {
    expect(descs('', 'GROUP_BACKUP_ADMIN')).toEqual(['Nightly backup']);
    expect(descs('', 'ORG_MEMBER')).toEqual([]);
    expect(descs('nightly', 'GROUP_OWNER')).toEqual([]);
  });
});
