// The audit page's pure parts: URL state, filtering and sorting, risk analysis, CSV and JSON export.
import { describe, expect, it } from 'vitest';
import type { AuditKey, AuditReport } from '@/lib/api/audit';
import { analyzeReport } from './analyze-report';
import { auditViewCsv, auditViewJson, projectReviewCsv, projectReviewJson } from './audit-export';
import { reviewByProject } from './review-by-project';
import { defaultViewState, parseViewState, serializeViewState, type AuditViewState } from './audit-view-state';
import { csvCell, toCsv } from '@/lib/csv';
import { filterReport, roleFilterOptions } from './filter-report';

const p = (n: number) => `${'c'.repeat(23)}${n}`;
const k = (n: number) => String(n).padStart(24, '0');

function auditKey(n: number, desc: string, orgRoles: string[], projects: Record<number, string[]>): AuditKey {
  return {
    id: k(n),
    desc,
    publicKey: `PUB${n}`,
    orgRoles,
    projects: Object.fromEntries(Object.entries(projects).map(([id, roles]) => [p(Number(id)), roles])),
  };
}

const report: AuditReport = {
  generatedAt: '2025-01-02T03:04:05.000Z',
  thresholds: { manyProjects: 2, manyOwnerKeys: 1, manyOrgOwnerKeys: 1, unusedDays: 90 },
  projects: [1, 2, 3].map((n) => ({ id: p(n), name: `Project ${n}` })),
  keys: [
    auditKey(1, 'reader', ['ORG_MEMBER'], { 1: ['GROUP_READ_ONLY'] }),
    auditKey(2, 'deployer', ['ORG_MEMBER'], { 1: ['GROUP_CLUSTER_MANAGER'], 2: ['GROUP_CLUSTER_MANAGER'], 3: ['GROUP_READ_ONLY'] }),
    auditKey(3, 'owner one', ['ORG_MEMBER'], { 2: ['GROUP_OWNER'] }),
    auditKey(4, 'owner two', ['ORG_MEMBER'], { 2: ['GROUP_OWNER', 'GROUP_READ_ONLY'] }),
    auditKey(5, '=cmd|calc', ['ORG_READ_ONLY'], {}),
  ],
  serviceAccounts: [
    {
      clientId: `mdb_sa_id_${'a'.repeat(24)}`,
      name: 'ci bot',
      description: '',
      createdAt: '2024-01-01T00:00:00Z',
      orgRoles: ['ORG_MEMBER'],
      projects: { [p(1)]: ['GROUP_READ_ONLY'] },
      // Expires two days after the report, and was last used 200 days before it.
      secrets: [{ id: 'b'.repeat(24), createdAt: '2024-01-01T00:00:00Z', expiresAt: '2025-01-04T00:00:00Z', lastUsedAt: '2024-06-16T00:00:00Z' }],
      lastUsed: '2024-06-16T00:00:00Z',
      accessListEntries: 0,
    },
  ],
  summary: {
    keys: 5,
    accessGrantingKeys: 2,
    keysInNoProject: 1,
    keysInManyProjects: 1,
    projectsWithManyOwnerKeys: 1,
    orgWideOwnerKeys: 0,
    orgWideOwnerServiceAccounts: 0,
    unused: 1,
    keysWithoutAccessList: 0,
    serviceAccountsWithoutAccessList: 1,
    serviceAccounts: 1,
    expiringSecrets: 1,
  },
};

const analysis = analyzeReport(report);
const view = (patch: Partial<AuditViewState> = {}) => filterReport(report, analysis, { ...defaultViewState, ...patch });
const descs = (patch: Partial<AuditViewState> = {}) => view(patch).keys.map((r) => r.key.desc);

