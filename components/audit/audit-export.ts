// The page as shown, as CSV (one row per key, or per key and project in the view by project) and as JSON.
import type { AuditKey, AuditReport } from '@/lib/api/audit';
import { summarizeKeys } from '@/lib/api/audit-summary';
import { toCsv } from '@/lib/csv';
import { riskLabels, type AuditRow } from './analyze-report';
import type { AuditViewState } from './audit-view-state';
import type { AuditView } from './filter-report';
import type { ProjectReview } from './review-by-project';

/** A key restricted to the shown projects: what its row in the matrix holds. */
function keyInView(key: AuditKey, projectIds: readonly string[]): AuditKey {
  const projects: Record<string, string[]> = {};
  for (const id of projectIds) {
    const roles = key.projects[id];
    if (roles) projects[id] = roles;
  }
  return { ...key, projects };
}

const risksOf = (row: AuditRow) => row.risks.map((r) => riskLabels[r]).join('; ');

export function auditViewCsv(view: AuditView): string {
  const header = [
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
    row.key.desc,
    row.key.publicKey,
    row.key.id,
    row.key.orgRoles.join(' '),
    row.tier ?? '',
    String(row.reach),
    risksOf(row),
    ...view.projects.map((p) => (row.key.projects[p.id] ?? []).join(' ')),
  ]);
  return toCsv(header, rows);
}

export interface AuditViewJson extends AuditReport {
  exportedAt: string;
  filters: AuditViewState;
}

/** The report's shape, narrowed to the view; the summary counts the view, `generatedAt` is the report's. */
export function auditViewJson(report: AuditReport, view: AuditView, filters: AuditViewState, now = new Date()): AuditViewJson {
  const projectIds = view.projects.map((p) => p.id);
  const keys = view.keys.map((row) => keyInView(row.key, projectIds));
  return {
    generatedAt: report.generatedAt,
    exportedAt: now.toISOString(),
    filters,
    thresholds: report.thresholds,
    projects: view.projects,
    keys,
    summary: summarizeKeys(keys, view.projects, report.thresholds, Date.parse(report.generatedAt)),
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
