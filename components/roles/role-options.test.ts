// The Roles multiselect's options: grouped by tier, limited to the flavor, searchable by label or API name.
import { describe, expect, it } from 'vitest';
import { grantableProjectRoles, tierLabels } from '@/lib/roles';
import { labelOrNameFilter, roleOptions, sortRoles } from './role-options';

describe('roleOptions', () => {
  it('offers exactly the flavor’s grantable roles, grouped by tier, most privileged group first', () => {
    const groups = roleOptions('atlas-v2');
    expect(groups.map((g) => g.group)).toEqual([tierLabels.access, tierLabels.write, tierLabels.read]);
    expect(groups.flatMap((g) => g.items.map((i) => i.value)).sort()).toEqual([...grantableProjectRoles['atlas-v2']].sort());
  });

  it('keeps a held role the flavor does not grant, so it can be seen and removed', () => {
    const groups = roleOptions('atlas-v2', ['GROUP_BILLING_ADMIN']);
    expect(groups.at(-1)).toEqual({ group: 'Not grantable here', items: [{ value: 'GROUP_BILLING_ADMIN', label: 'Project Billing Admin' }] });
  });
});

describe('labelOrNameFilter', () => {
  const options = roleOptions('cloud-manager');
  const values = (search: string) => labelOrNameFilter({ options, search, limit: Infinity }).flatMap((g) => ('group' in g ? g.items.map((i) => i.value) : [g.value]));

  it('finds a role by its label or by its API name and drops empty groups', () => {
    expect(values('project owner')).toEqual(['GROUP_OWNER']);
    expect(values('group_user_admin')).toEqual(['GROUP_USER_ADMIN']);
    expect(labelOrNameFilter({ options, search: 'GROUP_READ_ONLY', limit: Infinity })).toHaveLength(1);
  });
});

describe('sortRoles', () => {
  it('puts the most privileged first, then sorts by label, without duplicates', () => {
    expect(sortRoles(['GROUP_READ_ONLY', 'GROUP_OWNER', 'GROUP_BACKUP_ADMIN', 'GROUP_OWNER', 'MYSTERY'])).toEqual([
      'GROUP_OWNER',
      'GROUP_BACKUP_ADMIN',
      'GROUP_READ_ONLY',
      'MYSTERY',
    ]);
  });
});