describe('view state in the URL', () => {
  it('round-trips and writes nothing for the defaults', () => {
    expect(serializeViewState(defaultViewState).toString()).toBe('');
    const state: AuditViewState = {
      q: 'ci',
      kind: 'serviceAccount',
      roles: ['GROUP_OWNER', 'ORG_OWNER'],
      tier: 'access',
      projects: [p(1), p(2)],
      projectName: 'prod',
      allColumns: true,
      layout: 'projects',
      density: 'compact',
      overOwned: true,
      risky: true,
      reach: 'many',
      sort: 'reach',
      manyProjects: 5,
      manyOwnerKeys: 0,
      manyOrgOwnerKeys: 4,
      unusedDays: 30,
    };
    expect(parseViewState(serializeViewState(state))).toEqual(state);
  });

  it('falls back to defaults for anything malformed', () => {
    const parsed = parseViewState(new URLSearchParams('tier=root&sort=random&reach=far&manyProjects=-1&manyOwnerKeys=1e9&risky=yes&role=,,&view=grid&density=tiny&allColumns=yes'));
    expect(parsed).toEqual(defaultViewState);
  });
});

describe('risk analysis', () => {
  it('flags access-granting, far-reaching and over-owned keys, and finds over-owned projects', () => {
    expect([...analysis.overOwnedProjects]).toEqual([p(2)]);
    expect(analysis.ownerKeys.get(p(2))).toBe(2);
    const risks = Object.fromEntries(analysis.rows.map((r) => [r.name, r.risks]));
    expect(risks).toEqual({
      reader: [],
      deployer: ['many-projects'],
      'owner one': ['grants-access', 'over-owned-project'],
      'owner two': ['grants-access', 'over-owned-project'],
      '=cmd|calc': [],
      'ci bot': ['expiring-secret', 'unused', 'no-access-list'],
    });
  });

  it('flags a key unused for the threshold or longer (at the report’s time), and one without an access list', () => {
    const [reader, deployer, ...others] = report.keys;
    const withUsage: AuditReport = {
      ...report,
      keys: [
        { ...reader!, lastUsed: '2024-10-04T03:04:05.000Z', accessListEntries: 1 },
        { ...deployer!, lastUsed: '2024-10-05T03:04:05.000Z', accessListEntries: 1 },
        ...others.map((k) => ({ ...k, accessListEntries: 0 })),
      ],
    };
    const risks = Object.fromEntries(analyzeReport(withUsage).rows.map((r) => [r.name, r.risks]));
    // generatedAt is 2025-01-02T03:04:05Z: the reader's last use is 90 days before it, the deployer's 89.
    expect(risks.reader).toEqual(['unused']);
    expect(risks.deployer).toEqual(['many-projects']);
    expect(risks['=cmd|calc']).toEqual(['no-access-list']);
  });
});

