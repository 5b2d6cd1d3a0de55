import { describe, expect, it } from 'vitest';
import { rolesInWords } from './roles-in-words';

const org = 'c'.repeat(24);
const store = 'a'.repeat(24);
const staging = 'b'.repeat(24);
const names = new Map([
  [store, 'Storefront Production'],
  [staging, 'Storefront Staging'],
]);
const name = (id: string) => names.get(id);

describe('rolesInWords', () => {
  it('names each project with the roles held in it, then the organization roles', () => {
    const roles = [
      { groupId: store, roleName: 'GROUP_OWNER' },
      { groupId: staging, roleName: 'GROUP_READ_ONLY' },
      { groupId: store, roleName: 'GROUP_BACKUP_ADMIN' },
      { orgId: org, roleName: 'ORG_MEMBER' },
    ];
    expect(rolesInWords(roles, name)).toBe(
      'Project Owner and Project Backup Admin of Storefront Production; Project Read Only of Storefront Staging; Organization Member',
    );
  });

  it('says that an Organization Owner reaches every project, and that no role is no role', () => {
    expect(rolesInWords([{ orgId: org, roleName: 'ORG_OWNER' }], name)).toBe('Organization Owner (every project)');
    expect(rolesInWords([], name)).toBe('no role');
  });

  it('keeps a project it cannot name, and a role it does not know, visible as themselves', () => {
    expect(rolesInWords([{ groupId: 'd'.repeat(24), roleName: 'GROUP_NEW_THING' }], name)).toBe(`GROUP_NEW_THING of project ${'d'.repeat(24)}`);
  });
});
