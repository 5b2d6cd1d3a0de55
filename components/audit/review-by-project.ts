// The report pivoted by project: each shown project with the keys that hold a role there, riskiest first.
import { accessGrantingRoles, compareTiers, highestTier } from '@/lib/roles';
import type { AuditRow, ReportAnalysis } from './analyze-report';
import type { AuditProject, AuditView } from './filter-report';

export interface ProjectKey {
  row: AuditRow;
  /** The key's roles in this project. */
  roles: string[];
}

export interface ProjectReview {
  project: AuditProject;
  keys: ProjectKey[];
  /** Project Owner grants made in the project. */
  ownerKeys: number;
  /** Keys that can grant access here (Project Owner or Project User Admin). */
  accessKeys: number;
  overOwned: boolean;
}

const grantsAccess = (roles: readonly string[]) => roles.some((r) => accessGrantingRoles.includes(r));

const byRisk = (a: ProjectKey, b: ProjectKey) =>
  compareTiers(highestTier(b.roles), highestTier(a.roles)) ||
  b.row.risks.length - a.row.risks.length ||
  a.row.key.desc.localeCompare(b.row.key.desc);

/** Riskiest first: over-owned projects, then the most keys that can grant access, the most owners, the most keys. */
export function reviewByProject(view: AuditView, analysis: ReportAnalysis): ProjectReview[] {
  const reviews = view.projects.map((project): ProjectReview => {
    const keys = view.rows.flatMap((row) => {
      const roles = row.key.projects[project.id];
      return roles ? [{ row, roles }] : [];
    });
    keys.sort(byRisk);
    return {
      project,
      keys,
      ownerKeys: analysis.ownerKeys.get(project.id) ?? 0,
      accessKeys: keys.filter((k) => grantsAccess(k.roles)).length,
      overOwned: analysis.overOwnedProjects.has(project.id),
    };
  });
  return reviews.sort(
    (a, b) =>
      Number(b.overOwned) - Number(a.overOwned) ||
      b.accessKeys - a.accessKeys ||
      b.ownerKeys - a.ownerKeys ||
      b.keys.length - a.keys.length ||
      a.project.name.localeCompare(b.project.name),
  );
}
