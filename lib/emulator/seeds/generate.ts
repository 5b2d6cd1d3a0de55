// generateSeed: large, deterministic organizations (e.g. 1,100 keys × 40 projects) for paging tests, audits and benchmarks.
import { seedSchema, type Seed, type SeedApiKey, type SeedRole, type SeedUser } from '../seed';
import { seededRandom, type Random } from './random';

export interface GenerateOptions {
  /** Keys in the organization, the console's own key included. */
  keys: number;
  projects: number;
  /** The same number gives the same seed. */
  seed?: number;
}

const areas = [
  'Payments', 'Checkout', 'Search', 'Catalog', 'Analytics', 'Identity', 'Notifications', 'Inventory', 'Shipping', 'Billing',
  'Recommendations', 'Reporting', 'Mobile API', 'Partner API', 'Data Lake', 'Support Desk', 'Loyalty', 'Pricing', 'Fraud Detection', 'Marketing',
];
const environments = ['Production', 'Staging', 'Development', 'QA', 'Sandbox'];
const purposes = [
  'CI deploy pipeline', 'Terraform automation', 'Backup exporter', 'Metrics collector', 'Data sync job', 'Ops runbook',
  'Billing export', 'Search indexer', 'Support tooling', 'Migration script', 'Audit reader', 'Alert webhook',
];

/** Mostly readers and writers, a few owners and user admins: the mix a real organization accumulates. */
const projectRoles = [
  ['GROUP_READ_ONLY', 30], ['GROUP_DATA_ACCESS_READ_ONLY', 12], ['GROUP_DATA_ACCESS_READ_WRITE', 12], ['GROUP_DATA_ACCESS_ADMIN', 6],
  ['GROUP_OWNER', 6], ['GROUP_USER_ADMIN', 3], ['GROUP_CLUSTER_MANAGER', 6], ['GROUP_MONITORING_ADMIN', 5], ['GROUP_BACKUP_ADMIN', 4],
  ['GROUP_SEARCH_INDEX_EDITOR', 3], ['GROUP_OBSERVABILITY_VIEWER', 5], ['GROUP_AUTOMATION_ADMIN', 3], ['GROUP_CHARTS_ADMIN', 2],
] as const;
const orgRoles = [
  ['ORG_MEMBER', 70], ['ORG_READ_ONLY', 10], ['ORG_BILLING_ADMIN', 6], ['ORG_GROUP_CREATOR', 6], ['ORG_BILLING_READ_ONLY', 4], ['ORG_OWNER', 4],
] as const;
/** How many projects a key is in; some are in none. */
const projectCounts = [[0, 8], [1, 45], [2, 22], [3, 12], [5, 9], [8, 4]] as const;

/** Usage dates are counted back from a fixed day, not from today, so the seed never changes. */
const referenceDay = Date.UTC(2026, 0, 15);
const daysBefore = (days: number) => new Date(referenceDay - days * 86_400_000).toISOString();

function projectName(index: number): string {
  const name = `${areas[index % areas.length]} ${environments[Math.floor(index / areas.length) % environments.length]}`;
  const round = Math.floor(index / (areas.length * environments.length));
  return round === 0 ? name : `${name} ${round + 1}`;
}

