// The page as shown, as CSV (one row per key or service account, or per one and project in the view by project) and as JSON.
import type { AuditReport } from '@/lib/api/audit';
import { summarize } from '@/lib/api/audit-summary';
import { toCsv } from '@/lib/csv';
import { riskLabels, type AccountRow, type AuditRow, type KeyRow } from './analyze-report';
import type { AuditViewState } from './audit-view-state';
import type { AuditView } from './filter-report';
import type { ProjectReview } from './review-by-project';

/** A key (or service account) restricted to the shown projects: what its row holds. */
function keyInView<T extends { projects: Record<string, string[]> }>(key: T, projectIds: readonly string[]): T {
  const projects: Record<string, string[]> = {};
  for (const id of projectIds) {
    const roles = key.projects[id];
    if (roles) projects[id] = roles;
  }
  return { ...key, projects };
}

const risksOf = (row: AuditRow) => row.risks.map((r) => riskLabels[r]).join('; ');

/** Keys then service accounts, one row each; the Kind column tells them apart. */
export function auditViewCsv(view: AuditView): string {
  const header = [
    'Kind',
    'Description',
    'Public key',
    'Key ID',
    'Organization roles',
    'Highest tier',
    'Projects',
    'Risks',
    ...view.projects.map((p) => `${p.name} (${p.id})`),
  ];
  const line = (row: AuditRow) => [
    row.kind === 'key' ? 'API key' : 'Service account',
    row.kind === 'key' ? row.key.desc : row.name,
    row.kind === 'key' ? row.key.publicKey : '',
    row.id,
    row.orgRoles.join(' '),
    row.tier ?? '',
    String(row.reach),
    risksOf(row),
    ...view.projects.map((p) => (row.projects[p.id] ?? []).join(' ')),
  ];
  return toCsv(header, [...view.keys.map(line), ...view.serviceAccounts.map(line)]);
}

export interface AuditViewJson extends AuditReport {
  exportedAt: string;
  filters: AuditViewState;
}

/** The report's shape, narrowed to the view; the summary counts the view, `generatedAt` is the report's. */
export function auditViewJson(report: AuditReport, view: AuditView, filters: AuditViewState, now = new Date()): AuditViewJson {
  const projectIds = view.projects.map((p) => p.id);
  const keys = view.keys.map((row) => keyInView(row.key, projectIds));
  const serviceAccounts = view.serviceAccounts.map((row) => keyInView(row.account, projectIds));
  return {
    generatedAt: report.generatedAt,
    exportedAt: now.toISOString(),
    filters,
    thresholds: report.thresholds,
    projects: view.projects,
    keys,
    serviceAccounts,
    summary: summarize(keys, serviceAccounts, view.projects, report.thresholds, Date.parse(report.generatedAt)),
  };
}

/** One row per key or service account and project, in the order of the view by project; organization-wide ones follow, once each. */
export function projectReviewCsv(reviews: readonly ProjectReview[], orgWide: readonly AuditRow[]): string {
  const header = ['Project', 'Project ID', 'Project Owner keys', 'Kind', 'Description', 'Public key', 'Key ID', 'Roles', 'Organization roles', 'Risks'];
  const kind = (row: AuditRow) => (row.kind === 'key' ? 'API key' : 'Service account');
  const rows = reviews.flatMap((review) =>
    review.entries.map(({ row, roles }) => [
      review.project.name,
      review.project.id,
      String(review.ownerKeys),
      kind(row),
      row.kind === 'key' ? row.key.desc : row.name,
      row.kind === 'key' ? row.key.publicKey : '',
      row.id,
      roles.join(' '),
      row.orgRoles.join(' '),
      risksOf(row),
    ]),
  );
  const everywhere = orgWide.map((row) => [
    '(every project)',
    '',
    '',
    kind(row),
    row.kind === 'key' ? row.key.desc : row.name,
    row.kind === 'key' ? row.key.publicKey : '',
    row.id,
    '',
    row.orgRoles.join(' '),
    risksOf(row),
  ]);
  return toCsv(header, [...rows, ...everywhere]);
}

/** `orgWide` holds the organization-wide keys, `orgWideServiceAccounts` the accounts, as each project's `keys` and `serviceAccounts`. */
export function projectReviewJson(report: AuditReport, reviews: readonly ProjectReview[], orgWide: readonly AuditRow[], filters: AuditViewState, now = new Date()) {
  const keyOf = (row: KeyRow) => ({ id: row.key.id, desc: row.key.desc, publicKey: row.key.publicKey, orgRoles: row.key.orgRoles, risks: row.risks });
  const accountOf = (row: AccountRow) => ({ clientId: row.account.clientId, name: row.account.name, orgRoles: row.account.orgRoles, risks: row.risks });
  return {
    generatedAt: report.generatedAt,
    exportedAt: now.toISOString(),
    filters,
    thresholds: report.thresholds,
    orgWide: orgWide.flatMap((row) => (row.kind === 'key' ? [keyOf(row)] : [])),
    orgWideServiceAccounts: orgWide.flatMap((row) => (row.kind === 'serviceAccount' ? [accountOf(row)] : [])),
    projects: reviews.map((review) => ({
      ...review.project,
      projectOwnerKeys: review.ownerKeys,
      overOwned: review.overOwned,
      keys: review.entries.flatMap(({ row, roles }) => (row.kind === 'key' ? [{ ...keyOf(row), roles }] : [])),
      serviceAccounts: review.entries.flatMap(({ row, roles }) =>
        row.kind === 'serviceAccount' ? [{ ...accountOf(row), roles }] : [],
      ),
    })),
  };
}