describe('filterReport', () => {
  it('sorts by privilege, then reach, then name; by reach; and by name', () => {
    expect(descs()).toEqual(['owner one', 'owner two', 'deployer', 'reader', '=cmd|calc']);
    expect(descs({ sort: 'reach' })).toEqual(['deployer', 'owner one', 'owner two', 'reader', '=cmd|calc']);
    expect(descs({ sort: 'name' })).toEqual(['=cmd|calc', 'deployer', 'owner one', 'owner two', 'reader']);
  });

  it('searches description, public key and id', () => {
    expect(descs({ q: 'OWNER' })).toEqual(['owner one', 'owner two']);
    expect(descs({ q: 'pub2' })).toEqual(['deployer']);
    expect(descs({ q: k(1) })).toEqual(['reader']);
  });

  it('filters by role and by tier within the shown projects and the organization roles', () => {
    expect(descs({ roles: ['GROUP_READ_ONLY'] })).toEqual(['owner two', 'deployer', 'reader']);
    expect(descs({ roles: ['GROUP_READ_ONLY'], projects: [p(3)] })).toEqual(['deployer']);
    expect(descs({ roles: ['ORG_READ_ONLY'] })).toEqual(['=cmd|calc']);
    expect(descs({ tier: 'access' })).toEqual(['owner one', 'owner two']);
    expect(descs({ tier: 'write', projects: [p(3)] })).toEqual([]);
  });

  it('offers every role a key or a service account holds, and the ones chosen, by tier', () => {
    const account = { ...report.serviceAccounts[0]!, orgRoles: ['ORG_BILLING_ADMIN'], projects: { [p(2)]: ['GROUP_SEARCH_INDEX_EDITOR'] } };
    const withAccountRoles = { ...report, serviceAccounts: [account] };
    const options = roleFilterOptions(withAccountRoles, ['GROUP_DATA_ACCESS_ADMIN']);
    expect(options.map((group) => [group.group, group.items.map((item) => item.value)])).toEqual([
      ['Grants access', ['GROUP_OWNER']],
      ['Admin or write', ['ORG_BILLING_ADMIN', 'GROUP_CLUSTER_MANAGER', 'GROUP_DATA_ACCESS_ADMIN', 'GROUP_SEARCH_INDEX_EDITOR']],
      ['Read only', ['ORG_MEMBER', 'ORG_READ_ONLY', 'GROUP_READ_ONLY']],
    ]);
    expect(options[1]!.items[0]).toEqual({ value: 'ORG_BILLING_ADMIN', label: 'Organization Billing Admin' });
    const analyzed = analyzeReport(withAccountRoles);
    expect(filterReport(withAccountRoles, analyzed, { ...defaultViewState, roles: ['GROUP_SEARCH_INDEX_EDITOR'] }).rows.map((r) => r.name)).toEqual(['ci bot']);
  });

  it('narrows columns and rows by project and to over-owned projects', () => {
    expect(view({ projects: [p(3)] }).projects.map((x) => x.name)).toEqual(['Project 3']);
    // The organization-wide key (Organization Read Only) reaches every project, so it stays, above the matrix.
    expect(descs({ projects: [p(3)] })).toEqual(['deployer', '=cmd|calc']);
    expect(view({ projects: [p(3)] }).rows.map((r) => r.name)).toEqual(['deployer']);
    expect(view({ projects: [p(3)] }).orgWide.map((r) => r.name)).toEqual(['=cmd|calc']);
    expect(view({ overOwned: true }).projects.map((x) => x.name)).toEqual(['Project 2']);
    expect(descs({ overOwned: true })).toEqual(['owner one', 'owner two', 'deployer', '=cmd|calc']);
  });

  it('filters projects by name', () => {
    expect(view({ projectName: ' project 2 ' }).projects.map((x) => x.name)).toEqual(['Project 2']);
    expect(view({ projectName: 'nothing' }).projects).toEqual([]);
  });

  it('hides the columns where no shown key holds a role while rows are filtered, unless all are asked for', () => {
    const one = view({ q: 'reader' });
    expect(one.projects.map((x) => x.name)).toEqual(['Project 1']);
    expect(one.hiddenColumns).toBe(2);
    expect(view({ q: 'reader', allColumns: true }).projects).toHaveLength(3);
    expect(view({ q: 'deployer' }).projects.map((x) => x.name)).toEqual(['Project 1', 'Project 2', 'Project 3']);
    // Sorting alone filters nothing, so every column stays.
    expect(view({ sort: 'name' }).hiddenColumns).toBe(0);
  });

  it('filters risky keys and by reach', () => {
    expect(descs({ risky: true })).toEqual(['owner one', 'owner two', 'deployer']);
    expect(descs({ reach: 'none' })).toEqual(['=cmd|calc']);
    expect(descs({ reach: 'many' })).toEqual(['deployer']);
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`).startsWith("'") || csvCell(`${start}1+1`).startsWith(`"'`)).toBe(true);
    expect(toCsv(['a', 'b'], [['1', '2']])).toBe('a,b\r\n1,2\r\n');
  });

  it('exports the view as shown: one row per key, one column per shown project', () => {
    const csv = auditViewCsv(view({ projects: [p(2)], sort: 'name' }));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(`Kind,Description,Public key,Key ID,Organization roles,Highest tier,Projects,Risks,Project 2 (${p(2)})`);
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(["'=cmd|calc", 'deployer', 'owner one', 'owner two']);
    expect(lines[4]).toMatch(/GROUP_OWNER GROUP_READ_ONLY$/);
    expect(auditViewCsv(view({ reach: 'none' }))).toContain("'=cmd|calc");
  });

  it('puts service accounts beside keys, with their kind and risks, and filters by kind', () => {
    const lines = auditViewCsv(view({ projects: [p(1)] })).trimEnd().split('\r\n');
    expect(lines.at(-1)).toBe(
      `Service account,ci bot,,mdb_sa_id_${'a'.repeat(24)},ORG_MEMBER,read,1,A secret expired or expires within 7 days; Not used for longer than the threshold; No access list: usable from any address,GROUP_READ_ONLY`,
    );
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['API key', 'API key', 'API key', 'Service account']);
    expect(view({ kind: 'serviceAccount' }).keys).toEqual([]);
    expect(view({ kind: 'serviceAccount' }).serviceAccounts.map((a) => a.name)).toEqual(['ci bot']);
    expect(view({ kind: 'key' }).serviceAccounts).toEqual([]);
    expect(view({ projects: [p(2)] }).serviceAccounts).toEqual([]);
    // The accounts are rows of the matrix, sorted among the keys, and the kind filter narrows those rows.
    expect(view().rows.map((r) => r.name)).toEqual(['owner one', 'owner two', 'deployer', 'ci bot', 'reader']);
    expect(view({ kind: 'serviceAccount' }).rows.map((r) => `${r.kind} ${r.name}`)).toEqual(['serviceAccount ci bot']);
    expect(view({ kind: 'key' }).rows.every((r) => r.kind === 'key')).toBe(true);
    expect(view({ kind: 'serviceAccount', risky: true, q: 'CI' }).rows.map((r) => r.id)).toEqual([`mdb_sa_id_${'a'.repeat(24)}`]);
    expect(view({ kind: 'serviceAccount', reach: 'many' }).rows).toEqual([]);
  });

  it('exports JSON in the report’s shape, narrowed to the view, with both times', () => {
    const json = auditViewJson(report, view({ projects: [p(1)] }), { ...defaultViewState, projects: [p(1)] }, new Date('2025-02-03T00:00:00.000Z'));
    expect(json.generatedAt).toBe(report.generatedAt);
    expect(json.exportedAt).toBe('2025-02-03T00:00:00.000Z');
    expect(json.projects).toEqual([{ id: p(1), name: 'Project 1' }]);
    expect(json.keys.map((x) => x.desc)).toEqual(['deployer', 'reader', '=cmd|calc']);
    expect(json.keys[0]!.projects).toEqual({ [p(1)]: ['GROUP_CLUSTER_MANAGER'] });
    expect(json.serviceAccounts.map((a) => a.name)).toEqual(['ci bot']);
    // Narrowed to project 1, the figures that count the other project's grants fall; the rest stay the report's.
    expect(json.summary).toEqual({ ...report.summary, keys: 3, accessGrantingKeys: 0, keysInManyProjects: 0, projectsWithManyOwnerKeys: 0 });
  });

  it('exports the view by project: one row per key or account and project, organization-wide keys once', () => {
    const v = view({ sort: 'name' });
    const reviews = reviewByProject(v, analysis);
    const lines = projectReviewCsv(reviews, v.orgWide).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Project,Project ID,Project Owner keys,Kind,Description,Public key,Key ID,Roles,Organization roles,Risks');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 5).join(','))).toEqual([
      `Project 2,${p(2)},2,API key,owner one`,
      `Project 2,${p(2)},2,API key,owner two`,
      `Project 2,${p(2)},2,API key,deployer`,
      `Project 1,${p(1)},0,API key,deployer`,
      `Project 1,${p(1)},0,Service account,ci bot`,
      `Project 1,${p(1)},0,API key,reader`,
      `Project 3,${p(3)},0,API key,deployer`,
      "(every project),,,API key,'=cmd|calc",
    ]);
    const json = projectReviewJson(report, reviews, v.orgWide, defaultViewState, new Date('2025-02-03T00:00:00.000Z'));
    expect(json.projects[0]).toMatchObject({ id: p(2), projectOwnerKeys: 2, overOwned: true });
    expect(json.projects[0]!.keys.map((k) => [k.desc, k.roles])).toEqual([
      ['owner one', ['GROUP_OWNER']],
      ['owner two', ['GROUP_OWNER', 'GROUP_READ_ONLY']],
      ['deployer', ['GROUP_CLUSTER_MANAGER']],
    ]);
    expect(json.orgWide.map((k) => k.desc)).toEqual(['=cmd|calc']);
    expect(json.projects[1]!.serviceAccounts).toEqual([
      { clientId: `mdb_sa_id_${'a'.repeat(24)}`, name: 'ci bot', orgRoles: ['ORG_MEMBER'], risks: ['expiring-secret', 'unused', 'no-access-list'], roles: ['GROUP_READ_ONLY'] },
    ]);
  });
});

