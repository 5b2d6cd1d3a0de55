// A small seed for the emulator's tests: one key per row of the permission table, a second organization, service accounts.
import type { Seed, SeedRole } from '../seed';

const id = (kind: string, n: number) => `${kind}${n.toString(16).padStart(24 - kind.length, '0')}`;

export const ids = {
  org: id('0a', 1),
  otherOrg: id('0a', 2),
  p1: id('0b', 1),
  p2: id('0b', 2),
  p3: id('0b', 3),
  otherProject: id('0b', 9),
};

const inP = (groupId: string, ...names: string[]): SeedRole[] => names.map((roleName) => ({ groupId, roleName }));
const inOrg = (roleName: string, orgId = ids.org): SeedRole => ({ orgId, roleName });

/** Keys by what they may do; publicKey = their name padded to 8 letters. */
const keySpecs = {
  console: [inOrg('ORG_OWNER')],
  orgReader: [inOrg('ORG_READ_ONLY')],
  member: [inOrg('ORG_MEMBER')],
  p1Owner: [...inP(ids.p1, 'GROUP_OWNER'), inOrg('ORG_MEMBER')],
  p1UserAdmin: [...inP(ids.p1, 'GROUP_USER_ADMIN'), inOrg('ORG_MEMBER')],
  p1Reader: [...inP(ids.p1, 'GROUP_READ_ONLY'), inOrg('ORG_MEMBER')],
  /** In two projects with an org role: the one whose roles the tests change. */
  multi: [...inP(ids.p1, 'GROUP_READ_ONLY'), ...inP(ids.p2, 'GROUP_DATA_ACCESS_READ_WRITE'), inOrg('ORG_BILLING_ADMIN')],
  /** In no project: the one the tests assign. */
  spare: [inOrg('ORG_MEMBER')],
  stranger: [inOrg('ORG_OWNER', ids.otherOrg)],
} satisfies Record<string, SeedRole[]>;

export type KeyName = keyof typeof keySpecs;

const names = Object.keys(keySpecs) as KeyName[];

export const keyIds = Object.fromEntries(names.map((name, n) => [name, id('0c', n + 1)])) as Record<KeyName, string>;

export const credentials = Object.fromEntries(
  names.map((name, n) => [
    name,
    {
      publicKey: name.toLowerCase().replace(/[^a-z]/g, '').padEnd(8, 'x').slice(0, 8),
      privateKey: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    },
  ]),
) as Record<KeyName, { publicKey: string; privateKey: string }>;

export const serviceAccounts = {
  owner: { clientId: `mdb_sa_id_${id('0e', 1)}`, clientSecret: 'mdb_sa_sk_owner-secret', secretId: id('0f', 1) },
  reader: { clientId: `mdb_sa_id_${id('0e', 2)}`, clientSecret: 'mdb_sa_sk_reader-secret', secretId: id('0f', 2) },
};

/** An account as the seed holds it: one secret that lasts, so that tests run on any date. */
const account = (which: keyof typeof serviceAccounts, name: string, roles: SeedRole[]) => {
  const { clientId, clientSecret, secretId } = serviceAccounts[which];
  const createdAt = '2025-01-01T00:00:00Z';
  return { clientId, orgId: ids.org, name, description: `fixture service account ${which}`, createdAt, roles, secrets: [{ id: secretId, secret: clientSecret, createdAt, expiresAt: '2099-01-01T00:00:00Z' }] };
};

export function fixtureSeed(): Seed {
  return {
    orgs: [
      { id: ids.org, name: 'Fixture Org' },
      { id: ids.otherOrg, name: 'Somebody Else' },
    ],
    projects: [
      { id: ids.p1, orgId: ids.org, name: 'Project One' },
      { id: ids.p2, orgId: ids.org, name: 'Project Two' },
      { id: ids.p3, orgId: ids.org, name: 'Project Three' },
      { id: ids.otherProject, orgId: ids.otherOrg, name: 'Not Ours' },
    ],
    users: [
      {
        id: id('0d', 1),
        username: 'owner@demo.test',
        emailAddress: 'owner@demo.test',
        firstName: 'Olivia',
        lastName: 'Park',
        roles: [...inP(ids.p1, 'GROUP_OWNER'), ...inP(ids.p2, 'GROUP_READ_ONLY'), inOrg('ORG_MEMBER')],
      },
      { id: id('0d', 2), username: 'member@demo.test', emailAddress: 'member@demo.test', firstName: 'Mia', lastName: 'Chen', roles: [inOrg('ORG_MEMBER')] },
    ],
    apiKeys: names.map((name) => ({
      id: keyIds[name],
      orgId: name === 'stranger' ? ids.otherOrg : ids.org,
      desc: `fixture key ${name}`,
      ...credentials[name],
      roles: keySpecs[name],
      ...(name === 'multi'
        ? { accessList: [{ cidrBlock: '10.1.2.3/32', ipAddress: '10.1.2.3', created: '2025-01-01T00:00:00Z', count: 7, lastUsed: '2025-06-01T12:00:00Z', lastUsedAddress: '10.1.2.3' }] }
        : {}),
    })),
    serviceAccounts: [
      account('owner', 'Fixture owner', [inOrg('ORG_OWNER')]),
      account('reader', 'Fixture reader', [...inP(ids.p1, 'GROUP_READ_ONLY'), inOrg('ORG_MEMBER')]),
    ],
    consoleKey: keyIds.console,
  };
}