function uuid(random: Random): string {
  const h = random.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

function keyRoles(random: Random, orgId: string, projectIds: readonly string[]): SeedRole[] {
  const wanted = Math.min(random.weighted(projectCounts), projectIds.length);
  const chosen = new Set<string>();
  // The first project is busy: about half the keys are in it, so its list spans several pages in large seeds.
  const [first] = projectIds;
  if (wanted > 0 && first && random.next() < 0.5) chosen.add(first);
  while (chosen.size < wanted) chosen.add(random.pick(projectIds));
  const roles: SeedRole[] = [];
  for (const groupId of chosen) {
    const names = new Set([random.weighted(projectRoles), ...(random.next() < 0.3 ? [random.weighted(projectRoles)] : [])]);
    for (const roleName of [...names].sort()) roles.push({ groupId, roleName });
  }
  roles.push({ orgId, roleName: random.weighted(orgRoles) });
  return roles;
}

/** The five demo people, one per case of the permission table, on the first two projects. */
function demoPeople(orgId: string, [p1, p2]: readonly string[], id: (n: number) => string): SeedUser[] {
  const person = (n: number, who: string, firstName: string, lastName: string, roles: SeedRole[]): SeedUser => ({
    id: id(n),
    username: `${who}@demo.test`,
    emailAddress: `${who}@demo.test`,
    firstName,
    lastName,
    roles,
  });
  const member = { orgId, roleName: 'ORG_MEMBER' };
  return [
    person(0, 'owner', 'Olivia', 'Park', [{ groupId: p1 ?? '', roleName: 'GROUP_OWNER' }, { groupId: p2 ?? '', roleName: 'GROUP_READ_ONLY' }, member]),
    person(1, 'useradmin', 'Umar', 'Aziz', [{ groupId: p1 ?? '', roleName: 'GROUP_USER_ADMIN' }, member]),
    person(2, 'reader', 'Rita', 'Lopez', [{ groupId: p1 ?? '', roleName: 'GROUP_READ_ONLY' }, member]),
    person(3, 'orgowner', 'Oscar', 'Grant', [{ orgId, roleName: 'ORG_OWNER' }]),
    person(4, 'member', 'Mia', 'Chen', [member]),
  ];
}

export function generateSeed({ keys, projects, seed = 1 }: GenerateOptions): Seed {
  if (!Number.isInteger(keys) || keys < 1) throw new RangeError('keys must be a whole number ≥ 1 (the console key)');
  if (!Number.isInteger(projects) || projects < 2) throw new RangeError('projects must be a whole number ≥ 2 (the demo people need two)');
  const random = seededRandom(seed);
  // 8 random hex digits, a kind, then the index: unique by construction, shaped like an ObjectId.
  const idOf = (kind: number) => (n: number) => `${random.hex(8)}${kind.toString(16).padStart(2, '0')}${n.toString(16).padStart(14, '0')}`;
  const orgId = idOf(1)(0);
  const projectList = Array.from({ length: projects }, (_, n) => ({ id: idOf(2)(n), orgId, name: projectName(n) }));
  const projectIds = projectList.map((p) => p.id);

  const publicKeys = new Set<string>();
  const freshPublicKey = () => {
    for (;;) {
      const candidate = Array.from({ length: 8 }, () => String.fromCharCode(97 + random.int(26))).join('');
      if (!publicKeys.has(candidate)) return publicKeys.add(candidate), candidate;
    }
  };
  const keyId = idOf(3);
  const apiKeys: SeedApiKey[] = Array.from({ length: keys }, (_, n) => {
    const key: SeedApiKey = {
      id: keyId(n),
      orgId,
      desc: n === 0 ? "Atlas Keys Console — the console's own key (Organization Owner)" : `${random.pick(purposes)} #${n}`,
      publicKey: freshPublicKey(),
      privateKey: uuid(random),
      roles: n === 0 ? [{ orgId, roleName: 'ORG_OWNER' }] : keyRoles(random, orgId, projectIds),
    };
    // A third of the keys have been used from somewhere; the oldest uses make stale keys to find.
    if (n > 0 && random.next() < 0.33) {
      const lastUsedDaysAgo = random.int(500);
      const address = `10.${random.int(256)}.${random.int(256)}.${random.int(256)}`;
      key.accessList = [
        {
          cidrBlock: `${address}/32`,
          ipAddress: address,
          created: daysBefore(lastUsedDaysAgo + 30 + random.int(300)),
          count: 1 + random.int(5000),
          lastUsed: daysBefore(lastUsedDaysAgo),
          lastUsedAddress: address,
        },
      ];
    }
    return key;
  });
  const consoleKey = apiKeys[0];
  if (!consoleKey) throw new RangeError('no console key');

  return seedSchema.parse({
    orgs: [{ id: orgId, name: `Example Corp (generated, seed ${seed})` }],
    projects: projectList,
    users: demoPeople(orgId, projectIds, idOf(4)),
    apiKeys,
    serviceAccounts: [
      {
        clientId: `mdb_sa_id_${idOf(5)(0)}`,
        orgId,
        name: 'Generated owner',
        description: 'the console can sign in with this one',
        createdAt: daysBefore(400),
        roles: [{ orgId, roleName: 'ORG_OWNER' }],
        // Lasts the lifetime of any test run; a secret is valid until it expires.
        secrets: [{ id: idOf(6)(0), secret: `mdb_sa_sk_${random.hex(40)}`, createdAt: daysBefore(400), expiresAt: '2099-01-01T00:00:00Z' }],
      },
    ],
    consoleKey: consoleKey.id,
  });
}
