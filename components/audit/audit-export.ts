// The page as shown, as CSV (one row per key, or per key and project in the view by project) and as JSON.
import type { AuditReport, AuditServiceAccount } from '@/lib/api/audit';
import { hasExpiringSecret, isUnusedAccount, summarize } from '@/lib/api/audit-summary';
import { highestTier } from '@/lib/roles';
import { toCsv } from '@/lib/csv';
import { riskLabels, type AuditRow } from './analyze-report';
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

/** A service account's risks in the CSV's words: a secret near or past its end, and no use for the threshold. */
function accountRisks(account: AuditServiceAccount, thresholds: AuditReport['thresholds'], now: number): string {
  return [
    hasExpiringSecret(account, now) ? 'A secret expired or expires within 7 days' : '',
    isUnusedAccount(account, thresholds.unusedDays, now) ? riskLabels.unused : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** Keys then service accounts, one row each; the Kind column tells them apart. */
export function auditViewCsv(view: AuditView, report: Pick<AuditReport, 'thresholds' | 'generatedAt'>): string {
  const now = Date.parse(report.generatedAt);
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
  const rows = view.keys.map((row) => [
    'API key',
    row.key.desc,
    row.key.publicKey,
    row.key.id,
    row.key.orgRoles.join(' '),
    row.tier ?? '',
    String(row.reach),
    risksOf(row),
    ...view.projects.map((p) => (row.key.projects[p.id] ?? []).join(' ')),
  ]);
  const accountRows = view.serviceAccounts.map((account) => [
    'Service account',
    account.name,
    '',
    account.clientId,
    '',
    highestTier(Object.values(account.projects).flat()) ?? '',
    String(Object.keys(account.projects).length),
    accountRisks(account, report.thresholds, now),
    ...view.projects.map((p) => (account.projects[p.id] ?? []).join(' ')),
  ]);
  return toCsv(header, [...rows, ...accountRows]);
}

export interface AuditViewJson extends AuditReport {
  exportedAt: string;
  filters: AuditViewState;
}

/** The report's shape, narrowed to the view; the summary counts the view, `generatedAt` is the report's. */
export function auditViewJson(report: AuditReport, view: AuditView, filters: AuditViewState, now = new Date()): AuditViewJson {
  const projectIds = view.projects.map((p) => p.id);
  const keys = view.keys.map((row) => keyInView(row.key, projectIds));
  const serviceAccounts = view.serviceAccounts.map((account) => keyInView(account, projectIds));
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

/** One row per key and project, in the order of the view by project; organization-wide keys follow, once each. */
export function projectReviewCsv(reviews: readonly ProjectReview[], orgWide: readonly AuditRow[]): string {
  const header = ['Project', 'Project ID', 'Project Owner keys', 'Description', 'Public key', 'Key ID', 'Roles', 'Organization roles', 'Risks'];
  const rows = reviews.flatMap((review) =>
    review.keys.map(({ row, roles }) => [
      review.project.name,
      review.project.id,
      String(review.ownerKeys),
      row.key.desc,
      row.key.publicKey,
      row.key.id,
      roles.join(' '),
      row.key.orgRoles.join(' '),
      risksOf(row),
    ]),
  );
  const everywhere = orgWide.map((row) => ['(every project)', '', '', row.key.desc, row.key.publicKey, row.key.id, '', row.key.orgRoles.join(' '), risksOf(row)]);
  return toCsv(header, [...rows, ...everywhere]);
}

export function projectReviewJson(report: AuditReport, reviews: readonly ProjectReview[], orgWide: readonly AuditRow[], filters: AuditViewState, now = new Date()) {
  const keyOf = (row: AuditRow) => ({ id: row.key.id, desc: row.key.desc, publicKey: row.key.publicKey, orgRoles: row.key.orgRoles, risks: row.risks });
  return {
    generatedAt: report.generatedAt,
    exportedAt: now.toISOString(),
    filters,
    thresholds: report.thresholds,
    orgWide: orgWide.map(keyOf),
    projects: reviews.map((review) => ({
      ...review.project,
      projectOwnerKeys: review.ownerKeys,
      overOwned: review.overOwned,
      keys: review.keys.map(({ row, roles }) => ({ ...keyOf(row), roles })),
    })),
  };
}
