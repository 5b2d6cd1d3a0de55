// The report pivoted by project: each shown project with the keys and service accounts that hold a role there, riskiest first.
import { accessGrantingRoles, compareTiers, highestTier } from '@/lib/roles';
import type { AuditRow, ReportAnalysis } from './analyze-report';
import type { AuditProject, AuditView } from './filter-report';

export interface ProjectEntry {
  row: AuditRow;
  /** Its roles in this project. */
  roles: string[];
}

export interface ProjectReview {
  project: AuditProject;
  /** The keys and service accounts holding a role here. */
  entries: ProjectEntry[];
  /** Project Owner grants made in the project. */
  ownerKeys: number;
  /** Keys and accounts that can grant access here (Project Owner or Project User Admin). */
  accessKeys: number;
  overOwned: boolean;
}

const grantsAccess = (roles: readonly string[]) => roles.some((r) => accessGrantingRoles.includes(r));

const byRisk = (a: ProjectEntry, b: ProjectEntry) =>
  compareTiers(highestTier(b.roles), highestTier(a.roles)) || b.row.risks.length - a.row.risks.length || a.row.name.localeCompare(b.row.name);

/** Riskiest first: over-owned projects, then the most that can grant access, the most owners, the most keys and accounts. */
export function reviewByProject(view: AuditView, analysis: ReportAnalysis): ProjectReview[] {
  const reviews = view.projects.map((project): ProjectReview => {
    const entries = view.rows.flatMap((row) => {
      const roles = row.projects[project.id];
      return roles ? [{ row, roles }] : [];
    });
    entries.sort(byRisk);
    return {
      project,
      entries,
      ownerKeys: analysis.ownerKeys.get(project.id) ?? 0,
      accessKeys: entries.filter((k) => grantsAccess(k.roles)).length,
      overOwned: analysis.overOwnedProjects.has(project.id),
    };
  });
  return reviews.sort(
    (a, b) =>
      Number(b.overOwned) - Number(a.overOwned) ||
      b.accessKeys - a.accessKeys ||
      b.ownerKeys - a.ownerKeys ||
      b.entries.length - a.entries.length ||
      a.project.name.localeCompare(b.project.name),
  );
}
