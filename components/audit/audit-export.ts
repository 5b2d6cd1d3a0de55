// The matrix as shown, as CSV (one row per key, one column per project) and as JSON (the filtered report).
import type { AuditKey, AuditReport } from '@/lib/api/audit';
import { riskLabels } from './analyze-report';
import { toCsv } from '@/lib/csv';
import type { AuditView } from './filter-report';
import type { AuditViewState } from './audit-view-state';
import { summarizeKeys } from '@/lib/api/audit-summary';

/** A key restricted to the shown projects: what its row in the matrix holds. */
function keyInView(key: AuditKey, projectIds: readonly string[]): AuditKey {
  const projects: Record<string, string[]> = {};
  for (const id of projectIds) {
    const roles = key.projects[id];
    if (roles) projects[id] = roles;
  }
  return { ...key, projects };
}

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
  const rows = view.rows.map((row) => [
    row.key.desc,
    row.key.publicKey,
    row.key.id,
    row.key.orgRoles.join(' '),
    row.tier ?? '',
    String(row.reach),
    row.risks.map((r) => riskLabels[r]).join('; '),
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
  const keys = view.rows.map((row) => keyInView(row.key, projectIds));
  return {
    generatedAt: report.generatedAt,
    exportedAt: now.toISOString(),
    filters,
    thresholds: report.thresholds,
    projects: view.projects,
    keys,
    summary: summarizeKeys(keys, view.projects, report.thresholds),
  };
}
