// The emulator's catalogue, written from the Admin API documentation, against the console's: a wrong entry on either side fails here.
import { describe, expect, it } from 'vitest';
import { describeRole, grantableProjectRoles, keyManagerProjectRoles } from '@/lib/roles';
import { keyManagerRoles, projectRolesByCatalogue, type Catalogue } from './roles';

const sorted = (names: Iterable<string>) => [...names].sort();

describe('the emulator’s role catalogue and the console’s', () => {
  it.each(Object.keys(projectRolesByCatalogue) as Catalogue[])('grant the same project roles on %s', (catalogue) => {
    expect(sorted(grantableProjectRoles[catalogue])).toEqual(sorted(projectRolesByCatalogue[catalogue]));
  });

  it('agree that Ops Manager grants Cloud Manager’s project roles but Project Billing Admin', () => {
    const cloudManager = sorted(projectRolesByCatalogue['cloud-manager']);
    expect(sorted(grantableProjectRoles['ops-manager'])).toEqual(cloudManager.filter((name) => name !== 'GROUP_BILLING_ADMIN'));
  });

  it('agree on who manages a project’s keys', () => {
    expect(sorted(keyManagerProjectRoles)).toEqual(sorted(keyManagerRoles));
  });

  it('leave no grantable role without a label and a tier in the console', () => {
    const granted = new Set(Object.values(projectRolesByCatalogue).flatMap((names) => [...names]));
    expect([...granted].filter((name) => describeRole(name).tier === 'unknown')).toEqual([]);
  });
});
