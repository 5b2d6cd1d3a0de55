// One matrix cell: a key's or service account's roles in one project, the whole cell a link to it in that project.
import Link from 'next/link';
import { memo } from 'react';
import { describeRole } from '@/lib/roles';
import { sortRoles } from '@/components/roles/role-options';
import { TierIcon } from '@/components/roles/role-chips';
import tierColors from '@/components/roles/tier-colors.module.css';
import type { Density } from './audit-view-state';
import classes from './audit-matrix.module.css';
import { chipsPerCell, iconsPerCell } from './matrix-geometry';

interface Props {
  roles: readonly string[] | undefined;
  projectName: string;
  /** Where the cell leads: the key or the account on the project's page. */
  href: string;
  /** Who holds the roles, as a screen reader hears it ("Service account …" for an account). */
  holder: string;
  /** "key" or "service account". */
  kindName: string;
  density: Density;
}

/** In a project's column "Project " says nothing: "Data Access Read/Write" stays distinct from every other role. */
export const shortRoleLabel = (name: string) => describeRole(name).label.replace(/^Project /, '');

// Plain elements, not Mantine badges and tooltips: hundreds of cells mount in one scroll step.
export const RoleCell = memo(function RoleCell({ roles, projectName, href, holder, kindName, density }: Props) {
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
      href={href}
      className={classes.cellLink}
      data-density={density}
      tabIndex={-1}
      title={full}
      aria-label={`${holder} in ${projectName}: ${full}. Open the ${kindName} in the project.`}
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
