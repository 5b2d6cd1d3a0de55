// One matrix cell: the key's roles in one project, the whole cell a link to that key in that project.
import Link from 'next/link';
import { memo } from 'react';
import { describeRole } from '@/lib/roles';
import { sortRoles } from '@/components/roles/role-options';
import { TierIcon } from '@/components/roles/role-chips';
import tierColors from '@/components/roles/tier-colors.module.css';
import type { Density } from './audit-view-state';
import classes from './audit-matrix.module.css';
import { chipsPerCell, iconsPerCell } from './matrix-geometry';
import { keyPageHref } from './key-page-href';

interface Props {
  roles: readonly string[] | undefined;
  groupId: string;
  projectName: string;
  publicKey: string;
  keyName: string;
  density: Density;
}

/** In a project's column "Project " says nothing: "Data Access Read/Write" stays distinct from every other role. */
export const shortRoleLabel = (name: string) => describeRole(name).label.replace(/^Project /, '');

// Plain elements, not Mantine badges and tooltips: hundreds of cells mount in one scroll step.
export const RoleCell = memo(function RoleCell({ roles, groupId, projectName, publicKey, keyName, density }: Props) {
  if (!roles || roles.length === 0) {
    return (
      <span className={classes.empty}>
        <span aria-hidden>·</span>
        <span className={classes.srOnly}>No role</span>
      </span>
    );
  }
  const sorted = sortRoles(roles);
  const perCell = density === 'compact' ? iconsPerCell : chipsPerCell;
  const shown = sorted.length > perCell ? sorted.slice(0, perCell - 1) : sorted;
  const hidden = sorted.length - shown.length;
  const full = sorted.map((name) => describeRole(name).label).join(', ');
  return (
    <Link
      href={keyPageHref(groupId, publicKey)}
      className={classes.cellLink}
      data-density={density}
      tabIndex={-1}
      title={full}
      aria-label={`${keyName} in ${projectName}: ${full}. Open the key in the project.`}
      data-testid="audit-cell"
    >
      {shown.map((name) => (
        <span key={name} className={`${tierColors.tier} ${classes.chip}`} data-tier={describeRole(name).tier}>
          <TierIcon tier={describeRole(name).tier} />
          {density === 'comfortable' && <span>{shortRoleLabel(name)}</span>}
        </span>
      ))}
      {hidden > 0 && <span className={classes.more}>+{hidden}{density === 'comfortable' ? ' more' : ''}</span>}
    </Link>
  );
});