describe('organization-wide access and the console’s own key', () => {
  const orgReport: AuditReport = {
    ...report,
    thresholds: { ...report.thresholds, manyOrgOwnerKeys: 1, unusedDays: 90 },
    keys: [
      { ...auditKey(6, 'console', ['ORG_OWNER'], {}), isConsoleKey: true },
      auditKey(7, 'break glass', ['ORG_OWNER'], {}),
      auditKey(8, 'owner with a project', ['ORG_OWNER'], { 1: ['GROUP_READ_ONLY'] }),
      ...report.keys,
    ],
  };
  const orgAnalysis = analyzeReport(orgReport);
  const risksOf = (desc: string) => orgAnalysis.rows.find((r) => r.name === desc)!.risks;

  it('flags Organization Owners beyond the threshold, never the console’s own key', () => {
    expect(orgAnalysis.orgOwners).toEqual({ keys: 3, accounts: 0 });
    expect(risksOf('console')).toEqual([]);
    expect(risksOf('break glass')).toEqual(['grants-access', 'many-org-owners']);
    expect(analyzeReport({ ...orgReport, thresholds: { ...orgReport.thresholds, manyOrgOwnerKeys: 3, unusedDays: 90 } }).rows[1]!.risks).toEqual(['grants-access']);
  });

  it('shows organization-wide keys once, above the matrix, and in the matrix only for their project grants', () => {
    const v = filterReport(orgReport, orgAnalysis, defaultViewState);
    expect(v.orgWide.map((r) => r.name)).toEqual(['owner with a project', 'break glass', 'console', '=cmd|calc']);
    expect(v.rows.map((r) => r.name)).toEqual(['owner one', 'owner two', 'owner with a project', 'deployer', 'ci bot', 'reader']);
    expect(filterReport(orgReport, orgAnalysis, { ...defaultViewState, risky: true }).keys.map((r) => r.key.desc)).not.toContain('console');
  });
});

