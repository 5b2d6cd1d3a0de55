// Narrows and orders the analyzed report to what the matrix shows: which columns, which rows, in which order.
import type { AuditReport } from '@/lib/api/audit';
import { compareTiers, describeRole } from '@/lib/roles';
import type { AuditRow, ReportAnalysis } from './analyze-report';
import type { AuditViewState } from './audit-view-state';

export type AuditProject = AuditReport['projects'][number];

export interface AuditView {
  projects: AuditProject[];
  rows: AuditRow[];
}

/** The roles of a key a role or tier filter looks at: its organization roles and its roles in the shown projects. */
function rolesInView(row: AuditRow, projectIds: readonly string[]): string[] {
  return [...row.key.orgRoles, ...projectIds.flatMap((id) => row.key.projects[id] ?? [])];
}

function matchesText(row: AuditRow, needle: string): boolean {
  if (!needle) return true;
  const { desc, publicKey, id } = row.key;
  return desc.toLowerCase().includes(needle) || publicKey.toLowerCase().includes(needle) || id.includes(needle);
}

const byName = (a: AuditRow, b: AuditRow) => a.key.desc.localeCompare(b.key.desc) || a.key.publicKey.localeCompare(b.key.publicKey);
const byPrivilege = (a: AuditRow, b: AuditRow) => compareTiers(b.tier, a.tier) || b.accessRoles - a.accessRoles;
const byReach = (a: AuditRow, b: AuditRow) => b.reach - a.reach;

const comparators: Record<AuditViewState['sort'], (a: AuditRow, b: AuditRow) => number> = {
  privilege: (a, b) => byPrivilege(a, b) || byReach(a, b) || byName(a, b),
  reach: (a, b) => byReach(a, b) || byPrivilege(a, b) || byName(a, b),
  name: byName,
};

export function filterReport(report: AuditReport, analysis: ReportAnalysis, state: AuditViewState): AuditView {
  const chosen = new Set(state.projects);
  const projects = report.projects.filter(
    (p) => (chosen.size === 0 || chosen.has(p.id)) && (!state.overOwned || analysis.overOwnedProjects.has(p.id)),
  );
  const columnsNarrowed = chosen.size > 0 || state.overOwned;
  const projectIds = projects.map((p) => p.id);
  const needle = state.q.trim().toLowerCase();
  const roles = new Set(state.roles);
  const manyProjects = report.thresholds.manyProjects;

  const rows = analysis.rows.filter((row) => {
    if (!matchesText(row, needle)) return false;
    if (columnsNarrowed && !projectIds.some((id) => row.key.projects[id])) return false;
    if (state.risky && row.risks.length === 0) return false;
    if (state.reach === 'none' && row.reach !== 0) return false;
    if (state.reach === 'many' && row.reach <= manyProjects) return false;
    if (roles.size > 0 || state.tier !== 'all') {
      const held = rolesInView(row, projectIds);
      if (roles.size > 0 && !held.some((r) => roles.has(r))) return false;
      if (state.tier !== 'all' && !held.some((r) => describeRole(r).tier === state.tier)) return false;
    }
    return true;
  });
  rows.sort(comparators[state.sort]);
  return { projects, rows };
}
