// Narrows and orders the analyzed report to what the page shows: which columns, which rows, in which order.
import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import type { AuditReport } from '@/lib/api/audit';
import { compareTiers, describeRole, tierLabels, tiers, type RoleTier } from '@/lib/roles';
import { sortRoles } from '@/components/roles/role-options';
import type { AccountRow, AuditRow, KeyRow, ReportAnalysis } from './analyze-report';
import { rowsFiltered, type AuditViewState } from './audit-view-state';

export type AuditProject = AuditReport['projects'][number];

export interface AuditView {
  projects: AuditProject[];
  /** The matrix's rows, keys and service accounts in one order: those with a role in a shown project, and those with no organization-wide role. */
  rows: AuditRow[];
  /** Keys and service accounts whose organization role reaches every project, shown once above the matrix, in the same order. */
  orgWide: AuditRow[];
  /** Every key shown, in either place, in order. */
  keys: KeyRow[];
  /** Every service account shown, in order. */
  serviceAccounts: AccountRow[];
  /** Columns left out because no shown row holds a role there (0 when all are kept). */
  hiddenColumns: number;
}

/** The roles of a row a role or tier filter looks at: its organization roles and its roles in the shown projects. */
function rolesInView(row: AuditRow, projectIds: readonly string[]): string[] {
  return [...row.orgRoles, ...projectIds.flatMap((id) => row.projects[id] ?? [])];
}

/** A key by description, public key or id; a service account by name or client id. */
function matchesText(row: AuditRow, needle: string): boolean {
  if (!needle) return true;
  return row.name.toLowerCase().includes(needle) || row.handle.toLowerCase().includes(needle) || row.id.includes(needle);
}

const byName = (a: AuditRow, b: AuditRow) => a.name.localeCompare(b.name) || a.handle.localeCompare(b.handle);
const byPrivilege = (a: AuditRow, b: AuditRow) => compareTiers(b.tier, a.tier) || b.accessRoles - a.accessRoles;
const byReach = (a: AuditRow, b: AuditRow) => b.reach - a.reach;

const comparators: Record<AuditViewState['sort'], (a: AuditRow, b: AuditRow) => number> = {
  privilege: (a, b) => byPrivilege(a, b) || byReach(a, b) || byName(a, b),
  reach: (a, b) => byReach(a, b) || byPrivilege(a, b) || byName(a, b),
  name: byName,
};

export function filterReport(report: AuditReport, analysis: ReportAnalysis, state: AuditViewState): AuditView {
  const chosen = new Set(state.projects);
  const nameNeedle = state.projectName.trim().toLowerCase();
  const columnsNarrowed = chosen.size > 0 || nameNeedle !== '' || state.overOwned;
  // The report's own array when nothing narrows the columns: the matrix's memoized rows then skip re-rendering.
  let projects = columnsNarrowed
    ? report.projects.filter(
        (p) =>
          (chosen.size === 0 || chosen.has(p.id)) &&
          (!nameNeedle || p.name.toLowerCase().includes(nameNeedle)) &&
          (!state.overOwned || analysis.overOwnedProjects.has(p.id)),
      )
    : report.projects;
  const projectIds = projects.map((p) => p.id);
  const needle = state.q.trim().toLowerCase();
  const roles = new Set(state.roles);
  const manyProjects = report.thresholds.manyProjects;
  const inShown = (row: AuditRow) => projectIds.some((id) => row.projects[id]);

  const shown = analysis.rows.filter((row) => {
    if (state.kind !== 'all' && row.kind !== state.kind) return false;
    if (!matchesText(row, needle)) return false;
    // Organization-wide keys and accounts reach every project, so narrowing the columns never drops them.
    if (columnsNarrowed && !row.orgWide && !inShown(row)) return false;
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
  shown.sort(comparators[state.sort]);
  const rows = shown.filter((row) => !row.orgWide || inShown(row));

  let hiddenColumns = 0;
  if (rowsFiltered(state) && !state.allColumns) {
    const held = new Set(rows.flatMap((row) => Object.keys(row.projects)));
    const kept = projects.filter((p) => held.has(p.id));
    hiddenColumns = projects.length - kept.length;
    if (hiddenColumns > 0) projects = kept;
  }
  const keys = shown.filter((row) => row.kind === 'key');
  const serviceAccounts = shown.filter((row) => row.kind === 'serviceAccount');
  return { projects, rows, orgWide: shown.filter((row) => row.orgWide), keys, serviceAccounts, hiddenColumns };
}

const tierOrder: readonly RoleTier[] = [...tiers, 'unknown'];

/**
 * The role filter's options: every role some key or service account holds in this report, and those already chosen,
 * grouped by tier, most privileged first.
 */
export function roleFilterOptions(report: AuditReport, alsoInclude: readonly string[] = []): ComboboxItemGroup<ComboboxItem>[] {
  const held = new Set<string>(alsoInclude);
  for (const principal of [...report.keys, ...report.serviceAccounts]) {
    for (const role of principal.orgRoles) held.add(role);
    for (const roles of Object.values(principal.projects)) for (const role of roles) held.add(role);
  }
  const roles = sortRoles(held).map(describeRole);
  return tierOrder
    .map((tier) => ({ group: tierLabels[tier], items: roles.filter((r) => r.tier === tier).map((r) => ({ value: r.name, label: r.label })) }))
    .filter((group) => group.items.length > 0);
}