describe('organization-wide service accounts', () => {
  const account = (n: number, name: string, orgRoles: string[], projects: Record<string, string[]>) => ({
    clientId: `mdb_sa_id_${String(n).repeat(24)}`,
    name,
    description: '',
    createdAt: '2024-12-30T00:00:00Z',
    orgRoles,
    projects,
    secrets: [{ id: String(n).repeat(24), createdAt: '2024-12-30T00:00:00Z', expiresAt: '2026-01-01T00:00:00Z' }],
    accessListEntries: 1,
  });
  const owner = account(7, 'automation owner', ['ORG_OWNER'], {});
  const auditor = account(8, 'auditor', ['ORG_READ_ONLY'], { [p(2)]: ['GROUP_OWNER'] });
  const saReport: AuditReport = {
    ...report,
    thresholds: { ...report.thresholds, manyOrgOwnerKeys: 1 },
    keys: [auditKey(6, 'break glass', ['ORG_OWNER'], {}), ...report.keys],
    serviceAccounts: [...report.serviceAccounts, owner, auditor],
  };
  const saAnalysis = analyzeReport(saReport);
  const saView = (patch: Partial<AuditViewState> = {}) => filterReport(saReport, saAnalysis, { ...defaultViewState, sort: 'name', ...patch });

  it('counts Organization Owner accounts beside the keys, and flags both kinds once their sum passes the threshold', () => {
    expect(saAnalysis.orgOwners).toEqual({ keys: 1, accounts: 1 });
    const risks = (name: string) => saAnalysis.rows.find((r) => r.name === name)!.risks;
    expect(risks('automation owner')).toEqual(['grants-access', 'many-org-owners']);
    expect(risks('break glass')).toEqual(['grants-access', 'many-org-owners']);
    expect(risks('auditor')).not.toContain('many-org-owners');
    const counted = analyzeReport({ ...saReport, thresholds: { ...saReport.thresholds, manyOrgOwnerKeys: 2 } });
    expect(counted.rows.find((r) => r.name === 'automation owner')!.risks).toEqual(['grants-access']);
  });

  it('lists them in the band with the keys, in the matrix only for their own project grants, whatever narrows the columns', () => {
    const v = saView();
    expect(v.orgWide.map((r) => [r.kind, r.name])).toEqual([
      ['key', '=cmd|calc'],
      ['serviceAccount', 'auditor'],
      ['serviceAccount', 'automation owner'],
      ['key', 'break glass'],
    ]);
    expect(v.rows.map((r) => r.name)).not.toContain('automation owner');
    const auditorRow = v.rows.find((r) => r.name === 'auditor')!;
    expect(auditorRow.projects).toEqual({ [p(2)]: ['GROUP_OWNER'] });
    expect(auditorRow.reach).toBe(1);
    expect(saView({ projects: [p(1)] }).orgWide.map((r) => r.name)).toContain('automation owner');
    expect(saView({ kind: 'serviceAccount' }).orgWide.map((r) => r.name)).toEqual(['auditor', 'automation owner']);
    expect(saView({ roles: ['ORG_OWNER'] }).serviceAccounts.map((r) => r.name)).toEqual(['automation owner']);
  });

  it('exports them: the matrix CSV and JSON with their organization roles, the view by project once each', () => {
    const v = saView();
    const csv = auditViewCsv(v).trimEnd().split('\r\n');
    expect(csv.find((line) => line.includes('automation owner'))).toMatch(new RegExp(`^Service account,automation owner,,${owner.clientId},ORG_OWNER,access,0,`));
    const json = auditViewJson(saReport, v, defaultViewState);
    expect(json.serviceAccounts.map((a) => [a.name, a.orgRoles])).toContainEqual(['automation owner', ['ORG_OWNER']]);
    expect(json.summary).toMatchObject({ orgWideOwnerKeys: 1, orgWideOwnerServiceAccounts: 1 });

    const reviews = reviewByProject(v, saAnalysis);
    const lines = projectReviewCsv(reviews, v.orgWide).trimEnd().split('\r\n');
    expect(lines.filter((line) => line.startsWith('(every project)')).map((line) => line.split(',').slice(3, 8).join(','))).toEqual([
      `API key,'=cmd|calc,PUB5,${k(5)},`,
      `Service account,auditor,,${auditor.clientId},`,
      `Service account,automation owner,,${owner.clientId},`,
      `API key,break glass,PUB6,${k(6)},`,
    ]);
    const byProject = projectReviewJson(saReport, reviews, v.orgWide, defaultViewState);
    expect(byProject.orgWide.map((key) => key.desc)).toEqual(['=cmd|calc', 'break glass']);
    expect(byProject.orgWideServiceAccounts.map((a) => [a.name, a.orgRoles])).toEqual([
      ['auditor', ['ORG_READ_ONLY']],
      ['automation owner', ['ORG_OWNER']],
    ]);
  });
});
